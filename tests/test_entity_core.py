"""Profile, comparison, trends and framework queries checked against figures computed by hand.

A tiny database (the default framework plus four entities written row by row)
whose every expected figure is worked out in the comments: peer means, index,
rank, coverage, series means with n, and the movers between two rounds.
"""

from __future__ import annotations

import pytest

from egov import compare, framework, kinds, profile, trends
from egov.storage import db

F = "CGE-GE"

# entity, name, sector, level
ENTITIES = [("A", "Entidad A", "S1", "central"), ("B", "Entidad B", "S1", "central"),
            ("C", "Entidad C", "S2", "central"), ("D", "Entidad D", "S1", "municipal"),
            ("E", "Entidad E", "S3", "municipal")]
# (entity, period, criterion, status, score) on the default 0–4 scale; every other criterion has no row.
SCORES = [
    ("A", "2023", "PLAN.1", "evaluado", 2),      # PLAN 50 -> index 50
    ("B", "2023", "PLAN.1", "evaluado", 4),      # PLAN 100 -> index 100
    ("C", "2023", "PLAN.1", "evaluado", 0),      # PLAN 0 -> index 0
    ("A", "2024", "PLAN.1", "evaluado", 4),      # PLAN (1 + 0.5) / 2 = 75
    ("A", "2024", "PLAN.2", "evaluado", 2),
    ("A", "2024", "ORG.1", "evaluado", 0),       # ORG 0 -> index (75 + 0) / 2 = 37.5
    ("B", "2024", "PLAN.1", "evaluado", 2),      # PLAN 50
    ("B", "2024", "ORG.1", "evaluado", 3.5),     # ORG 87.5 (level 3: between levels takes the one below)
    ("C", "2024", "PLAN.1", "evaluado", 2),      # PLAN 50
    ("C", "2024", "ORG.1", "desconocido", None),  # ORG has no score (never 0) -> index 50
    ("D", "2024", "PLAN.1", "evaluado", 3),      # PLAN 75
    ("D", "2024", "PLAN.2", "no_aplica", None),
    ("D", "2024", "ORG.1", "evaluado", 2),       # ORG 50 -> index 62.5
]


@pytest.fixture
def hand_con(empty_db):
    con = db.connect(empty_db)
    for code, name, sector, level in ENTITIES:
        con.execute("INSERT INTO entity (entity_code, name, acronym, sector, gov_level, batch_id) "
                    "VALUES (?, ?, ?, ?, ?, 1)", [code, name, code, sector, level])
    for code, period in {(s[0], s[1]) for s in SCORES} | {("E", "2022")}:
        con.execute("INSERT INTO assessment (entity_code, period, framework_code, batch_id) VALUES (?, ?, ?, 1)",
                    [code, period, F])
    for code, period, crit, status, score in SCORES:
        con.execute("INSERT INTO criterion_score (entity_code, period, framework_code, criterion_code, status, "
                    "score, evidence, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    [code, period, F, crit, status, score, f"evidencia {code} {crit}"])
    # E, assessed only in 2022, has nothing but digital signature through the platform.
    con.execute("INSERT INTO tool_adoption (entity_code, period, framework_code, tool_code, status, scope, batch_id) "
                "VALUES ('E', '2022', ?, 'firma_digital', 'plataforma', 'dos trámites', 1)", [F])
    yield con
    con.close()


def _area(frame, code):
    return frame[frame["area_code"] == code].iloc[0]


def test_peer_mean_by_sector_is_the_mean_of_the_other_entities_of_the_sector(hand_con):
    # A's sector S1 peers in 2024: B and D. PLAN (50 + 75) / 2 = 62.5; ORG (87.5 + 50) / 2 = 68.75.
    peer = profile.peer_areas(hand_con, F, "2024", "A", "sector")
    assert _area(peer, "PLAN")["entity_score"] == pytest.approx(75)
    assert _area(peer, "PLAN")["peer_score"] == pytest.approx(62.5)
    assert _area(peer, "ORG")["entity_score"] == pytest.approx(0)
    assert _area(peer, "ORG")["peer_score"] == pytest.approx(68.75)
    assert _area(peer, "PLAN")["peer_n"] == 2
    # No criterion of INFRA is scored by anyone: no score and no peer mean, not zero.
    assert _area(peer, "INFRA")[["entity_score", "peer_score"]].isna().all()
    assert _area(peer, "INFRA")["peer_n"] == 0


def test_peer_mean_by_level_skips_a_peer_without_a_score_in_the_area(hand_con):
    # A's level "central" peers: B and C. PLAN (50 + 50) / 2 = 50; ORG: only B (C unknown) -> 87.5, n = 1.
    peer = profile.peer_areas(hand_con, F, "2024", "A", "level")
    assert _area(peer, "PLAN")["peer_score"] == pytest.approx(50)
    assert _area(peer, "ORG")["peer_score"] == pytest.approx(87.5)
    assert _area(peer, "ORG")["peer_n"] == 1
    # No department or complexity group is known for these entities: no peers by them.
    assert profile.peer_counts(hand_con, F, "2024", "A") == {"sector": 2, "level": 2, "department": 0,
                                                            "complexity": 0}
    assert profile.peer_counts(hand_con, F, "2024", "C") == {"sector": 0, "level": 2, "department": 0,
                                                            "complexity": 0}


def test_peer_group_must_be_one_of_the_known_groupings(hand_con):
    with pytest.raises(ValueError):
        profile.peer_areas(hand_con, F, "2024", "A", "colour")


def test_headline_gives_index_rank_coverage_and_change_since_the_previous_round(hand_con):
    rounds = profile.rounds(hand_con, F, "A")
    assert rounds["period"].tolist() == ["2023", "2024"]
    info = profile.headline(rounds, "2024", "2023")
    # 2024: B 68.75 (1), D 62.5 (2), C 50 (3), A 37.5 (4)
    assert info["index"] == pytest.approx(37.5)
    assert (info["rank"], info["ranked"]) == (4, 4)
    assert info["change"] == pytest.approx(-12.5)
    assert info["coverage"] == pytest.approx(3 / 29)  # 3 criteria assessed of 29, none not applicable
    assert info["band_es"] == "Básico"
    # D was not assessed in 2023: no change, never a change from zero.
    assert profile.headline(profile.rounds(hand_con, F, "D"), "2024", "2023")["change"] is None
    # D's not-applicable criterion leaves the denominator: 2 / (29 - 1).
    assert profile.headline(profile.rounds(hand_con, F, "D"), "2024", None)["coverage"] == pytest.approx(2 / 28)


def test_pick_period_falls_back_to_the_latest_round_the_entity_was_assessed_in():
    assert profile.pick_period(["2023", "2024"], "2023") == "2023"
    assert profile.pick_period(["2024"], "2023") == "2024"
    assert profile.pick_period([], "2023") is None


def test_criteria_show_the_level_reached_and_keep_unknown_and_not_applicable_apart(hand_con):
    crit = profile.criteria(hand_con, F, "2024", "B").set_index("criterion_code")
    assert crit.loc["ORG.1", "score"] == 3.5 and crit.loc["ORG.1", "level"] == 3
    assert crit.loc["ORG.1", "level_label_es"] == "Establecido"
    assert crit.loc["ORG.1", "level_descriptor_es"]
    assert crit.loc["ORG.1", "evidence"] == "evidencia B ORG.1"
    assert crit.loc["PLAN.3", "status"] == "sin_dato" and crit.loc["PLAN.3", ["score", "level"]].isna().all()
    assert len(crit) == 29
    c = profile.criteria(hand_con, F, "2024", "C").set_index("criterion_code")
    assert c.loc["ORG.1", "status"] == "desconocido" and c.loc["ORG.1", ["score", "level"]].isna().all()
    d = profile.criteria(hand_con, F, "2024", "D").set_index("criterion_code")
    assert d.loc["PLAN.2", "status"] == "no_aplica" and d.loc["PLAN.2", ["score", "level"]].isna().all()
    # A criterion derived from a tool: E uses digital signature through the platform: 3 on its 0–3 scale.
    e = profile.criteria(hand_con, F, "2022", "E").set_index("criterion_code")
    assert (e.loc["HERR.1", "score"], e.loc["HERR.1", "scale_max"], e.loc["HERR.1", "normalised"]) == (3, 3, 1)
    assert bool(e.loc["HERR.1", "derived_from_tool"])
    assert e.loc["HERR.1", "level_label_es"]


def test_tools_list_every_tool_of_the_framework_with_the_status_recorded(hand_con):
    found = profile.tools(hand_con, F, "2022", ["E"])
    assert len(found) == len(framework.tools(hand_con, F)) == 8
    row = found[found["tool_code"] == "firma_digital"].iloc[0]
    assert (row["status"], row["scope"]) == ("plataforma", "dos trámites")
    assert found[found["tool_code"] != "firma_digital"]["status"].isna().all()


def test_trend_series_are_means_over_the_entities_assessed_in_each_round_with_n(hand_con):
    s = trends.series(hand_con, F).set_index(["period", "series_code"])
    assert s.loc[("2023", "INDEX"), "value"] == pytest.approx((50 + 100 + 0) / 3)
    assert s.loc[("2023", "INDEX"), "n"] == 3
    assert s.loc[("2024", "INDEX"), "value"] == pytest.approx((37.5 + 68.75 + 50 + 62.5) / 4)
    assert s.loc[("2024", "INDEX"), "n"] == 4
    assert s.loc[("2024", "ORG"), "value"] == pytest.approx((0 + 87.5 + 50) / 3)  # C unknown: not a zero
    assert s.loc[("2024", "ORG"), "n"] == 3
    sector = trends.series(hand_con, F, sectors=["S1"]).set_index(["period", "series_code"])
    assert sector.loc[("2024", "INDEX"), "value"] == pytest.approx((37.5 + 68.75 + 62.5) / 3)
    assert sector.loc[("2023", "INDEX"), "n"] == 2


def test_movers_are_the_change_of_each_entity_assessed_in_both_rounds(hand_con):
    changes = trends.movers(hand_con, F, "2023", "2024")
    got = dict(zip(changes["entity_code"], changes["change"]))
    assert got == pytest.approx({"C": 50.0, "A": -12.5, "B": -31.25})  # D has no 2023 round
    assert changes["entity_code"].tolist() == ["C", "A", "B"]
    top = trends.top_movers(changes, 1)
    assert top["entity_code"].tolist() == ["C", "B"]
    assert trends.movers(hand_con, F, "2023", "2024", levels=["central"], sectors=["S1"])["entity_code"].tolist() \
        == ["A", "B"]
    assert trends.movers_title(top, "2023", "es") == \
        "C es la que más subió (+50,0 puntos); B la que más bajó (−31,2) desde 2023"


def test_compare_keeps_the_order_chosen_and_names_the_widest_gap(hand_con):
    scores = compare.scores(hand_con, F, "2024", ["D", "A"])
    assert scores["entity_code"].tolist() == ["D", "A"]
    areas = compare.areas(hand_con, F, "2024", ["A", "B"])
    # PLAN: A 75, B 50 (gap 25); ORG: A 0, B 87.5 (gap 87.5) -> ORG.
    assert compare.areas_title(areas, "es") == \
        "La mayor brecha está en Organización TIC: 87,5 puntos entre B y A"


def test_history_title_states_the_change_since_the_first_round(hand_con):
    assert profile.history_title(profile.rounds(hand_con, F, "C"), "C", "es") == "C subió 50,0 puntos desde 2023"
    assert profile.history_title(profile.rounds(hand_con, F, "D"), "D", "en").startswith("D has only one")


def test_framework_reads_areas_criteria_levels_bands_tools_and_ladder_as_stored(hand_con):
    areas = framework.areas(hand_con, F)
    assert areas["area_code"].tolist() == ["PLAN", "ORG", "INFRA", "PROC", "HERR"]
    assert areas["weight_share"].sum() == pytest.approx(1)
    crit = framework.criteria(hand_con, F)
    assert len(crit) == areas["criteria"].sum() == 29
    assert crit.groupby("area_code")["weight_share_in_area"].sum().round(9).eq(1).all()
    levels = framework.levels(hand_con, F)
    assert set(levels["criterion_code"]) == set(crit["criterion_code"])
    bands = framework.bands(hand_con, F)
    assert bands["is_top"].tolist() == [False, False, False, True]
    ladder = framework.ladder(hand_con, F)
    assert sorted(ladder["step"].unique()) == [0, 1, 2, 3, 4]
    step2 = ladder[ladder["step"] == 2]
    assert [list(v) for v in step2["tool_codes"]] == [["firma_digital"], ["pagos_electronicos", "ciudadania_digital"]]
    assert framework.info(hand_con, F)["version"]
    assert framework.info(hand_con, "NONE") is None
    assert set(kinds.KINDS) == {"entidades", "marco", "puntajes", "herramientas", "recomendaciones", "seguimiento",
                                "informes", "resultados", "hallazgos", "aceptacion", "cronograma", "programa"}


def test_movers_scored_on_their_two_rounds_only_match_every_rounds_scores(sample_con):
    # trend_movers scores only $from_period and $to_period; each entity's indices, ranks and bands must be
    # those of the full scoring of every round (scoring.entity_scores), for every pair of sample rounds.
    from egov import scoring

    with db.cursor(sample_con) as cur:
        every = scoring.entity_scores(cur, "CGE-GE").set_index(["entity_code", "period"])
        rounds = scoring.periods(cur, "CGE-GE")
        assert len(rounds) >= 3
        for later, earlier in zip(rounds, rounds[1:]):
            changes = trends.movers(cur, "CGE-GE", earlier, later)
            assert len(changes) > 0
            for row in changes.to_dict("records"):
                before, after = every.loc[(row["entity_code"], earlier)], every.loc[(row["entity_code"], later)]
                assert (row["index_from"], row["index_to"]) == pytest.approx((before["index_value"],
                                                                              after["index_value"]))
                assert (row["rank_from"], row["rank_to"]) == (before["rank_in_period"], after["rank_in_period"])
                assert (row["band_from_es"], row["band_to_es"]) == (before["band_name_es"], after["band_name_es"])
