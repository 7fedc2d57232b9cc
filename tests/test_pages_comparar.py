"""The Comparar page (views/comparar.py) under AppTest, on the sample data and on an empty store."""

from __future__ import annotations

import pytest

from tests.support.pages_entity import chart_figures, chart_titles, open_page, table_with, texts

THREE = ["DIGEMIG", "ASFI", "BOA"]


@pytest.fixture
def sample(sample_db, use_db):
    use_db(sample_db)


def test_three_entities_from_the_url_side_by_side_by_index_area_and_tool(sample):
    at = open_page("comparar", comparar=THREE)
    assert not at.exception
    table = table_with(at, "Índice")
    assert [e.split(" — ")[0] for e in table["Entidad"]] == ["DIGEMIG", "ASFI", "BoA"]
    assert table["Índice"].tolist() == ["46,92", "74,85", "22,35"]
    assert table["Grado"].tolist() == ["Básico", "Intermedio", "Incipiente"]
    assert table["Cobertura"].tolist() == ["62 %", "93 %", "93 %"]  # 18 of 29; 27 of 29 (two unknown each)
    areas, tools = chart_figures(at)
    assert {trace["name"] for trace in areas["data"]} == {"DIGEMIG", "ASFI", "BoA"}
    assert all(len(trace["x"]) == 5 for trace in areas["data"])
    assert chart_titles(at)[0] == "La mayor brecha está en Planificación institucional: 71,0 puntos entre ASFI y BoA"
    heat = tools["data"][0]
    assert heat["y"] == ["DIGEMIG", "ASFI", "BoA"] and len(heat["x"]) == 8
    assert "Firma digital" in chart_titles(at)[1]


def test_fewer_than_two_or_more_than_six_entities_get_a_clear_message(sample):
    at = open_page("comparar")
    assert not at.exception and not at.get("plotly_chart")
    assert "Elija al menos 2 entidades" in texts(at)
    at = open_page("comparar", comparar=["ASFI"])
    assert "(ahora: 1)" in texts(at) and not at.get("plotly_chart")
    seven = ["DIGEMIG", "ASFI", "BOA", "SEGIP", "SIN", "INRA", "POL"]
    at = open_page("comparar", comparar=seven)
    assert not at.exception and not at.get("plotly_chart")
    assert "como máximo 6 entidades" in texts(at) and "(ahora: 7)" in texts(at)


def test_the_choice_is_kept_in_the_url(sample):
    at = open_page("comparar", comparar=["ASFI", "BOA"])
    at.multiselect(key="compare_choice").select("SEGIP").run()
    assert not at.exception
    assert at.query_params["comparar"] == ["ASFI", "BOA", "SEGIP"]
    assert len(table_with(at, "Índice")) == 3


def test_the_round_filter_changes_the_figures_and_names_who_was_not_assessed(sample):
    now = table_with(open_page("comparar", comparar=["ASFI", "BOA"]), "Índice")["Índice"].tolist()
    at = open_page("comparar", comparar=["ASFI", "BOA", "DIGEMIG"], periodo="2023")
    before = table_with(at, "Índice")
    assert before["Índice"].tolist() == ["55,61", "33,18"] != now
    assert "Sin evaluación en la gestión 2023: DIGEMIG" in texts(at)


def test_compare_in_english(sample):
    at = open_page("comparar", comparar=["ASFI", "BOA"], lang="en")
    assert at.title[0].value == "Compare entities"
    assert chart_titles(at)[0].startswith("The widest gap is in")


def test_compare_on_an_empty_store_says_what_to_load(empty_db, use_db):
    use_db(empty_db)
    at = open_page("comparar", comparar=THREE)
    assert not at.exception and not at.get("plotly_chart")
    assert "Cargue puntajes" in texts(at)
