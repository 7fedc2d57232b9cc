"""What-if weights and uncertainty ranges (egov/sensitivity.py) against hand computations and the sample.

The hand-computed framework HC has three areas: A (weight 1; criteria A1, A2 on 0–4, weight 1 each),
B (weight 2; B1 on 0–4) and C (weight 1; C1 on 0–1). Three entities:

    E1: A1=4 A2=2 B1=2 C1=1     -> A=75, B=50, C=100  official (75+2·50+100)/4 = 68.75
    E2: A1=0 A2=4 B1=3 C1=?     -> A=50, B=75, C none official (50+2·75)/3     = 66.67
    E3: A1=2 A2=? B1=4 C1=0     -> A=50, B=100, C=0   official (50+2·100+0)/4  = 62.50

With B weighted 0 (the other areas over themselves): E1 (75+100)/2 = 87.5, E2 50, E3 (50+0)/2 = 25.
"""

from __future__ import annotations

import csv
import io
import shutil

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from egov import auth, ingest, scoring, sensitivity
from egov.cli import main
from egov.storage import db, sql
from tests.test_scoring import entities, framework_rows, scores, write

HAND = {"E1": {"A1": 4, "A2": 2, "B1": 2, "C1": 1},
        "E2": {"A1": 0, "A2": 4, "B1": 3, "C1": "desconocido"},
        "E3": {"A1": 2, "A2": "desconocido", "B1": 4, "C1": 0}}
OFFICIAL = {"E1": 68.75, "E2": 66.67, "E3": 62.5}
B_AT_ZERO = {"E1": 87.5, "E2": 50.0, "E3": 25.0}


def build_hand(path) -> None:
    con = db.connect(path)
    try:
        write(con, "marco", framework_rows("HC", {
            "A": (1, [("A1", 1, 0, 4), ("A2", 1, 0, 4)]),
            "B": (2, [("B1", 1, 0, 4)]),
            "C": (1, [("C1", 1, 0, 1)])}))
        entities(con, "E1", "E2", "E3")
        scores(con, "HC", "2024", HAND)
        con.execute("CHECKPOINT")
    finally:
        con.close()


@pytest.fixture
def hand_db(tmp_path):
    path = tmp_path / "hand.duckdb"
    build_hand(path)
    return path


def matrix(path, framework="HC", period="2024") -> sensitivity.Matrix:
    con = db.connect(path)
    try:
        with db.cursor(con) as cur:
            return sensitivity.load(cur, framework, period)
    finally:
        con.close()


def by_entity(frame: pd.DataFrame, column: str) -> dict:
    return dict(zip(frame["entity_code"], frame[column]))


# --- what-if weights ------------------------------------------------------------------------------


def test_the_framework_weights_give_the_official_index_rank_and_band_on_every_sample_round(sample_db):
    m = matrix(sample_db, "CGE-GE", None)
    assert m.rows["period"].nunique() == 3 and len(m.rows) > 100
    table = sensitivity.whatif(m)
    assert table["whatif_index"].tolist() == table["index_value"].astype(float).tolist()  # exactly, not close
    assert table["whatif_rank"].tolist() == table["rank_in_period"].astype("Int64").tolist()
    assert table["whatif_band_code"].tolist() == table["band_code"].tolist()
    assert (table["rank_change"] == 0).all()


def test_hand_framework_official_indices(hand_db):
    table = sensitivity.whatif(matrix(hand_db))
    assert by_entity(table, "index_value") == OFFICIAL
    assert by_entity(table, "whatif_index") == OFFICIAL


def test_one_area_at_zero_equals_the_hand_computation_over_the_other_areas(hand_db):
    table = sensitivity.whatif(matrix(hand_db), {"B": 0})
    assert by_entity(table, "whatif_index") == B_AT_ZERO
    assert by_entity(table, "whatif_rank") == {"E1": 1, "E2": 2, "E3": 3}
    assert by_entity(table, "area_B") == {"E1": 50.0, "E2": 75.0, "E3": 100.0}  # still computed, not counted


def test_a_criterion_weight_changes_its_area_score_only(hand_db):
    table = sensitivity.whatif(matrix(hand_db), None, {"A1": 0})
    # E1's A becomes A2 alone (2 of 4 = 50): (50 + 2·50 + 100) / 4 = 62.5; E3's A had only A1: no score.
    assert by_entity(table, "area_A")["E1"] == 50.0
    assert np.isnan(by_entity(table, "area_A")["E3"])
    assert by_entity(table, "whatif_index")["E1"] == 62.5
    assert by_entity(table, "whatif_index")["E3"] == round((2 * 100 + 0) / 3, 2)


def test_weights_that_name_nothing_or_are_negative_are_refused_in_spanish(hand_db):
    m = matrix(hand_db)
    with pytest.raises(sensitivity.WeightError, match="no es del marco HC"):
        sensitivity.whatif(m, {"ZZ": 1})
    with pytest.raises(sensitivity.WeightError, match="mayor o igual a 0"):
        sensitivity.whatif(m, {"A": -1})
    with pytest.raises(sensitivity.WeightError, match="al menos un área"):
        sensitivity.whatif(m, {"A": 0, "B": 0, "C": 0})


def test_movers_name_the_biggest_changes_of_position(hand_db):
    table = sensitivity.whatif(matrix(hand_db), {"A": 0, "C": 0})  # only B: E3 100, E2 75, E1 50
    assert by_entity(table, "whatif_rank") == {"E1": 3, "E2": 2, "E3": 1}
    moved = sensitivity.movers(table)
    assert moved["entity_code"].tolist() == ["E1", "E3"]  # two places each; E2 stays
    assert moved["rank_change"].tolist() == [-2, 2]


def test_egov_scores_with_an_area_at_zero_prints_the_hand_computation(hand_db):
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(hand_db), "scores", "--peso-area", "B=0", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {r["entidad"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert {k: float(v["indice"]) for k, v in rows.items()} == B_AT_ZERO
    assert {k: float(v["indice_oficial"]) for k, v in rows.items()} == OFFICIAL
    assert {k: int(v["puesto"]) for k, v in rows.items()} == {"E1": 1, "E2": 2, "E3": 3}
    table = runner.invoke(main, ["--db", str(hand_db), "scores", "--peso-area", "B=0"])
    assert "Pesos hipotéticos (B=0,00)" in table.output and "87,50" in table.output
    bad = runner.invoke(main, ["--db", str(hand_db), "scores", "--peso-area", "B"])
    assert bad.exit_code == 1 and "escriba CÓDIGO=PESO" in bad.output


def test_egov_scores_without_weights_is_unchanged_and_nothing_is_stored(hand_db):
    before = hand_db.read_bytes()
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(hand_db), "scores", "--format", "csv"])
    assert "indice_oficial" not in result.output
    runner.invoke(main, ["--db", str(hand_db), "scores", "--peso-area", "A=3", "--format", "csv"])
    con = db.connect(hand_db)
    try:
        with db.cursor(con) as cur:
            assert by_entity(scoring.entity_scores(cur, "HC", "2024"), "index_value") == OFFICIAL
    finally:
        con.close()
    assert before  # the file was read, the official scores above are unchanged


# --- saving a set of weights ----------------------------------------------------------------------


def test_an_administrator_saves_weights_as_a_new_version_audited_and_undoable(hand_db):
    con = db.connect(hand_db)
    try:
        done = sensitivity.save_as_version(con, "HC", "2", {"B": 1}, {"A1": 3}, user="ana", role="admin")
        assert done.status == "imported", done.summary()
        with db.cursor(con) as cur:
            assert sql.run(cur, "framework_info", framework="HC").iloc[0]["version"] == "2"
            m = sensitivity.load(cur, "HC", "2024")
            assert m.official_weights()[0] == {"A": 1.0, "B": 1.0, "C": 1.0}
            assert m.official_weights()[1]["A1"] == 3.0
            # E1 now: A = (3·1 + 0.5)/4 = 87.5, B = 50, C = 100 -> 79.17
            assert by_entity(scoring.entity_scores(cur, "HC", "2024"), "index_value")["E1"] == 79.17
            audit = sql.run(cur, "audit_log", actions=None, user="ana", since=None, until=None, limit=10)
        assert len(audit) == 1 and audit.iloc[0]["kind"] == "marco"
        with pytest.raises(auth.PermissionDenied):
            sensitivity.save_as_version(con, "HC", "3", {"B": 5}, None, user="luis", role="analyst")
        with pytest.raises(sensitivity.WeightError, match="mayores que 0"):
            sensitivity.save_as_version(con, "HC", "3", {"B": 0}, None, user="ana", role="admin")
        with pytest.raises(sensitivity.WeightError, match="versión nueva"):
            sensitivity.save_as_version(con, "HC", "2", {"B": 3}, None, user="ana", role="admin")
        ingest.undo(con, done.batch_id, user="ana", role="admin")
        with db.cursor(con) as cur:
            assert by_entity(scoring.entity_scores(cur, "HC", "2024"), "index_value") == OFFICIAL
            assert sql.run(cur, "framework_info", framework="HC").iloc[0]["version"] == "1"
    finally:
        con.close()


# --- uncertainty runs -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_2024(sample_db_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("sens") / "sample.duckdb"
    shutil.copy(sample_db_file, path)
    return matrix(path, "CGE-GE", "2024")


def test_the_runs_are_reproducible_with_a_seed(sample_2024):
    settings = sensitivity.Settings(runs=300, seed=7)
    first = sensitivity.uncertainty(sample_2024, settings)
    again = sensitivity.uncertainty(sample_2024, settings)
    pd.testing.assert_frame_equal(first, again)
    other = sensitivity.uncertainty(sample_2024, sensitivity.Settings(runs=300, seed=8))
    assert not np.allclose(first["index_p05"], other["index_p05"])


def test_every_interval_holds_the_official_index_and_position(sample_2024):
    table = sensitivity.uncertainty(sample_2024)
    assert len(table) == 42 and table["rank_low"].notna().all()
    assert (table["index_low"] <= table["index_value"]).all() and (table["index_value"] <= table["index_high"]).all()
    assert (table["rank_low"] <= table["rank_in_period"]).all()
    assert (table["rank_in_period"] <= table["rank_high"]).all()
    assert table["band_kept"].between(0, 1).all()
    assert (table["index_low"] <= table["index_p05"]).all() and (table["index_p95"] <= table["index_high"]).all()


def test_intervals_widen_when_the_weight_range_widens(sample_2024):
    def widths(spread, fill=False):
        table = sensitivity.uncertainty(sample_2024, sensitivity.Settings(spread=spread, fill_unknown=fill))
        return (table["index_p95"] - table["index_p05"]).to_numpy(), (table["rank_p95"] - table["rank_p05"]).to_numpy()

    none, _ = widths(0.0)
    assert np.allclose(none, 0)  # no variation and no filling: every run is the official computation
    narrow, narrow_rank = widths(0.1)
    wide, wide_rank = widths(0.5)
    assert (wide >= narrow - 1e-9).all() and wide.sum() > 2 * narrow.sum()
    assert (wide_rank >= narrow_rank).all() and wide_rank.sum() > narrow_rank.sum()
    with_fill, _ = widths(0.5, fill=True)
    assert with_fill.sum() > wide.sum()  # the unknown criteria add their own uncertainty


def test_filling_unknown_criteria_moves_only_entities_that_have_them(sample_2024):
    table = sensitivity.uncertainty(sample_2024, sensitivity.Settings(spread=0.0))
    has_unknown = sample_2024.unknown.any(axis=1)
    width = (table["index_p95"] - table["index_p05"]).to_numpy()
    assert np.allclose(width[~has_unknown], 0) and (width[has_unknown] > 0).any()


def test_entities_with_overlapping_position_intervals_are_shown_tied():
    low = np.array([1.0, 2.0, 3.0, 7.0, 8.0, np.nan])
    high = np.array([3.0, 4.0, 6.0, 9.0, 9.0, np.nan])
    official = np.array([1.0, 3.0, 4.0, 8.0, 9.0, np.nan])
    shown, others = sensitivity.tied_positions(low, high, official)
    # 1–3, 2–4 and 3–6 all overlap the leader 1–3: one group shown at 1. 7–9 and 8–9 overlap: shown at 8.
    assert shown[:5].tolist() == [1.0, 1.0, 1.0, 8.0, 8.0] and others[:5].tolist() == [2, 2, 2, 1, 1]
    assert np.isnan(shown[5])
    # Overlap is not transitive: 1–2, 2–4, 4–5. The third overlaps the second, not the leader: its own group.
    shown, others = sensitivity.tied_positions(np.array([1.0, 2.0, 4.0]), np.array([2.0, 4.0, 5.0]),
                                               np.array([1.0, 2.0, 4.0]))
    assert shown.tolist() == [1.0, 1.0, 4.0] and others.tolist() == [1, 1, 0]


def test_ties_on_the_sample_follow_the_overlaps_and_keep_the_official_position(sample_2024):
    table = sensitivity.uncertainty(sample_2024)
    groups = sensitivity.tie_groups(table)
    rows = table.set_index("entity_code")
    for code, tied in groups.items():
        members = [code, *tied]
        leader = min(members, key=lambda c: (rows.loc[c, "rank_in_period"], list(rows.index).index(c)))
        for member in members:
            assert rows.loc[member, "rank_low"] <= rows.loc[leader, "rank_high"]
            assert rows.loc[leader, "rank_low"] <= rows.loc[member, "rank_high"]
            assert rows.loc[member, "tied_rank"] == rows.loc[leader, "rank_in_period"]  # shown alike
            assert sorted(groups[member] + [member]) == sorted(members)
        assert rows.loc[code, "tied_with"] == len(tied)
    # Walking down the official order, an entity that overlaps the current leader is never left out.
    ordered = table.sort_values(["rank_in_period"], kind="stable")
    codes = ordered["entity_code"].tolist()
    for before, after in zip(codes, codes[1:]):
        if rows.loc[after, "tied_rank"] != rows.loc[before, "tied_rank"]:
            leader = [c for c in codes if rows.loc[c, "tied_rank"] == rows.loc[before, "tied_rank"]][0]
            overlaps = (rows.loc[after, "rank_low"] <= rows.loc[leader, "rank_high"]
                        and rows.loc[leader, "rank_low"] <= rows.loc[after, "rank_high"])
            assert not overlaps
    assert table["rank_in_period"].notna().all()  # the official position stays in the data
    assert (table["tied_with"] == 0).any() and (table["tied_with"] > 0).any()


def test_egov_sensibilidad_prints_the_table_and_a_reproducible_csv(sample_db):
    runner = CliRunner()
    args = ["--db", str(sample_db), "sensibilidad", "--period", "2024", "--runs", "200", "--seed", "3"]
    first = runner.invoke(main, args + ["--format", "csv"])
    assert first.exit_code == 0, first.output
    assert runner.invoke(main, args + ["--format", "csv"]).output == first.output
    rows = list(csv.DictReader(io.StringIO(first.output)))
    assert len(rows) == 42
    for r in rows:
        assert float(r["indice_desde"]) <= float(r["indice"]) <= float(r["indice_hasta"])
        assert int(r["posicion_desde"]) <= int(r["posicion"]) <= int(r["posicion_hasta"])
    table = runner.invoke(main, args)
    assert "200 corridas, pesos de área ± 50 %" in table.output and "DIGEMIG" in table.output
    missing = runner.invoke(main, ["--db", str(sample_db), "sensibilidad", "--period", "1999"])
    assert missing.exit_code == 1 and "gestiones disponibles" in missing.output


def test_competition_ranks_count_the_strictly_greater_values_of_each_run():
    """1 + how many values of the same run are strictly greater; ties share the best; NaN stays NaN."""
    rng = np.random.default_rng(3)
    values = rng.integers(0, 12, size=(40, 60)).astype(float)  # few distinct values: many ties
    values[rng.random(values.shape) < 0.1] = np.nan
    values[5] = np.nan  # a run with no index at all
    expected = np.where(np.isnan(values), np.nan,
                        1.0 + np.array([[np.sum(row > v) for v in row] for row in np.nan_to_num(values, nan=-1.0)]))
    assert np.array_equal(sensitivity.ranks(values), expected, equal_nan=True)
    assert np.array_equal(sensitivity.ranks(np.array([7.5, np.nan, 7.5, 9.0])), [2.0, np.nan, 2.0, 1.0],
                          equal_nan=True)


def test_the_tied_with_column_names_each_group_as_tie_groups_does(sample_2024):
    """The page's «Empatada con» (built a group at a time) is tie_groups' list, label by label."""
    from egov.ui import sensitivity_view

    table = sensitivity.uncertainty(sample_2024)
    labels = {code: f"L-{code}" for code in table["entity_code"]}
    tied = sensitivity_view._tied_with(table, labels)
    groups = sensitivity.tie_groups(table)
    assert tied == {code: ", ".join(labels[o] for o in others) for code, others in groups.items()}
    assert any(tied.values()), "the sample has ties to name"


def test_ranks_by_counting_hundredths_equal_ranks_by_sorting():
    """The counting path (indices in hundredths, 0–100) gives what the sorting path gives, and is
    taken exactly when every value is such a number."""
    rng = np.random.default_rng(11)
    cents = rng.integers(0, 10_001, size=(150, 400)).astype(float)
    cents[:, :50] = rng.integers(4_000, 4_010, size=(150, 50))  # crowded values: ties
    values = cents / 100.0
    values[rng.random(values.shape) < 0.05] = np.nan
    values[7] = np.nan  # a run with no index
    counted = sensitivity._rank_by_cents(values)
    assert counted is not None
    assert np.array_equal(counted, sensitivity._rank_by_sort(values), equal_nan=True)
    assert np.array_equal(sensitivity.ranks(values), counted, equal_nan=True)
    thirds = values.copy()
    thirds[0, 0] = 1 / 3  # not a whole hundredth
    assert sensitivity._rank_by_cents(thirds) is None
    assert sensitivity._rank_by_cents(np.array([[100.01, 5.0]])) is None  # above 100
    assert np.array_equal(sensitivity.ranks(thirds), sensitivity._rank_by_sort(thirds), equal_nan=True)
