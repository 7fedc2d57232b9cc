"""The "Cargar datos" page through AppTest (app.py, single local admin: no sign-in configured).

Upload a valid file -> the check and the preview -> import -> the batch in the
history -> undo; a broken file -> the Spanish report (row, column, value,
problem, fix) and counts per kind, nothing saved; a re-assessment -> the
import button waits for the confirmation.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from egov.storage import db
from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
from tests.corpus.helpers import snapshot
from tests.support import store_checks

GOOD = csv_bytes(SCORE_HEADER, SCORES)


def broken_file() -> bytes:
    rows = [list(r) for r in SCORES]
    rows[1][0] = "NADIE"
    rows[2][8] = "31/02/2025"
    return csv_bytes(SCORE_HEADER, rows, title=["CONTRALORÍA GENERAL DEL ESTADO"])


@pytest.fixture
def page(sample_db, use_db):
    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    at.switch_page("views/cargar.py").run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def batches(sample_db) -> list[tuple]:
    con = db.connect(sample_db)
    try:
        return con.execute("SELECT batch_id, file_name, undone_at IS NOT NULL FROM import_batch"
                           " ORDER BY batch_id").fetchall()
    finally:
        con.close()


def frames_with(at: AppTest, column: str):
    return [d.value for d in at.dataframe if column in d.value.columns]


SCORE_KEYS = [(r[0], r[1], r[3]) for r in SCORES]
# What the file says, as stored: (status, score) per (entity, period, criterion).
SCORES_AS_STORED = {(r[0], r[1], r[3]): (r[5], float(r[4].replace(",", ".")) if r[4] else None) for r in SCORES}


def test_upload_preview_import_then_undo_from_the_history(page, sample_db):
    at = page
    assert [t.value for t in at.title] == ["Cargar datos"]
    before = len(batches(sample_db))
    tables_before = store_checks.tables(sample_db)
    assert store_checks.scores_of(sample_db, SCORE_KEYS) == {}  # round 2025 is new to the sample
    upload(at, "puntajes 2025.csv", GOOD)
    assert any("es correcto" in s.value and "No se guardó nada" in s.value for s in at.success)
    preview = frames_with(at, "Nuevos")[0]
    assert preview.set_index(preview.columns[0]).loc["Puntajes", "Nuevos"] == len(SCORES)
    # 2025 is a gestión the store has never seen: the import waits for its confirmation.
    assert any("gestión que la base de datos no tiene todavía (2025)" in s.value for s in at.success)
    assert at.button(key="import_button").disabled
    next(c for c in at.checkbox if c.key and c.key.startswith("confirm_periods_")).check().run()
    at.button(key="import_button").click().run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Se importó «puntajes 2025.csv»") for s in at.success), \
        [s.value for s in at.success]
    stored = batches(sample_db)
    assert len(stored) == before + 1 and stored[-1][1:] == ("puntajes 2025.csv", False)
    # The store holds every row of the file, the batch is live and the import is audited.
    assert store_checks.scores_of(sample_db, SCORE_KEYS) == SCORES_AS_STORED
    record, entries, chain_ok = store_checks.batch_and_audit(sample_db, stored[-1][0])
    # New rows: the six scores and the two assessments they open (DIGEMIG and SEGIP in 2025).
    assert (record["kind"], record["rows_new"], record["rows_changed"], record["undone"], record["live"]) == \
        ("puntajes", len(SCORES) + 2, 0, False, True)
    assert entries == [("import", "local")] and chain_ok
    history = at.dataframe[-1].value
    newest = history.iloc[0]
    assert (newest["Lote"], newest["Tipo"], newest["Archivo"], newest["Estado"]) == \
        (stored[-1][0], "puntajes", "puntajes 2025.csv", "vigente")
    # The uploader is emptied after an import: nothing left to check or import twice.
    assert at.file_uploader[0].value is None and not [b for b in at.button if b.key == "import_button"]
    batch_id = stored[-1][0]
    undo_box = at.selectbox(key="undo_batch")
    assert undo_box.value == batch_id  # the newest batch is preselected
    at.button(key="undo_button").click().run()
    assert not at.exception, at.exception
    assert any(f"Se deshizo el lote {batch_id}" in s.value for s in at.success), [s.value for s in at.success]
    assert batches(sample_db)[-1] == (batch_id, "puntajes 2025.csv", True)
    assert at.dataframe[-1].value.iloc[0]["Estado"] == "deshecho"
    # Every data table is back to what it was; the batch is kept as undone and both steps are audited.
    assert store_checks.data_only(store_checks.tables(sample_db)) == store_checks.data_only(tables_before)
    record, entries, chain_ok = store_checks.batch_and_audit(sample_db, batch_id)
    assert (record["undone"], record["live"]) == (True, False)
    assert entries == [("import", "local"), ("undo", "local")] and chain_ok


def test_a_broken_upload_shows_the_spanish_report_with_row_and_column_and_saves_nothing(page, sample_db):
    con = db.connect(sample_db)
    before = snapshot(con)
    con.close()
    at = upload(page, "con errores.csv", broken_file())
    assert any(e.value.startswith("No se importó «con errores.csv»") and "no se guardó nada" in e.value
               for e in at.error), [e.value for e in at.error]
    report = frames_with(at, "Problema")[0]
    assert list(report.columns) == ["Fila", "Columna", "Valor", "Problema", "Cómo corregir"]
    assert report["Cómo corregir"].str.len().min() > 10
    cells = {(str(r["Fila"]), r["Columna"], r["Valor"]) for _, r in report.iterrows()}
    # The title row shifts everything by one: the analyst's row numbers, as Excel shows them.
    assert ("4", "entidad", "NADIE") in cells and ("5", "fecha_emision", "31/02/2025") in cells
    counts = frames_with(at, "Cantidad")
    assert counts and counts[0].shape[0] == 2
    assert not [b for b in at.button if b.key == "import_button"]
    con = db.connect(sample_db)
    try:
        assert snapshot(con) == before
    finally:
        con.close()


def test_a_re_assessment_waits_for_the_confirmation_of_the_changes(page, sample_db):
    change = csv_bytes(SCORE_HEADER, [
        ["DIGEMIG", "2024", "CGE-GE", "PLAN.1", "4", "evaluado", "Re-alineado", "K3/GP445/S24-G1", "12/12/2024"]])
    at = upload(page, "reevaluacion.csv", change)
    assert at.button(key="import_button").disabled
    confirm = next(c for c in at.checkbox if c.key and c.key.startswith("confirm_"))
    assert "1" in confirm.label
    confirm.check().run()
    assert not at.button(key="import_button").disabled
    at.button(key="import_button").click().run()
    assert not at.exception, at.exception
    assert any("1 modificados" in s.value for s in at.success), [s.value for s in at.success]
    con = db.connect(sample_db)
    try:
        assert con.execute("SELECT score FROM criterion_score WHERE entity_code = 'DIGEMIG' AND period = '2024'"
                           " AND criterion_code = 'PLAN.1'").fetchall() == [(4.0,)]
    finally:
        con.close()


def _live_batches(sample_db) -> list[int]:
    return [b for b, _, undone in batches(sample_db) if not undone]


def _import_elsewhere(sample_db, code: str) -> int:
    """Another session's import (the same process, as a second Streamlit session would be)."""
    from egov import ingest
    from tests.support import roles as R

    con = db.connect(sample_db)
    try:
        result = ingest.import_file(con, R.entities_csv(code), f"{code}.csv", user="local", role="admin")
        assert result.status == "imported"
        return result.batch_id
    finally:
        con.close()


def test_the_batch_chosen_for_undo_is_the_one_undone_even_after_another_session_imports(page, sample_db):
    at = page
    older = _import_elsewhere(sample_db, "ANTERIOR-1")
    _import_elsewhere(sample_db, "INTERMEDIO-1")
    at.run()
    at.selectbox(key="undo_batch").set_value(older).run()  # an older batch than the newest
    newer = _import_elsewhere(sample_db, "OTRA-SESION-1")
    at.button(key="undo_button").click().run()
    assert not at.exception, at.exception
    state = {b: undone for b, _, undone in batches(sample_db)}
    assert state[newer] is False  # the other session's import is untouched
    assert state[older] is True, [e.value for e in at.error]
    assert any(f"Se deshizo el lote {older}" in s.value for s in at.success)


def test_a_chosen_batch_that_stopped_being_undoable_is_refused_never_replaced(page, sample_db):
    at = page
    chosen = _import_elsewhere(sample_db, "ELEGIDO-1")
    at.run()
    at.selectbox(key="undo_batch").set_value(chosen).run()
    con = db.connect(sample_db)
    try:  # another session undoes it first
        from egov import ingest
        ingest.undo(con, chosen, user="local", role="admin")
    finally:
        con.close()
    newest = _import_elsewhere(sample_db, "NUEVO-1")
    live_before = _live_batches(sample_db)
    at.button(key="undo_button").click().run()
    assert not at.exception, at.exception
    assert any("No se deshizo nada" in e.value and str(chosen) in e.value for e in at.error), \
        [e.value for e in at.error]
    assert _live_batches(sample_db) == live_before and newest in live_before  # nothing else was undone


@pytest.mark.parametrize("page_file, title", [("views/cargar.py", "Cargar datos"),
                                              ("views/auditoria.py", "Auditoría y usuarios")])
def test_cargar_and_auditoria_run_on_a_store_without_assessments(empty_db, use_db, page_file, title):
    use_db(empty_db)
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    at.switch_page(page_file).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [title]
    assert not at.error, [e.value for e in at.error]
    con = db.connect(empty_db)
    try:  # opening the pages stored nothing: still no assessment, and no demonstration data was loaded
        assert con.execute("SELECT count(*) FROM assessment").fetchall() == [(0,)]
    finally:
        con.close()
