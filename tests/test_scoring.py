"""The scoring engine against cases computed by hand.

Frameworks and assessments are written through the store (the same path an
import takes), then scored by the SQL under queries/.
"""

from __future__ import annotations

import hashlib
from itertools import count

import pandas as pd
import pytest

from egov import kinds, scoring
from egov.storage import db, store

pytestmark = pytest.mark.both_backends

_files = count(1)


def write(con, kind: str, rows: list[dict]) -> int:
    frames = kinds.to_tables(kind, pd.DataFrame(rows))
    digest = hashlib.sha256(f"{kind}-{next(_files)}-{rows!r}".encode()).hexdigest()
    return store.write_batch(con, store.BatchInfo(kind, f"{kind}.csv", digest), frames)


def framework_rows(code: str, areas: dict[str, tuple[float, list[tuple[str, float, float, float]]]],
                   bands=(("BAJO", 0, 50), ("ALTO", 50, 100))) -> list[dict]:
    """areas: {area: (weight, [(criterion, weight, scale_min, scale_max)])}."""
    rows = [{"marco": code, "tipo": "marco", "nombre": code, "version": "1"}]
    for order, (area, (weight, criteria)) in enumerate(areas.items(), 1):
        rows.append({"marco": code, "tipo": "area", "codigo": area, "nombre": area, "peso": weight, "orden": order})
        for c_order, (criterion, c_weight, low, high) in enumerate(criteria, 1):
            rows.append({"marco": code, "tipo": "criterio", "codigo": criterion, "area": area, "nombre": criterion,
                         "peso": c_weight, "escala_min": low, "escala_max": high, "orden": c_order})
    for order, (band, low, high) in enumerate(bands, 1):
        rows.append({"marco": code, "tipo": "banda", "codigo": band, "nombre": band, "limite_inferior": low,
                     "limite_superior": high, "orden": order})
    rows.append({"marco": code, "tipo": "escalon", "nivel": 0, "nombre": "Sin herramientas"})
    return rows


def entities(con, *codes: str) -> None:
    write(con, "entidades", [{"entidad": c, "nombre": f"Entidad {c}", "sector": "Pruebas", "nivel": "central"}
                             for c in codes])


def scores(con, framework: str, period: str, table: dict[str, dict[str, float | None | str]]) -> None:
    rows = []
    for entity, values in table.items():
        for criterion, value in values.items():
            row = {"entidad": entity, "gestion": period, "marco": framework, "criterio": criterion}
            if isinstance(value, str):
                row["estado"] = value
            else:
                row["puntaje"] = value
            rows.append(row)
    write(con, "puntajes", rows)


@pytest.fixture
def con(new_store):
    connection = db.connect(new_store)
    yield connection
    connection.close()


def by_entity(frame: pd.DataFrame) -> dict[str, dict]:
    return {r["entity_code"]: r for r in frame.to_dict("records")}


def test_unequal_weights_and_own_scales_match_hand_computation(con):
    # Area A (weight 3): A1 weight 1 on 0–4, A2 weight 3 on 0–10. Area B (weight 1): B1 on 1–5.
    write(con, "marco", framework_rows("FW", {"A": (3, [("A1", 1, 0, 4), ("A2", 3, 0, 10)]),
                                              "B": (1, [("B1", 1, 1, 5)])}))
    entities(con, "E1")
    scores(con, "FW", "2024", {"E1": {"A1": 2, "A2": 5, "B1": 4}})
    cur = con.cursor()
    # A = (1*0.5 + 3*0.5)/4 = 0.5 ; B = (4-1)/4 = 0.75 ; index = (3*0.5 + 1*0.75)/4 = 0.5625
    areas = scoring.area_scores(cur, "FW").set_index("area_code")["area_score"]
    assert areas["A"] == pytest.approx(50.0)
    assert areas["B"] == pytest.approx(75.0)
    row = by_entity(scoring.entity_scores(cur, "FW"))["E1"]
    assert row["index_value"] == pytest.approx(56.25)
    assert row["band_code"] == "ALTO"
    assert row["coverage"] == pytest.approx(1.0)


def test_missing_criteria_are_not_zero_and_lower_coverage(con):
    write(con, "marco", framework_rows("FW", {"A": (1, [("A1", 1, 0, 4), ("A2", 1, 0, 4)]),
                                              "B": (1, [("B1", 1, 0, 4), ("B2", 1, 0, 4)])}))
    entities(con, "E1", "E2")
    # E1: A2 unknown, B2 not applicable; E2 nothing at all in area B.
    scores(con, "FW", "2024", {"E1": {"A1": 4, "A2": "desconocido", "B1": 2, "B2": "no_aplica"},
                               "E2": {"A1": 2, "A2": 2}})
    cur = con.cursor()
    rows = by_entity(scoring.entity_scores(cur, "FW"))
    # E1: A = 100 (only A1 assessed), B = 50 (B1) -> 75, coverage 2 assessed / (4 - 1 n/a) = 2/3
    assert rows["E1"]["index_value"] == pytest.approx(75.0)
    assert rows["E1"]["coverage"] == pytest.approx(2 / 3)
    assert rows["E1"]["criteria_not_applicable"] == 1
    # E2: area B has no score: the index is A alone (50), never B counted as 0 (which would give 25).
    assert rows["E2"]["index_value"] == pytest.approx(50.0)
    assert rows["E2"]["coverage"] == pytest.approx(0.5)
    assert rows["E2"]["areas_scored"] == 1
    area_b = scoring.area_scores(cur, "FW").query("entity_code == 'E2' and area_code == 'B'").iloc[0]
    assert pd.isna(area_b["area_score"]) and area_b["coverage"] == 0


def test_ties_share_the_best_rank_competition_style(con):
    write(con, "marco", framework_rows("FW", {"A": (1, [("A1", 1, 0, 4)])}))
    entities(con, "E1", "E2", "E3", "E4")
    scores(con, "FW", "2024", {"E1": {"A1": 3}, "E2": {"A1": 3}, "E3": {"A1": 4}, "E4": {"A1": 1}})
    ranks = {k: v["rank_in_period"] for k, v in by_entity(scoring.entity_scores(con.cursor(), "FW")).items()}
    assert ranks == {"E3": 1, "E1": 2, "E2": 2, "E4": 4}


def test_near_ties_compared_at_two_decimals_share_a_rank(con):
    write(con, "marco", framework_rows("FW", {"A": (1, [("A1", 1, 0, 30000)])}))
    entities(con, "E1", "E2")
    # 20000/30000 = 66.6667 and 20000.1/30000 = 66.6670: equal at two decimals.
    scores(con, "FW", "2024", {"E1": {"A1": 20000}, "E2": {"A1": 20000.1}})
    ranks = {k: v["rank_in_period"] for k, v in by_entity(scoring.entity_scores(con.cursor(), "FW")).items()}
    assert ranks == {"E1": 1, "E2": 1}


def test_band_bounds_lower_inclusive_top_band_includes_100(con):
    write(con, "marco", framework_rows("FW", {"A": (1, [("A1", 1, 0, 4)])},
                                       bands=(("I", 0, 25), ("D", 25, 50), ("E", 50, 75), ("AV", 75, 100))))
    entities(con, "E0", "E1", "E2", "E4")
    scores(con, "FW", "2024", {"E0": {"A1": 0}, "E1": {"A1": 1}, "E2": {"A1": 2}, "E4": {"A1": 4}})
    bands = {k: v["band_code"] for k, v in by_entity(scoring.entity_scores(con.cursor(), "FW")).items()}
    assert bands == {"E0": "I", "E1": "D", "E2": "E", "E4": "AV"}


def test_two_frameworks_side_by_side_do_not_mix(con):
    write(con, "marco", framework_rows("FW1", {"A": (1, [("A1", 1, 0, 4)])}))
    write(con, "marco", framework_rows("FW2", {"A": (1, [("A1", 1, 0, 10)]), "B": (1, [("B1", 1, 0, 10)])}))
    entities(con, "E1")
    scores(con, "FW1", "2024", {"E1": {"A1": 1}})
    scores(con, "FW2", "2024", {"E1": {"A1": 10, "B1": 5}})
    cur = con.cursor()
    assert by_entity(scoring.entity_scores(cur, "FW1"))["E1"]["index_value"] == pytest.approx(25.0)
    assert by_entity(scoring.entity_scores(cur, "FW2"))["E1"]["index_value"] == pytest.approx(75.0)
    assert set(scoring.area_scores(cur, "FW1")["area_code"]) == {"A"}


def test_egdi_style_framework_reproduces_the_plain_mean_of_components(con):
    # UN EGDI = mean of OSI, TII, HCI (each 0–1). Three areas, one 0–1 criterion each, equal weights.
    write(con, "marco", framework_rows("EGDI", {"OSI": (1, [("OSI", 1, 0, 1)]), "TII": (1, [("TII", 1, 0, 1)]),
                                                "HCI": (1, [("HCI", 1, 0, 1)])},
                                       bands=(("LOW", 0, 25), ("MID", 25, 50), ("HIGH", 50, 75),
                                              ("VHIGH", 75, 100))))
    entities(con, "X", "Y")
    components = {"X": (0.6523, 0.7123, 0.8010), "Y": (0.3112, 0.2950, 0.5678)}
    scores(con, "EGDI", "2024", {e: dict(zip(("OSI", "TII", "HCI"), v)) for e, v in components.items()})
    rows = by_entity(scoring.entity_scores(con.cursor(), "EGDI"))
    for entity, values in components.items():
        assert rows[entity]["index_value"] == pytest.approx(round(100 * sum(values) / 3, 2))
    assert rows["X"]["band_code"] == "HIGH" and rows["Y"]["band_code"] == "MID"


def test_tool_criteria_are_scored_from_adoption_status(con):
    rows = framework_rows("FW", {"HERR": (1, [])})
    rows += [{"marco": "FW", "tipo": "herramienta", "codigo": t, "nombre": t} for t in ("firma", "interop")]
    rows += [{"marco": "FW", "tipo": "criterio", "codigo": f"H.{t}", "area": "HERR", "nombre": t, "peso": 1,
              "escala_min": 0, "escala_max": 3, "herramienta": t} for t in ("firma", "interop")]
    write(con, "marco", rows)
    entities(con, "E1")
    write(con, "puntajes", [{"entidad": "E1", "gestion": "2024", "marco": "FW", "criterio": "H.firma",
                             "estado": "desconocido"}])
    write(con, "herramientas", [
        {"entidad": "E1", "gestion": "2024", "marco": "FW", "herramienta": "firma", "estado": "plataforma"},
        {"entidad": "E1", "gestion": "2024", "marco": "FW", "herramienta": "interop", "estado": "propia"}])
    cur = con.cursor()
    results = scoring.criterion_results(cur, "FW").set_index("criterion_code")
    # The explicit 'desconocido' wins over the tool status; interop 'propia' = 2 on 0–3.
    assert results.loc["H.firma", "status"] == "desconocido"
    assert results.loc["H.interop", "score"] == pytest.approx(2.0)
    assert by_entity(scoring.entity_scores(cur, "FW"))["E1"]["index_value"] == pytest.approx(66.67)


def test_rank_ignores_filters_so_an_entity_keeps_its_place(con):
    write(con, "marco", framework_rows("FW", {"A": (1, [("A1", 1, 0, 4)])}))
    write(con, "entidades", [{"entidad": "E1", "nombre": "Uno", "sector": "Salud", "nivel": "central"},
                             {"entidad": "E2", "nombre": "Dos", "sector": "Justicia", "nivel": "municipal"}])
    scores(con, "FW", "2024", {"E1": {"A1": 4}, "E2": {"A1": 2}})
    filtered = scoring.entity_scores(con.cursor(), "FW", sectors=["Justicia"])
    assert filtered["entity_code"].tolist() == ["E2"]
    assert filtered.iloc[0]["rank_in_period"] == 2
