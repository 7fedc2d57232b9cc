"""The Sensibilidad page (views/sensibilidad.py) under AppTest: what-if sliders against a hand
computation, the shared link, the administrator's save, and the uncertainty ranges with ties."""

from __future__ import annotations

import pytest

from egov import scoring
from egov.storage import db, sql
from tests.support.pages_entity import chart_figures, open_page, table_with, texts
from tests.test_sensitivity import B_AT_ZERO, OFFICIAL, build_hand


@pytest.fixture
def hand(tmp_path, use_db):
    path = tmp_path / "hand.duckdb"
    build_hand(path)
    return use_db(path)


def whatif_table(at):
    table = table_with(at, "Índice hipotético")
    return dict(zip(table["Entidad"], table["Índice hipotético"])), dict(zip(table["Entidad"],
                                                                               table["Posición hipotética"]))


def spanish(values: dict) -> dict:
    return {k: f"{v:.2f}".replace(".", ",") for k, v in values.items()}


def test_an_area_slider_at_zero_gives_the_hand_computation_and_writes_the_link(hand):
    at = open_page("sensibilidad")
    assert not at.exception
    index, _ = whatif_table(at)
    assert index == spanish(OFFICIAL)
    assert "Con los pesos oficiales del marco" in texts(at)
    at.slider(key="sens_area_B").set_value(0.0).run()
    assert not at.exception
    index, rank = whatif_table(at)
    assert index == spanish(B_AT_ZERO)
    assert rank == {"E1": 1, "E2": 2, "E3": 3}
    assert at.query_params["peso"] in ("B:0", ["B:0"])  # AppTest gives a single value unwrapped
    assert "Planificación" not in texts(at) and "B 0 %" in texts(at)


def test_the_shared_link_restores_the_weights(hand):
    at = open_page("sensibilidad", peso=["B:0"])
    assert not at.exception
    assert at.slider(key="sens_area_B").value == 0.0
    assert at.slider(key="sens_area_A").value == 1.0
    index, _ = whatif_table(at)
    assert index == spanish(B_AT_ZERO)
    # Only B moved: E1 climbs nowhere (already first), nobody else changes either.
    at = open_page("sensibilidad", peso=["A:0", "C:0"], peso_criterio=["A1:2"])
    assert at.slider(key="sens_area_A").value == 0.0 and at.slider(key="sens_crit_A1").value == 2.0
    assert "E1 baja 2 (del 1 al 3)" in texts(at) and "E3 sube 2 (del 3 al 1)" in texts(at)


def test_an_administrator_saves_the_weights_as_a_new_framework_version(hand):
    at = open_page("sensibilidad", peso=["B:1"])
    assert not at.exception
    at.text_input(key="sens_save_version").set_value("2-pesos")
    at.checkbox(key="sens_save_confirm").check().run()
    at.button(key="sens_save_button").click().run()
    assert not at.exception
    assert any("versión 2-pesos del marco" in s.value for s in at.success), [e.value for e in at.error]
    con = db.connect(hand)
    try:
        with db.cursor(con) as cur:
            assert sql.run(cur, "framework_info", framework="HC").iloc[0]["version"] == "2-pesos"
            found = scoring.entity_scores(cur, "HC", "2024")
        # With B at 1: E1 (75+50+100)/3 = 75, E2 (50+75)/2 = 62.5, E3 (50+100+0)/3 = 50.
        assert dict(zip(found["entity_code"], found["index_value"])) == {"E1": 75.0, "E2": 62.5, "E3": 50.0}
    finally:
        con.close()
    assert at.slider(key="sens_area_B").value == 1.0  # the saved weights are now the official ones
    assert "Con los pesos oficiales del marco" in texts(at)


def test_a_zero_weight_cannot_be_saved(hand):
    at = open_page("sensibilidad", peso=["B:0"])
    assert "solo admite pesos mayores que 0" in texts(at)
    assert not [b for b in at.button if b.key == "sens_save_button"]


def test_the_uncertainty_ranges_show_intervals_and_ties_on_the_sample(sample_db, use_db):
    use_db(sample_db)
    at = open_page("sensibilidad", periodo="2024")
    assert not at.exception
    table = table_with(at, "Intervalo de posición")
    assert len(table) == 42
    tied = table[table["Posición mostrada"].str.contains("empate")]
    assert len(tied) > 0 and (tied["Empatada con"] != "—").all()
    alone = table[~table["Posición mostrada"].str.contains("empate")]
    assert (alone["Posición mostrada"].astype(int) == alone["Posición oficial"]).all()
    figure = [f for f in chart_figures(at) if "corridas" in f["layout"]["title"]["text"]][0]
    assert figure["layout"]["xaxis"]["title"]["text"].startswith("Posición en el índice")
    assert "1000 corridas, pesos ± 50 %" in texts(at)
    at.slider(key="sens_spread").set_value(10).run()
    narrower = table_with(at, "Intervalo de posición")
    assert "pesos ± 10 %" in texts(at)

    def width(frame):
        parts = frame["Intervalo de posición"].str.split("–", expand=True).astype(int)
        return int((parts[1] - parts[0]).sum())
    assert width(narrower) < width(table)


def test_the_profile_reads_its_position_as_a_range_and_says_when_it_is_tied(sample_db, use_db):
    from egov import sensitivity

    use_db(sample_db)
    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            table = sensitivity.uncertainty_table(cur, "CGE-GE", "2024").set_index("entity_code")
    finally:
        con.close()
    row = table.loc["DIGEMIG"]
    at = open_page("entidad", entidad="DIGEMIG", periodo="2024")
    assert not at.exception
    note = [c.value for c in at.caption if "su posición va del" in c.value][0]
    assert f"del {int(row['rank_low'])} al {int(row['rank_high'])}" in note
    if int(row["tied_with"]) > 0:
        assert f"empatada en la posición {int(row['tied_rank'])}" in note
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Posición"] == f"{int(row['rank_in_period'])} de 42"  # the official position stays


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_only_an_administrator_is_offered_the_save_and_the_core_refuses_the_others(hand, role):
    from streamlit.testing.v1 import AppTest

    from egov import auth, sensitivity
    from tests.support import roles as R
    from tests.support.pages_entity import APP

    R.accounts_db(hand)
    at = R.sign_in(AppTest.from_file(APP, default_timeout=60).run(), role, R.PASSWORDS[role])
    at.query_params["peso"] = ["B:1"]
    at.switch_page("views/sensibilidad.py").run()
    assert not at.exception
    index, _ = whatif_table(at)
    assert index["E1"] == "75,00"  # every role may try weights
    assert not [b for b in at.button if b.key == "sens_save_button"]
    assert "Guardar estos pesos" not in " ".join(e.label for e in at.expander)
    con = db.connect(hand)
    try:
        with pytest.raises(auth.PermissionDenied):
            sensitivity.save_as_version(con, "HC", "2", {"B": 1}, None, user=role, role=role)
        with db.cursor(con) as cur:
            assert sql.run(cur, "framework_info", framework="HC").iloc[0]["version"] == "1"
    finally:
        con.close()
