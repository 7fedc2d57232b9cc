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


def _values(array) -> list:
    """A trace's array as sent: a plain list, or Plotly's typed base64 form."""
    import base64

    import numpy as np

    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_spread_dots_are_each_areas_lowest_and_highest_and_its_box_every_entity():
    from egov.charts.spread import dotted

    rows = pd.DataFrame({"area_code": ["A"] * 9 + ["B"] * 3, "entity_code": [f"E{i}" for i in range(9)] + ["X", "Y", "Z"],
                         "area_score": [50, 10, 90, 10, 70, 30, None, 90, 20, 5, 6, 7]})
    kept = dotted(rows, limit=4)
    # A: the two lowest (10 by E1, then E3: ties by code) and the two highest (90: E2, E7); B fits whole
    assert sorted(kept["entity_code"]) == ["E1", "E2", "E3", "E7", "X", "Y", "Z"]
    assert len(dotted(rows, limit=8)) == 11  # every scored row once the biggest area fits


def test_the_spread_chart_says_when_its_dots_are_each_areas_extremes(many_db, monkeypatch):
    from egov.charts import spread
    from egov.ui import state

    at = _page("areas", many_db, monkeypatch)  # 75 entities: every one a dot, and nothing to say
    assert not [c for c in at.main.caption if "Cada caja resume" in c.value]
    monkeypatch.setattr(spread, "DOTS_PER_AREA", 20)
    state.data_changed()  # the chart and its note are built once per data version: build them again
    try:
        _check_extremes_drawn(_page("areas", many_db, monkeypatch))
    finally:
        state.data_changed()  # no later test meets the chart built with 20 dots


def _check_extremes_drawn(at: AppTest) -> None:
    total = MAX_ENTITY_ROWS + 15
    assert [c.value for c in at.main.caption if "Cada caja resume" in c.value] == [
        f"Cada caja resume a todas las entidades ({total}); como puntos se muestran, en cada área, las 10 de "
        "puntaje más alto y las 10 de más bajo. Use los filtros de sector, nivel o entidad para ver las demás."]
    (chart,) = [c for c in at.get("plotly_chart") if "areas_spread" in c.proto.id]
    data = json.loads(chart.proto.spec)["data"]
    boxes = [trace for trace in data if trace["type"] == "box"]
    (dots,) = [trace for trace in data if trace["type"] == "scatter"]
    assert boxes and all(len(_values(box["x"])) == total for box in boxes)  # every entity in every box
    assert len(dots["customdata"]) == 20 * len(boxes)
    for box in boxes:  # each area's dots: its 10 lowest and 10 highest scores
        scores = sorted(_values(box["x"]))
        shown = sorted(x for x, (_, _, area) in zip(_values(dots["x"]), dots["customdata"]) if area == box["name"])
        assert shown == scores[:10] + scores[-10:]


def test_a_ladder_step_names_only_the_whole_entities_that_fit_beside_its_bar_and_counts_the_rest():
    """Plotly cuts a label at the chart's edge, in the middle of a name: the label stops before, at a name."""
    from egov.charts import bars

    steps = pd.DataFrame({"step": [0, 1, 2], "name_es": ["Sin herramientas", "Solo firma digital", "Servicios"],
                          "name_en": ["None", "Signature only", "Services"]})
    acronyms = [f"ENTIDAD-{i:02d}" for i in range(30)]
    ladder = pd.DataFrame({"entity_code": acronyms + ["SOLA"], "acronym": acronyms + ["SOLA"],
                           "name": acronyms + ["Sola"], "step": [2] * 30 + [1],
                           "own_tools": [[] for _ in range(31)]})
    fig = bars.ladder_steps(ladder, steps, title="", lang="es")
    texts = dict(zip(fig.data[0].y, fig.data[0].text))
    crowded = texts["2. Servicios"]
    assert len(crowded) <= bars.LADDER_LABEL_CHARS and crowded.startswith("30 (97 %) · ENTIDAD-00, ")
    shown = crowded.split(" · ", 1)[1].rsplit(" … ", 1)
    names = shown[0].split(", ")
    assert names == acronyms[:len(names)] and shown[1] == f"(+{30 - len(names)})"  # whole names, then the count
    assert texts["1. Solo firma digital"] == "1 (3 %) · SOLA" and texts["0. Sin herramientas"] == "0 (0 %)"
