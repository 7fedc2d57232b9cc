"""Charts stay readable with many entities: at most MAX_ENTITY_ROWS rows or bars, and the view says so."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.generate import build_database
from egov.charts.base import MAX_ENTITY_ROWS, extremes

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_extremes_keeps_the_best_and_the_lowest_halves():
    frame = pd.DataFrame({"entity_code": [f"E{i}" for i in range(100)], "index_value": range(100)})
    kept = extremes(frame, "index_value", limit=10)
    assert sorted(kept["index_value"]) == [0, 1, 2, 3, 4, 95, 96, 97, 98, 99]
    assert extremes(frame.head(10), "index_value", limit=10) is not None
    assert len(extremes(frame.head(10), "index_value", limit=10)) == 10


@pytest.fixture(scope="module")
def many_db(tmp_path_factory):
    return build_database(tmp_path_factory.mktemp("many") / "many.duckdb", MAX_ENTITY_ROWS + 15)


def _page(page: str, db_path: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("EGOV_DB", str(db_path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception
    return at


def test_the_ranking_shows_the_best_and_the_lowest_and_says_so(many_db, monkeypatch):
    at = _page("resumen", many_db, monkeypatch)
    total = MAX_ENTITY_ROWS + 15
    assert at.metric[0].value == str(total)
    note = [c.value for c in at.main.caption if "Se muestran las" in c.value]
    assert note == [f"Se muestran las {MAX_ENTITY_ROWS // 2} entidades con el valor más alto y las "
                    f"{MAX_ENTITY_ROWS // 2} con el más bajo, de {total}. Use los filtros de sector, nivel o "
                    f"entidad para ver las demás."]
    ranking = [c for c in at.get("plotly_chart") if "resumen_ranking" in c.proto.id]
    assert len(ranking) == 1
    bars = sum(len(trace.get("y", [])) for trace in json.loads(ranking[0].proto.spec)["data"]
               if trace.get("type") == "bar")
    assert bars == MAX_ENTITY_ROWS


@pytest.mark.parametrize("page", ["areas", "herramientas"])
def test_entity_grids_show_the_first_rows_and_say_so(many_db, monkeypatch, page):
    at = _page(page, many_db, monkeypatch)
    assert any(f"Se muestran las primeras {MAX_ENTITY_ROWS} de {MAX_ENTITY_ROWS + 15} entidades" in c.value
               for c in at.main.caption)


def test_slides_show_the_best_and_the_lowest_and_the_note_says_so(many_db):
    from egov import scoring
    from egov.storage import db
    from egov.export import slides

    con = db.connect(many_db)
    try:
        cur = con.cursor()
        framework = scoring.default_framework(cur)
        deck = slides.build_deck(cur, framework, scoring.periods(cur, framework)[0], lang="es",
                                 only=["overview.ranking"])
    finally:
        con.close()
    (ranking,) = deck
    assert "Se muestran las 30 entidades con el valor más alto" in ranking.note
    assert sum(len(trace.x) for trace in ranking.figure.data if trace.type == "bar") == MAX_ENTITY_ROWS
    assert len(ranking.data) == MAX_ENTITY_ROWS + 15  # the data behind the slide keeps every entity
