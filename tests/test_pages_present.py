"""The presentation page under AppTest: slide counter, previous/next, URL parameters, setup, empty database."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

PAGE = "views/presentacion.py"


def _app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=90)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _counter(at: AppTest) -> str:
    found = [m.value for m in at.markdown if " / " in m.value and m.value.replace(" / ", "").isdigit()]
    assert len(found) == 1, [m.value for m in at.markdown]
    return found[0]


def _headline(at: AppTest) -> str:
    return at.title[0].value.replace("\\", "")


@pytest.fixture
def sample_app(sample_db, use_db):
    use_db(sample_db)


def test_next_and_previous_move_the_counter_and_the_url(sample_app):
    at = _app({"periodo": "2024"})
    assert _counter(at) == "1 / 12"
    first = _headline(at)
    assert first.endswith("entidades tienen un índice de 50 o más; la mediana es 44,1")  # median of the 42 indices of 2024: 44.135
    assert at.button(key="slide_prev").disabled
    at.button(key="slide_next").click().run()
    assert _counter(at) == "2 / 12"
    assert at.query_params["diapositiva"] == "2"
    assert _headline(at) != first
    at.button(key="slide_prev").click().run()
    assert _counter(at) == "1 / 12" and _headline(at) == first


def test_a_link_opens_an_entity_deck_on_the_given_slide(sample_app):
    at = _app({"periodo": "2024", "entidad": "DIGEMIG", "diapositiva": "3"})
    assert _counter(at) == "3 / 5"
    assert _headline(at) == "La DIGEMIG está en el escalón 1 de 4 de la escalera de adopción: «Solo firma digital»"
    at.button(key="slide_next").click().run()
    at.button(key="slide_next").click().run()
    assert _counter(at) == "5 / 5" and at.button(key="slide_next").disabled
    # The last slide: its compliance with recommendations, unknown (no acceptance, schedule or follow-up).
    assert _headline(at).startswith("La DIGEMIG: el índice de cumplimiento de recomendaciones no se conoce")


def test_the_slides_parameter_chooses_and_orders_the_slides(sample_app):
    at = _app({"periodo": "2024", "slides": "recs.status,tools.ladder", "diapositiva": "99"})
    assert _counter(at) == "2 / 2"  # a slide number past the end shows the last slide
    assert "entidades solo usan firma digital" in _headline(at)


def test_the_setup_panel_starts_an_entity_presentation(sample_app):
    at = _app({"periodo": "2024"})
    at.radio[0].set_value("entity")
    entity_box = next(box for box in at.selectbox if box.label == "Entidad")
    entity_box.set_value("DIGEMIG")
    # Slides of both kinds picked: only the entity's are kept for an entity presentation.
    next(m for m in at.multiselect if m.label == "Diapositivas").set_value(["overview.ranking", "entity.tools",
                                                                         "entity.recs"])
    next(b for b in at.button if b.label == "Presentar").click().run()
    assert not at.exception
    assert at.query_params["entidad"] == "DIGEMIG"
    assert at.query_params["slides"] == "entity.tools,entity.recs"
    assert _counter(at) == "1 / 2"
    assert _headline(at).startswith("La DIGEMIG está en el escalón 1")


def test_a_peer_group_presentation_shows_only_that_sector(sample_app):
    at = _app({"periodo": "2024", "pares": "Salud", "slides": "overview.ranking"})
    assert _counter(at) == "1 / 1"
    headline = _headline(at)
    assert "de 42 entidades" not in headline and " entidades tienen un índice" in headline
    source = [m.value for m in at.markdown if m.value.startswith("Fuente")][0].replace("\\", "")
    assert "sector: Salud" in source


def test_an_empty_database_explains_instead_of_failing(empty_db, use_db):
    use_db(empty_db)
    at = _app()
    assert any("No hay evaluaciones para presentar" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "slide_next"]


def test_the_english_presentation_speaks_english(sample_app):
    at = _app({"periodo": "2024", "lang": "en", "slides": "tools.ladder,recs.status"})
    assert _counter(at) == "1 / 2"
    assert "entities use only digital signature" in _headline(at)
    assert {b.label for b in at.button} >= {"Previous", "Next"}


def _demo_badges(at: AppTest) -> int:
    return sum(m.value.startswith(":orange-badge[") and "Datos de demostración" in m.value for m in at.markdown)


def test_the_demo_badge_follows_the_slide_not_the_sidebar(sample_app):
    # The default deck holds the synthetic set; a deck about DIGEMIG (a real report) does not.
    assert _demo_badges(_app({"periodo": "2024"})) == 1
    assert _demo_badges(_app({"periodo": "2024", "entidad": "DIGEMIG", "diapositiva": "1"})) == 0


def test_without_chromium_the_image_downloads_say_why_instead_of_failing(sample_app, monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")  # no chromium to be found
    at = _app({"periodo": "2024", "entidad": "DIGEMIG", "diapositiva": "1"})
    assert any("falta Chromium" in w.value for w in at.warning)
    buttons = {b.proto.label: b.proto.disabled for b in at.get("download_button")}
    image_labels = [label for label in buttons if any(k in label for k in ("PowerPoint", "PDF", "PNG", "SVG"))]
    assert len(image_labels) == 4 and all(buttons[label] for label in image_labels)
    data_labels = [label for label in buttons if "CSV" in label or "Excel" in label]
    assert data_labels and not any(buttons[label] for label in data_labels)


def test_with_chromium_every_download_is_offered(sample_app):
    at = _app({"periodo": "2024", "entidad": "DIGEMIG", "diapositiva": "1"})
    assert not any("falta Chromium" in w.value for w in at.warning)
    assert not any(b.proto.disabled for b in at.get("download_button"))
