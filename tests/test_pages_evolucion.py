"""The Evolución page (views/evolucion.py) under AppTest, on the sample data and on an empty store."""

from __future__ import annotations

import pytest

from tests.support.pages_entity import (
    chart_figures,
    chart_titles,
    open_page,
    table_with,
    texts,
    values,
)


@pytest.fixture
def sample(sample_db, use_db):
    use_db(sample_db)


def test_index_and_areas_across_rounds_with_n_and_the_framework_version(sample):
    at = open_page("evolucion")
    assert not at.exception
    titles = chart_titles(at)
    assert titles[0] == "El índice medio subió 2,0 puntos desde 2023 (41 → 42 entidades)"
    assert titles[1].startswith("Organización TIC: el área que más cambió desde 2023")
    index, areas, movers = chart_figures(at)
    assert [round(v, 2) for v in values(index["data"][0]["y"])] == [41.16, 44.46, 46.47]  # recomputed from the CSVs for 2025.1 (DIGEMIG 46.92 as the report scores it)
    assert {trace["name"] for trace in areas["data"]} == {
        "Índice medio", "Planificación institucional", "Organización TIC", "Infraestructura tecnológica",
        "Procesos y trámites", "Herramientas de gobierno electrónico"}
    shown = texts(at)
    assert "2022: 41 · 2023: 41 · 2024: 42" in shown
    assert "2022: 2025.1 · 2023: 2025.1 · 2024: 2025.1" in shown and "misma metodología" in shown


def test_the_entities_that_moved_most_up_and_down_open_their_profile_on_click(sample):
    at = open_page("evolucion")
    assert chart_titles(at)[2] == "ASFI es la que más subió (+19,2 puntos); INRA la que más bajó (−12,2) desde 2023"
    bars = chart_figures(at)[2]["data"][0]
    assert len(values(bars["y"])) == 10 and sum(v > 0 for v in values(bars["x"])) == 5
    labels = values(bars["text"])
    assert labels[-1] == "+19,2" and labels[0] == "\u221212,2"  # the minus the title writes, not a hyphen
    assert all(label[0] in "+\u2212" for label in labels)
    changes = table_with(at, "Cambio (puntos)")
    assert len(changes) == 41
    assert not any(str(v).startswith("-") for v in changes["Cambio (puntos)"])
    assert any(str(v).startswith("\u2212") for v in changes["Cambio (puntos)"])
    at.session_state["trends_movers"] = {"selection": {"points": [{"customdata": ["ASFI"]}], "point_indices": [0],
                                                       "box": [], "lasso": []}}
    at.run()
    assert at.query_params.get("entidad") in ("ASFI", ["ASFI"])


def test_a_highlighted_entity_gets_its_own_lines(sample):
    at = open_page("evolucion")
    at.selectbox(key="trends_highlight").set_value("ASFI").run()
    assert not at.exception
    index = chart_figures(at)[0]
    assert [trace["name"] for trace in index["data"]] == ["Índice medio", "ASFI"]
    assert index["data"][1]["line"]["width"] == 4  # the highlighted line is the thick one
    assert "ASFI subió 29,6 puntos desde 2022" in chart_titles(at)


def test_the_sector_filter_changes_the_means_and_n(sample):
    at = open_page("evolucion", nivel="empresa_publica")
    assert not at.exception
    shown = texts(at)
    assert "2024: 42" not in shown and "2024: " in shown
    everyone = values(chart_figures(open_page("evolucion"))[0]["data"][0]["y"])
    assert values(chart_figures(at)[0]["data"][0]["y"]) != everyone


def test_the_first_round_has_no_previous_round_to_compare(sample):
    at = open_page("evolucion", periodo="2022")
    assert not at.exception
    assert "es la primera evaluada" in texts(at)
    assert len(at.get("plotly_chart")) == 2


def test_trends_in_english(sample):
    at = open_page("evolucion", lang="en")
    assert at.title[0].value == "Change across rounds"
    assert chart_titles(at)[0].startswith("The mean index rose 2.0 points since 2023")


def test_trends_on_an_empty_store_say_what_to_load(empty_db, use_db):
    use_db(empty_db)
    at = open_page("evolucion")
    assert not at.exception and not at.get("plotly_chart")
    assert "Cargue puntajes" in texts(at)
