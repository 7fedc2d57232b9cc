"""The page «Programa de supervisión» and the button on Prioridades (AppTest): the timeline, the figures
against the core on the same file, the filters, the empty store, and who may change the programme."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from egov import programme
from egov.storage import db
from tests.support import roles as R

PAGE = "views/programa.py"


def _app() -> AppTest:
    return AppTest.from_file("../app.py", default_timeout=90)


def _open(at: AppTest, page: str = PAGE) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.main.metric}


def _chart_title(at: AppTest) -> str:
    chart = at.get("plotly_chart")[0]
    return json.loads(chart.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")


def _stored(path, entity: str, period: str) -> list[tuple]:
    con = db.connect(path)
    try:
        return con.execute("SELECT p.state, b.kind, b.user_name FROM supervision_programme p JOIN import_batch b"
                           " USING (batch_id) WHERE entity_code = ? AND period = ?", [entity, period]).fetchall()
    finally:
        con.close()


def test_the_page_shows_the_newest_gestion_with_the_figures_the_core_computes(sample_db, use_db):
    use_db(sample_db)
    at = _open(_app().run())
    assert at.title[0].value == "Programa de supervisión"
    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            rows = programme.programme(cur, period="2025")
    finally:
        con.close()
    metrics = _metrics(at)
    assert metrics["Supervisiones programadas"] == str(len(rows)) == "6"
    assert metrics["Programada"] == "4" and metrics["En ejecución"] == "2" and metrics["Informe emitido"] == "0"
    title = _chart_title(at)
    assert title.startswith("Gestión 2025: 6 supervisiones programadas (0 con informe emitido) y ")
    assert title.endswith(f"{metrics['Seguimientos que vencen']} seguimientos que vencen")
    table = at.main.dataframe[0].value
    assert sorted(table["Entidad"]) == ["ABC", "ENTEL S.A.", "GAD-LPZ", "MIN-GOB", "MIN-SAL", "YPFB"]
    assert (table["Datos de demostración"] == "Sí").all()
    # The undated supervision is named, never given dates.
    assert any("Sin fechas previstas en el programa (1): MIN-SAL" in c.value for c in at.main.caption)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = [trace for trace in spec["data"] if trace["type"] == "bar"]
    assert sum(len(trace["y"]) for trace in bars) == 5  # MIN-SAL has no bar


def test_filters_choose_the_gestion_and_the_state(sample_db, use_db):
    use_db(sample_db)
    at = _open(_app().run())
    at.selectbox(key="programme_period").set_value("2024").run()
    at.multiselect(key="programme_states").set_value(["informe_emitido"]).run()
    assert not at.exception
    table = at.main.dataframe[0].value
    assert sorted(table["Entidad"]) == ["DIGEMIG", "POL", "SEGIP"]
    digemig = table[table["Entidad"] == "DIGEMIG"].iloc[0]
    assert digemig["Informe"] == "K3/GP445/S24-G1" and digemig["Unidad responsable"] == "—"
    assert digemig["Datos de demostración"] == "No"
    assert _chart_title(at).startswith("Gestión 2024: 3 supervisiones programadas (3 con informe emitido)")


def test_the_page_in_english(sample_db, use_db):
    use_db(sample_db)
    at = _app()
    at.query_params["lang"] = "en"
    at = _open(at.run())
    assert at.title[0].value == "Supervision programme"
    assert _chart_title(at).startswith("Gestión 2025: 6 programmed supervisions")


def test_an_empty_store_says_what_to_load_and_offers_the_form_to_add(empty_db, use_db):
    use_db(empty_db)
    at = _open(_app().run())
    assert at.title[0].value == "Programa de supervisión"
    assert any("No hay supervisiones programadas" in i.value for i in at.info), [i.value for i in at.info]
    assert not at.get("plotly_chart") and not at.main.dataframe


def test_the_analyst_adds_a_supervision_and_changes_its_state_through_the_forms(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _open(R.sign_in(_app().run(), "analyst", R.PASSWORDS["analyst"]))
    at.selectbox(key="programme_add_entity").set_value("SEGIP")
    at.text_input(key="programme_add_period").input("2025")
    at.text_input(key="programme_add_office").input("Gerencia de TIC")
    next(b for b in at.button if b.label == "Agregar al programa").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("SEGIP agregada al programa de la gestión 2025" in s.value for s in at.success)
    assert _stored(sample_db, "SEGIP", "2025") == [("programada", "registro", "analyst")]
    assert _metrics(at)["Supervisiones programadas"] == "7"
    at.selectbox(key="programme_edit_which").set_value("SEGIP|2025|supervision")
    at.selectbox(key="programme_edit_state").set_value("en_ejecucion")
    next(b for b in at.button if b.label == "Guardar el estado").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert _stored(sample_db, "SEGIP", "2025") == [("en_ejecucion", "registro", "analyst")]
    # A second time is refused in Spanish, nothing written.
    at.selectbox(key="programme_add_entity").set_value("SEGIP")
    at.text_input(key="programme_add_period").input("2025")
    next(b for b in at.button if b.label == "Agregar al programa").click().run()
    assert any("ya está programada" in e.value for e in at.error), [e.value for e in at.error]


def test_a_viewer_reads_the_programme_but_gets_no_form(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _open(R.sign_in(_app().run(), "viewer", R.PASSWORDS["viewer"]))
    assert at.main.dataframe and at.get("plotly_chart")
    assert not [b for b in at.button if b.label in ("Agregar al programa", "Guardar el estado")]
    assert any("Solo lectura" in c.value for c in at.main.caption)
    at = _open(at, "views/prioridades.py")
    assert "Llevar al programa de supervisión" not in [e.label for e in at.expander]


def test_from_prioridades_an_analyst_takes_an_entity_into_the_next_gestion(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _open(R.sign_in(_app().run(), "analyst", R.PASSWORDS["analyst"]), "views/prioridades.py")
    assert at.text_input(key="prio_programme_period").value == "2025"  # the gestión after the one ranked (2024)
    at.selectbox(key="prio_programme_entity").set_value("DIGEMIG")
    next(b for b in at.button if b.label == "Agregar al programa").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("DIGEMIG agregada al programa de la gestión 2025" in s.value for s in at.success)
    assert _stored(sample_db, "DIGEMIG", "2025") == [("programada", "registro", "analyst")]
    at = _open(at)
    assert "DIGEMIG" in list(at.main.dataframe[0].value["Entidad"])
