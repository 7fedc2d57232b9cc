"""Scoring cases computed by hand where every plausible formula gives a different answer.

Each case is built so that a plain mean instead of a weighted one, a missing
normalisation, «desconocido» or «no aplica» counted as zero, the wrong
coverage denominator, or rounding at another precision, would each move the
figure. The arithmetic is written beside every expected value, with the
figure the wrong formula would give.
"""

from __future__ import annotations

import pandas as pd
import pytest

from egov import areas as area_reads
from egov import scoring
from egov.storage import db
from tests.test_scoring import by_entity, entities, framework_rows, scores, write


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "arithmetic.duckdb")
    yield connection
    connection.close()


# Area A (weight 3): A1 weight 3 on 0–4, A2 weight 1 on 0–10, A3 weight 2 on 0–4, A4 weight 5 on 0–4.
# Area B (weight 1): B1 weight 1 on 1–5, B2 weight 1 on 0–4.
FRAMEWORK = {"A": (3, [("A1", 3, 0, 4), ("A2", 1, 0, 10), ("A3", 2, 0, 4), ("A4", 5, 0, 4)]),
             "B": (1, [("B1", 1, 1, 5), ("B2", 1, 0, 4)])}
# E1: A1 = 4 (normalised 1.0), A2 = 2 (0.2), A3 «no aplica», A4 «desconocido»; B1 = 2 ((2-1)/4 = 0.25),
# B2 not in the file at all (no data).
E1 = {"A1": 4, "A2": 2, "A3": "no_aplica", "A4": "desconocido", "B1": 2}


@pytest.fixture
def weighted(con):
    write(con, "marco", framework_rows("W", FRAMEWORK))
    entities(con, "E1")
    scores(con, "W", "2024", {"E1": E1})
    return con.cursor()


def test_area_score_is_the_criterion_weighted_mean_of_normalised_scores_of_assessed_criteria(weighted):
    areas = scoring.area_scores(weighted, "W").set_index("area_code")
    # A = 100 × (3×1.0 + 1×0.2) / (3 + 1) = 100 × 3.2 / 4 = 80.0
    #   plain mean of A1, A2:                 100 × (1.0 + 0.2) / 2   = 60.0
    #   raw scores weighted, not normalised:  100 × (3×4 + 1×2) / (3×4 + 1×10) = 63.64
    #   «desconocido» A4 counted as zero:     100 × 3.2 / (3 + 1 + 5) = 35.56
    #   «no aplica» A3 counted as zero:       100 × 3.2 / (3 + 1 + 2) = 53.33
    assert areas.loc["A", "area_score"] == pytest.approx(80.0)
    # B = 100 × (2 − 1) / (5 − 1) = 25.0 ; without the scale's minimum 100 × 2/5 = 40 ;
    #   B2 (no data) counted as zero: 12.5
    assert areas.loc["B", "area_score"] == pytest.approx(25.0)


def test_index_is_the_area_weighted_mean_of_area_scores(weighted):
    row = by_entity(scoring.entity_scores(weighted, "W"))["E1"]
    # index = (3×80 + 1×25) / (3 + 1) = 265 / 4 = 66.25
    #   plain mean of areas: (80 + 25) / 2 = 52.5
    #   criteria pooled across areas: 100 × (3×1.0 + 1×0.2 + 1×0.25) / (3 + 1 + 1) = 69.0
    #   area weights ignored but criterion weights summed per area: (4×80 + 1×25) / 5 = 69.0
    assert row["index_value"] == pytest.approx(66.25)
    assert row["band_code"] == "ALTO"


def test_coverage_per_area_leaves_not_applicable_out_of_the_denominator(weighted):
    areas = scoring.area_scores(weighted, "W").set_index("area_code")
    # A: 2 assessed / (4 criteria − 1 «no aplica») = 2/3 ; with «no aplica» in the denominator 2/4 = 0.5 ;
    #    with «desconocido» also out of it 2/2 = 1.0
    assert areas.loc["A", "coverage"] == pytest.approx(2 / 3)
    assert (areas.loc["A", "criteria_assessed"], areas.loc["A", "criteria_not_applicable"],
            areas.loc["A", "criteria_total"]) == (2, 1, 4)
    # B: 1 assessed / 2 criteria (B2 has no data: it counts as not assessed) = 0.5
    assert areas.loc["B", "coverage"] == pytest.approx(0.5)
    assert (areas.loc["B", "criteria_assessed"], areas.loc["B", "criteria_not_applicable"]) == (1, 0)


def test_coverage_per_entity_pools_the_criteria_rather_than_averaging_the_areas(weighted):
    row = by_entity(scoring.entity_scores(weighted, "W"))["E1"]
    # 3 assessed (A1, A2, B1) / (6 criteria − 1 «no aplica») = 3/5 = 0.6
    #   «no aplica» kept in the denominator: 3/6 = 0.5 ; mean of the areas' coverages: (2/3 + 1/2) / 2 = 0.583
    assert row["coverage"] == pytest.approx(0.6)
    assert (row["criteria_assessed"], row["criteria_not_applicable"], row["criteria_total"]) == (3, 1, 6)
    assert (row["areas_scored"], row["areas_total"]) == (2, 2)


def test_group_means_use_the_weighted_area_scores_and_leave_missing_areas_out(con):
    write(con, "marco", framework_rows("W", FRAMEWORK))
    entities(con, "E1", "E2")  # both in sector «Pruebas»
    # E2: only area B assessed, B1 = 5 on 1–5 -> B = 100 ; A has no score.
    scores(con, "W", "2024", {"E1": E1, "E2": {"A1": "desconocido", "B1": 5}})
    cur = con.cursor()
    scoped = area_reads.area_scores(cur, "W", "2024").set_index(["entity_code", "area_code"])["area_score"]
    assert scoped[("E1", "A")] == pytest.approx(80.0) and scoped[("E1", "B")] == pytest.approx(25.0)
    groups = area_reads.by_group(cur, "W", "2024", "sector").set_index("area_code")
    # A: E1 alone (E2 has no score there, never a zero) = 80 ; counted as zero it would be 40.
    assert groups.loc["A", "mean_score"] == pytest.approx(80.0) and groups.loc["A", "entities"] == 1
    # B: (25 + 100) / 2 = 62.5
    assert groups.loc["B", "mean_score"] == pytest.approx(62.5) and groups.loc["B", "entities"] == 2
    # The group's mean index: E1 = 66.25 (see above), E2 = 100 (B alone) -> (66.25 + 100) / 2 = 83.125
    #   with plain means of the areas E1 would be 52.5 -> 76.25
    assert groups["mean_index"].iloc[0] == pytest.approx(83.125)
    assert groups["entities_indexed"].iloc[0] == 2
    means = area_reads.area_means(area_reads.area_scores(cur, "W", "2024")).set_index("area_code")
    assert means.loc["A", "mean_score"] == pytest.approx(80.0) and means.loc["A", "entities"] == 1
    assert means.loc["B", "mean_score"] == pytest.approx(62.5)


def test_an_entity_scored_in_one_area_only_takes_that_area_as_its_index(con):
    write(con, "marco", framework_rows("W", FRAMEWORK))
    entities(con, "E2")
    # E2: area A wholly «desconocido», B1 = 4 on 1–5 -> B = 100 × 3/4 = 75.
    scores(con, "W", "2024", {"E2": {"A1": "desconocido", "A2": "desconocido", "B1": 4, "B2": 0}})
    cur = con.cursor()
    areas = scoring.area_scores(cur, "W").set_index("area_code")
    assert areas["area_score"].isna()["A"] and areas.loc["A", "coverage"] == 0
    # B = 100 × (1×0.75 + 1×0.0) / 2 = 37.5 (B2 = 0 is a real zero, assessed)
    assert areas.loc["B", "area_score"] == pytest.approx(37.5)
    row = by_entity(scoring.entity_scores(cur, "W"))["E2"]
    # index = B alone = 37.5 ; area A counted as zero would give (3×0 + 1×37.5)/4 = 9.38
    assert row["index_value"] == pytest.approx(37.5)
    assert row["band_code"] == "BAJO"
    # coverage = 2 assessed (B1, B2) / 6 criteria = 1/3
    assert row["coverage"] == pytest.approx(1 / 3)
    assert (row["areas_scored"], row["areas_total"]) == (1, 2)


def test_an_entity_with_nothing_assessed_has_no_index_no_rank_and_no_band(con):
    write(con, "marco", framework_rows("W", FRAMEWORK))
    entities(con, "E1", "E3")
    scores(con, "W", "2024", {"E1": E1, "E3": {"A1": "desconocido", "B1": "no_aplica"}})
    rows = by_entity(scoring.entity_scores(con.cursor(), "W"))
    assert pd.isna(rows["E3"]["index_value"]) and pd.isna(rows["E3"]["rank_in_period"])
    assert pd.isna(rows["E3"]["band_code"])
    # only E1 is ranked: 1 of 1
    assert (rows["E1"]["rank_in_period"], rows["E1"]["ranked_in_period"]) == (1, 1)
    assert rows["E3"]["ranked_in_period"] == 1
    # E3 coverage: 0 assessed / (6 − 1 «no aplica») = 0
    assert rows["E3"]["coverage"] == 0


def test_ranks_compare_the_index_at_two_decimals_competition_style(con):
    write(con, "marco", framework_rows("R", {"A": (1, [("A1", 1, 0, 10000)])}))
    entities(con, "E1", "E2", "E3", "E4", "E5", "E6")
    # index = score / 100: E1 50.04, E2 50.01, E3 50.004 -> 50.00, E4 50.00, E6 49.996 -> 50.00, E5 40.00.
    scores(con, "R", "2024", {"E1": {"A1": 5004}, "E2": {"A1": 5001}, "E3": {"A1": 5000.4},
                              "E4": {"A1": 5000}, "E5": {"A1": 4000}, "E6": {"A1": 4999.6}})
    rows = by_entity(scoring.entity_scores(con.cursor(), "R"))
    assert {k: v["index_value"] for k, v in rows.items()} == pytest.approx(
        {"E1": 50.04, "E2": 50.01, "E3": 50.0, "E4": 50.0, "E5": 40.0, "E6": 50.0})
    ranks = {k: v["rank_in_period"] for k, v in rows.items()}
    # At two decimals: 50.04 > 50.01 > 50.00 = 50.00 = 50.00 > 40.00 -> 1, 2, 3, 3, 3, 6.
    #   compared at one decimal: 1, 1, 1, 1, 1, 6 ; unrounded: 1, 2, 3, 4, 5, 6 ; dense ranking: ..., E5 = 4
    assert ranks == {"E1": 1, "E2": 2, "E3": 3, "E4": 3, "E6": 3, "E5": 6}
    assert {v["ranked_in_period"] for v in rows.values()} == {6}
    # The band is that of the index as shown: 49.996 shows as 50.00 and is in ALTO (from 50 inclusive).
    assert {k: v["band_code"] for k, v in rows.items()} == {
        "E1": "ALTO", "E2": "ALTO", "E3": "ALTO", "E4": "ALTO", "E6": "ALTO", "E5": "BAJO"}


def test_every_entity_falls_in_exactly_one_band_at_each_bound(con):
    write(con, "marco", framework_rows("B", {"A": (1, [("A1", 1, 0, 100)])},
                                       bands=(("I", 0, 25), ("D", 25, 50), ("E", 50, 75), ("AV", 75, 100))))
    codes = {"B0": 0, "B24": 24.99, "B25": 25, "B50": 50, "B75": 75, "B99": 99.99, "B100": 100}
    entities(con, *codes)
    scores(con, "B", "2024", {e: {"A1": v} for e, v in codes.items()})
    frame = scoring.entity_scores(con.cursor(), "B")
    # One row per entity: a bound belongs to the band above it, and 100 to the top band.
    assert sorted(frame["entity_code"]) == sorted(codes)
    assert dict(zip(frame["entity_code"], frame["band_code"])) == {
        "B0": "I", "B24": "I", "B25": "D", "B50": "E", "B75": "AV", "B99": "AV", "B100": "AV"}


def test_ranks_are_per_period_and_the_filters_only_choose_rows(con):
    write(con, "marco", framework_rows("R", {"A": (1, [("A1", 1, 0, 4)])}))
    entities(con, "E1", "E2")
    scores(con, "R", "2023", {"E1": {"A1": 1}, "E2": {"A1": 3}})
    scores(con, "R", "2024", {"E1": {"A1": 4}, "E2": {"A1": 2}})
    frame = scoring.entity_scores(con.cursor(), "R")
    ranks = {(r["entity_code"], r["period"]): r["rank_in_period"] for r in frame.to_dict("records")}
    assert ranks == {("E1", "2023"): 2, ("E2", "2023"): 1, ("E1", "2024"): 1, ("E2", "2024"): 2}
    only_2024 = scoring.entity_scores(con.cursor(), "R", "2024", entities=["E2"])
    assert only_2024[["entity_code", "period", "rank_in_period"]].values.tolist() == [["E2", "2024", 2]]


def test_a_tool_criterion_takes_its_status_on_its_own_scale_and_an_explicit_score_wins(con):
    rows = framework_rows("T", {"HERR": (1, [])})
    rows += [{"marco": "T", "tipo": "herramienta", "codigo": t, "nombre": t} for t in ("firma", "pagos", "interop")]
    # Each tool criterion on 1–5: status value v (ninguna 0, planificada 1, propia 2, plataforma 3)
    # -> score 1 + 4 × v/3.
    rows += [{"marco": "T", "tipo": "criterio", "codigo": f"H.{t}", "area": "HERR", "nombre": t, "peso": w,
              "escala_min": 1, "escala_max": 5, "herramienta": t}
             for t, w in (("firma", 1), ("pagos", 2), ("interop", 1))]
    write(con, "marco", rows)
    entities(con, "E1")
    # An explicit score for the interop criterion (the assessment's first file): 2 on 1–5 wins over «plataforma».
    write(con, "puntajes", [{"entidad": "E1", "gestion": "2024", "marco": "T", "criterio": "H.interop",
                             "puntaje": 2}])
    write(con, "herramientas", [
        {"entidad": "E1", "gestion": "2024", "marco": "T", "herramienta": "firma", "estado": "planificada"},
        {"entidad": "E1", "gestion": "2024", "marco": "T", "herramienta": "pagos", "estado": "ninguna"},
        {"entidad": "E1", "gestion": "2024", "marco": "T", "herramienta": "interop", "estado": "plataforma"}])
    cur = con.cursor()
    results = scoring.criterion_results(cur, "T").set_index("criterion_code")
    # firma planificada: 1 + 4 × 1/3 = 2.333 (normalised 1/3); pagos ninguna: 1 (normalised 0)
    assert results.loc["H.firma", "score"] == pytest.approx(1 + 4 / 3)
    assert results.loc["H.pagos", "score"] == pytest.approx(1.0)
    assert results.loc["H.interop", "score"] == pytest.approx(2.0)
    assert bool(results.loc["H.firma", "derived_from_tool"]) and not bool(results.loc["H.interop",
                                                                                     "derived_from_tool"])
    # HERR = 100 × (1×1/3 + 2×0 + 1×0.25) / 4 = 100 × 0.58333 / 4 = 14.58
    #   plain mean: 100 × (1/3 + 0 + 1/4) / 3 = 19.44 ; «plataforma» winning for interop: 100 × (1/3 + 1)/4 = 33.33
    area = scoring.area_scores(cur, "T").set_index("area_code")["area_score"]
    assert area["HERR"] == pytest.approx(100 * (1 / 3 + 0.25) / 4)
    assert by_entity(scoring.entity_scores(cur, "T"))["E1"]["index_value"] == pytest.approx(14.58)


def test_the_ladder_step_needs_every_group_met_at_least_at_its_minimum_status(con):
    rows = framework_rows("L", {"HERR": (1, [("H1", 1, 0, 4)])})
    rows += [{"marco": "L", "tipo": "herramienta", "codigo": t, "nombre": t} for t in ("firma", "interop", "pagos")]
    rows += [{"marco": "L", "tipo": "escalon", "nivel": 1, "nombre": "Firma"},
             {"marco": "L", "tipo": "escalon", "nivel": 2, "nombre": "Interoperable"},
             # Step 1: digital signature at least «propia».
             {"marco": "L", "tipo": "requisito", "nivel": 1, "herramienta": "firma", "estado_minimo": "propia",
              "grupo": 1, "nombre": "Firma"},
             # Step 2: signature «propia» (group 1) AND either interoperability or payments on the platform
             # (group 2: one tool of the group is enough).
             {"marco": "L", "tipo": "requisito", "nivel": 2, "herramienta": "firma", "estado_minimo": "propia",
              "grupo": 1, "nombre": "Interoperable"},
             {"marco": "L", "tipo": "requisito", "nivel": 2, "herramienta": "interop", "estado_minimo": "plataforma",
              "grupo": 2, "nombre": "Interoperable"},
             {"marco": "L", "tipo": "requisito", "nivel": 2, "herramienta": "pagos", "estado_minimo": "plataforma",
              "grupo": 2, "nombre": "Interoperable"}]
    write(con, "marco", rows)
    status = {  # entity -> (firma, interop, pagos)
        "EXACT": ("propia", "ninguna", "ninguna"),  # firma exactly at the minimum: step 1 (strict > gives 0)
        "PLAN": ("planificada", "plataforma", "plataforma"),  # below the minimum in group 1: step 0
        "HALF": ("plataforma", "propia", "ninguna"),  # group 2 not met: step 1 (any group met would give 2)
        "PAYS": ("propia", "ninguna", "plataforma"),  # group 2 met by its second tool: step 2
        "NONE": (None, None, None),  # no tool data at all: step 0
    }
    entities(con, *status)
    scores(con, "L", "2024", {e: {"H1": 2} for e in status})
    write(con, "herramientas", [
        {"entidad": e, "gestion": "2024", "marco": "L", "herramienta": tool, "estado": s}
        for e, states in status.items() for tool, s in zip(("firma", "interop", "pagos"), states) if s])
    steps = dict(scoring.ladder(con.cursor(), "L")[["entity_code", "step"]].itertuples(index=False))
    assert steps == {"EXACT": 1, "PLAN": 0, "HALF": 1, "PAYS": 2, "NONE": 0}
