"""The deck as data (headlines that state findings) and as a PowerPoint file read back with python-pptx."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pptx import Presentation
from pptx.util import Emu

from egov import scoring
from egov.storage import db
from egov.export import deck, slides
from egov.export.report_pdf import ReportError

FW = "CGE-GE"
AS_OF = date(2026, 1, 15)
AREAS = ["PLAN", "ORG", "INFRA", "PROC", "HERR"]


@pytest.fixture
def cur(sample_con):
    with db.cursor(sample_con) as cursor:
        yield cursor


def test_the_default_deck_covers_overview_each_area_tools_and_recommendations(cur):
    shown = slides.build_deck(cur, FW, "2024", as_of=AS_OF)
    assert [s.key for s in shown] == (["overview.ranking", "overview.levels"] + [f"area.{a}" for a in AREAS]
                                      + ["tools.ladder", "tools.combinations", "tools.network", "recs.status",
                                         "recs.compliance"])
    for slide in shown:
        assert slide.headline and slide.note and slide.name
        assert slide.figure.data, slide.key  # a chart, not an empty figure
        assert slide.headline.replace("<br>", " ") in slide.figure.layout.title.text.replace("<br>", " ")
        assert not slide.data.empty, slide.key
        assert slide.source.startswith("Fuente: marco CGE-GE")
        assert "gestión 2024" in slide.source and "15/01/2026" in slide.source
        assert slide.source.endswith("Datos de demostración.")  # the demo set is synthetic


def test_headlines_state_the_finding_with_the_counts_of_the_round(cur):
    shown = {s.key: s for s in slides.build_deck(cur, FW, "2024", as_of=AS_OF)}
    scores = scoring.entity_scores(cur, FW, "2024")
    total = len(scores)
    high = int((scores["index_value"] >= 50).sum())
    assert shown["overview.ranking"].headline.startswith(f"{high} de {total} entidades tienen un índice de 50 o más")
    ladder = scoring.ladder(cur, FW, "2024")
    only_signature = int((ladder["step"] == 1).sum())
    full = int((ladder["step"] == 4).sum())
    assert shown["tools.ladder"].headline == (f"{only_signature} de {total} entidades solo usan firma digital; "
                                              f"{full} alcanzan la interoperabilidad plena")
    assert shown["tools.combinations"].headline.startswith("La combinación más común es")
    assert re.match(r"^\d+ entidades intercambian datos con \d+ instituciones", shown["tools.network"].headline)
    areas = scoring.area_scores(cur, FW, "2024")
    plan = areas[areas["area_code"] == "PLAN"].dropna(subset=["area_score"])
    below = int((plan["area_score"] < 50).sum())
    assert shown["area.PLAN"].headline.startswith(f"Planificación institucional: {below} de {len(plan)} entidades")
    assert re.search(r"^\d+ de \d+ recomendaciones abiertas tienen el plazo vencido", shown["recs.status"].headline)


def test_english_deck_speaks_english_with_decimal_points(cur):
    shown = slides.build_deck(cur, FW, "2024", lang="en", only=["overview.ranking", "tools.ladder"], as_of=AS_OF)
    assert [s.key for s in shown] == ["overview.ranking", "tools.ladder"]
    assert re.search(r"entities score 50 or more; the median is \d+\.\d$", shown[0].headline)
    assert "entities use only digital signature" in shown[1].headline
    assert shown[0].source.startswith("Source: framework CGE-GE")


def test_only_keeps_the_chosen_slides_in_the_chosen_order(cur):
    shown = slides.build_deck(cur, FW, "2024", only=["recs.status", "area.INFRA", "nonsense"], as_of=AS_OF)
    assert [s.key for s in shown] == ["recs.status", "area.INFRA"]


def test_a_peer_group_deck_holds_only_that_sector_and_says_so_in_the_source(cur):
    scores = scoring.entity_scores(cur, FW, "2024")
    sector = scores["sector"].value_counts().index[0]
    members = set(scores.loc[scores["sector"] == sector, "entity_code"])
    shown = slides.build_deck(cur, FW, "2024", sectors=[sector], only=["overview.ranking", "area.PLAN"],
                              as_of=AS_OF)
    assert set(shown[0].data["entity_code"]) == members
    assert set(shown[1].data["entity_code"]) == members
    assert f"sector: {sector}" in shown[0].source
    assert f"de {len(members)} entidades" in shown[0].headline


def test_an_entity_deck_is_about_the_entity_against_its_peers(cur):
    shown = slides.build_deck(cur, FW, "2024", entity="DIGEMIG", as_of=AS_OF)
    assert [s.key for s in shown] == list(slides.ENTITY_KEYS)
    radar, criteria, tools, recs, kept = shown
    row = scoring.entity_scores(cur, FW, "2024", entities=["DIGEMIG"]).iloc[0]
    index = f"{row['index_value']:.1f}".replace(".", ",")
    assert radar.headline.startswith(f"La DIGEMIG obtiene {index} sobre 100")
    # Real records only: the sample's other entities are synthetic, so no position and no peer mean.
    assert "posición" not in radar.headline and radar.data["peer_score"].isna().all()
    mixed = slides.build_deck(cur, FW, "2024", entity="DIGEMIG", as_of=AS_OF, include_synthetic=True)[0]
    assert f"posición {int(row['rank_in_period'])} de {int(row['ranked_in_period'])} en el índice" in mixed.headline
    assert len(mixed.figure.data) == 2  # the entity and its peers' mean
    assert "demostración" in mixed.source
    assert tools.headline == "La DIGEMIG está en el escalón 1 de 4 de la escalera de adopción: «Solo firma digital»"
    assert "Interoperabilidad" in tools.note and "Pagos electrónicos" in tools.note  # own mechanisms beside
    assert recs.headline.startswith("La DIGEMIG:") and len(recs.data) == 6
    assert "entidad: DIGEMIG" in radar.source
    assert "demostración" not in radar.source  # the real DIGEMIG assessment is not synthetic
    assert all(s.subject == "Dirección General de Migración" for s in shown)


def test_an_unknown_entity_gives_a_reason(cur):
    with pytest.raises(ReportError, match="no existe"):
        slides.build_deck(cur, FW, "2024", entity="NOPE")


def test_an_empty_database_gives_no_slides(empty_db):
    # (not beside the sample fixtures: both copy to the same temporary file name)
    con = db.connect(empty_db)
    try:
        with db.cursor(con) as empty:
            assert slides.build_deck(empty, FW, None) == []
    finally:
        con.close()


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_pptx_of_three_slides_has_a_cover_titles_pictures_and_source_notes(cur):
    shown = slides.build_deck(cur, FW, "2024", only=["overview.ranking", "tools.ladder", "recs.status"],
                              as_of=AS_OF)
    data = deck.pptx_deck(shown)
    prs = Presentation(io.BytesIO(data))
    assert prs.slide_width == Emu(int(13.333 * 914400)) and prs.slide_height == Emu(int(7.5 * 914400))
    pages = list(prs.slides)
    assert len(pages) == 1 + len(shown)
    assert pages[0].shapes.title.text == "Madurez de gobierno electrónico"
    assert any("DATOS DE DEMOSTRACIÓN" in text for text in _texts(pages[0]))
    for page, slide in zip(pages[1:], shown):
        assert page.shapes.title.text == slide.headline  # editable title text, not a picture
        pictures = [shape for shape in page.shapes if shape.shape_type == 13]
        assert len(pictures) == 1
        assert pictures[0].image.content_type == "image/png" and len(pictures[0].image.blob) > 10_000
        assert pictures[0].left + pictures[0].width <= prs.slide_width
        assert pictures[0].top + pictures[0].height <= prs.slide_height
        texts = _texts(page)
        assert slide.note in texts
        assert slide.source in texts and "Datos de demostración" in slide.source
        assert slide.source in page.notes_slide.notes_text_frame.text


def test_full_pptx_deck_has_one_slide_per_slide_of_the_page_plus_the_cover(cur):
    shown = slides.build_deck(cur, FW, "2024", as_of=AS_OF)
    prs = Presentation(io.BytesIO(deck.pptx_deck(shown)))
    titles = [page.shapes.title.text for page in prs.slides]
    assert titles == ["Madurez de gobierno electrónico"] + [s.headline for s in shown]
    assert all(any(shape.shape_type == 13 for shape in page.shapes) for page in list(prs.slides)[1:])


def test_entity_pptx_cover_names_the_entity(cur):
    shown = slides.build_deck(cur, FW, "2024", entity="DIGEMIG", only=["entity.tools"], as_of=AS_OF)
    prs = Presentation(io.BytesIO(deck.pptx_deck(shown)))
    pages = list(prs.slides)
    assert pages[0].shapes.title.text == "Madurez de gobierno electrónico: Dirección General de Migración"
    assert not any("DEMOSTRACIÓN" in text for text in _texts(pages[0]))
    assert pages[1].shapes.title.text.startswith("La DIGEMIG está en el escalón 1")


# --- the index of compliance with recommendations in the deck (issue 17) ------------------------------------


def _one(value) -> str:
    return f"{value:.1f}".replace(".", ",")


def test_the_compliance_slide_holds_the_core_figures_of_every_entity(cur):
    from egov import compliance
    slide = slides.build_deck(cur, FW, "2024", only=["recs.compliance"], as_of=AS_OF)[0]
    expected = compliance.by_entity(cur, as_of=AS_OF, framework=FW)
    known = expected[expected["compliance_index"].notna()]
    groups = compliance.groups(expected).set_index("group")["entities"]
    assert slide.headline == (f"{groups['alto']} de {len(known)} entidades cumplen sus recomendaciones en grado alto "
                              f"(índice ≥ 75) y {groups['bajo']} en grado bajo (< 50); la mediana del índice de "
                              f"cumplimiento es {_one(known['compliance_index'].median())}")
    assert slide.data.set_index("entity_code")["compliance_index"].dropna().to_dict() == pytest.approx(
        known.set_index("entity_code")["compliance_index"].to_dict())
    drawn = {x: y for trace in slide.figure.data for x, y in zip(trace.x, trace.y)}
    assert len(drawn) == len(known)  # DIGEMIG (no credit) is not drawn as a 0
    assert sorted(drawn.values()) == pytest.approx(sorted(known["compliance_index"]))
    assert f"{groups['sin_datos']} sin datos" in slide.note
    assert slide.source.endswith("Datos de demostración.")


def test_digemig_deck_says_its_compliance_and_timeliness_are_unknown_never_zero(cur):
    shown = slides.build_deck(cur, FW, "2024", entity="DIGEMIG", only=["entity.compliance"], as_of=AS_OF)
    prs = Presentation(io.BytesIO(deck.pptx_deck(shown)))
    page = list(prs.slides)[1]
    assert page.shapes.title.text == ("La DIGEMIG: el índice de cumplimiento de recomendaciones no se conoce: "
                                      "ninguna tiene aún crédito (oportunidad: no se conoce)")
    texts = " ".join(_texts(page))
    assert "0 recomendaciones con crédito, 0 en plazo, 6 sin plazo acordado" in texts and "0 de 0 con plazo acordado" in texts
    assert "demostración" not in texts.lower()  # real records only: an official page with no synthetic figure
    assert not any("DEMOSTRACIÓN" in text for text in _texts(list(prs.slides)[0]))


def test_a_synthetic_entity_deck_shows_the_core_index_and_its_evolution_marked_on_every_page(cur):
    from egov import compliance
    shown = slides.build_deck(cur, FW, "2024", entity="SEGIP", as_of=AS_OF, include_synthetic=True)
    data = deck.pptx_deck(shown)
    prs = Presentation(io.BytesIO(data))
    pages = list(prs.slides)
    row = compliance.of_entity(cur, "SEGIP", as_of=AS_OF, framework=FW)
    steps = compliance.evolution(cur, ["SEGIP"], framework=FW)
    steps = steps[steps["as_of"] <= AS_OF]
    page = pages[1 + list(slides.ENTITY_KEYS).index("entity.compliance")]
    # On the sample SEGIP met 2 of its 3 recommendations with a deadline on time: a timeliness between 0 and 100.
    assert (row["met_on_time"], row["met_with_deadline"]) == (2, 3) and compliance.group_of(row["compliance_index"]) \
        == "medio"
    assert page.shapes.title.text == (
        f"El SEGIP: índice de cumplimiento de recomendaciones {_one(row['compliance_index'])}, grupo Medio (50–75); "
        f"grado {_one(row['degree'])}, oportunidad {_one(row['timeliness'])}")
    texts = " ".join(_texts(page))
    assert (f"cumplidas a tiempo: {row['met_on_time']} de {row['met_with_deadline']} con plazo acordado. "
            f"{len(steps)} informes de seguimiento") in texts
    chart = next(s for s in shown if s.key == "entity.compliance")
    index_line = next(trace for trace in chart.figure.data if trace.name == "Índice de cumplimiento")
    assert list(index_line.y) == pytest.approx(steps["compliance_index"].tolist())
    assert all(any("Datos de demostración" in text for text in _texts(p)) for p in pages[1:])
    assert any("DATOS DE DEMOSTRACIÓN" in text for text in _texts(pages[0]))
