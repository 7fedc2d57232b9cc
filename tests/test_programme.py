"""The supervision programme (issue 17, migration 010): the «programa» file, its refusals with row and column,
undo, the audit trail, the records an analyst makes (add, change state), the follow-ups due from schedules on
record only, and `egov programa` — on DuckDB and on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from egov import auth, programme
from egov.cli import main
from egov.ingest import import_file, templates, undo
from egov.kinds import KINDS
from egov.storage import audit, db, store

HEADER = "entidad;gestion;tipo_trabajo;estado;unidad_responsable;fecha_inicio;fecha_fin;informe;observaciones\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode("utf-8")


def _rows(con) -> list[tuple]:
    with db.cursor(con) as cur:
        return cur.execute("SELECT entity_code, period, work_kind, state, office, planned_start, planned_end,"
                           " report_number, batch_id FROM supervision_programme ORDER BY ALL").fetchall()


def _counts(con) -> tuple[int, int, int]:
    with db.cursor(con) as cur:
        return tuple(cur.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                     for t in ("supervision_programme", "import_batch", "audit_log"))


@pytest.fixture
def con(sample_db):
    connection = db.connect(sample_db)
    yield connection
    connection.close()


def test_the_sample_holds_digemig_as_its_report_gives_it_and_a_marked_demonstration_programme(con):
    found = programme.programme(con.cursor(), entities=["DIGEMIG"])
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["period"], row["state"], row["report_number"]) == ("2024", "informe_emitido", "K3/GP445/S24-G1")
    # The report gives no office and no planned dates: they stay unknown; its issue date comes from the record.
    assert row["office"] is None and row["planned_start"] is None or row["planned_start"] != row["planned_start"]
    assert str(row["report_issue_date"])[:10] == "2024-12-12"
    assert not row["is_synthetic"]
    every = programme.programme(con.cursor())
    assert every.loc[every["entity_code"] != "DIGEMIG", "is_synthetic"].all()
    assert programme.periods(con.cursor()) == ["2025", "2024"]
    assert programme.counts(programme.programme(con.cursor(), period="2025")) == {
        "programada": 4, "en_ejecucion": 2, "informe_emitido": 0, "seguimiento_programado": 0}


@pytest.mark.both_backends
def test_a_programme_file_imports_as_one_audited_batch_and_undo_restores_what_was_there(con, backend):
    before = _rows(con)
    data = _csv("SEGIP;2026;supervision;programada;Gerencia de TIC;02/03/2026;30/06/2026;;",
                "digemig;2026;seguimiento;En ejecución;;2026-04-01;;;seguimiento del informe K3/GP445/S24-G1")
    result = import_file(con, data, "programa-2026.csv", user="ana", role="analyst")
    assert result.status == "imported", [p.problem_es for p in result.problems]
    assert result.kind == "programa" and result.plan.new == 2
    added = [r for r in _rows(con) if r[1] == "2026"]
    assert [r[:8] for r in added] == [
        ("DIGEMIG", "2026", "seguimiento", "en_ejecucion", None, date(2026, 4, 1), None, None),
        ("SEGIP", "2026", "supervision", "programada", "Gerencia de TIC", date(2026, 3, 2), date(2026, 6, 30), None)]
    with db.cursor(con) as cur:
        kind, user = cur.execute("SELECT kind, user_name FROM import_batch WHERE batch_id = ?",
                                 [result.batch_id]).fetchall()[0]
        assert (kind, user) == ("programa", "ana")
        entry = cur.execute("SELECT action, detail FROM audit_log WHERE batch_id = ?", [result.batch_id]).fetchall()
        assert entry[0][0] == "import" and json.loads(entry[0][1])["kind"] == "programa"
        assert audit.verify(cur).ok
    # A changed state of a stored row needs confirming, and its before-image is kept.
    changed = _csv("SEGIP;2026;supervision;en_ejecucion;Gerencia de TIC;02/03/2026;30/06/2026;;")
    change = import_file(con, changed, "c.csv", user="ana", role="analyst")
    assert change.status == "needs_confirmation" and change.plan.changed == 1
    change = import_file(con, changed, "c.csv", user="ana", role="analyst", confirm_changes=True)
    assert change.status == "imported"
    undo(con, change.batch_id, user="ana", role="analyst")
    assert [r[3] for r in _rows(con) if r[:2] == ("SEGIP", "2026")] == ["programada"]
    undo(con, result.batch_id, user="ana", role="analyst")
    assert _rows(con) == before
    with db.cursor(con) as cur:
        assert audit.verify(cur).ok


def test_the_import_refuses_every_problem_with_its_row_and_column_and_stores_nothing(con):
    before = _counts(con)
    data = _csv("NOEXISTE;2026;supervision;programada;;;;;",                # row 2: unknown entity
                "SEGIP;2026;supervision;programada;;30/06/2026;01/03/2026;;",  # row 3: end before start
                "SIN;2026;supervision;informe emitido;;;;;",                # row 4: issued, no report
                "POL;2026;supervision;programada;;;;K3/GP409/S24-G3;",      # row 5: report, not issued
                "YPFB;2026;supervision;terminada;;;;;",                     # row 6: not a state
                "ABC;2026;supervision;programada;;31/02/2026;;;",           # row 7: not a date
                "ABC;2026;supervision;en_ejecucion;;;;;",                   # row 8: same key as row 7
                "INE;2026;auditoria;programada;;;;;",                       # row 9: not a kind of work
                "MIN-SAL;2026;supervision;informe_emitido;;;;K3/GP445/S24-G1;")  # row 10: DIGEMIG's report
    result = import_file(con, data, "malo.csv", user="ana", role="analyst")
    assert result.status == "refused"
    found = {(p.row, p.column, p.code) for p in result.problems}
    assert {(2, "entidad", "unknown_entity"), (3, "fecha_fin", "programme_end_before_start"),
            (4, "informe", "programme_report_required"), (5, "informe", "programme_report_not_issued"),
            (6, "estado", "bad_choice"), (8, "", "contradiction"), (9, "tipo_trabajo", "bad_choice"),
            (10, "informe", "programme_report_other_entity")} <= found, found
    assert any(p.row == 7 and p.column == "fecha_inicio" for p in result.problems)
    by_code = {p.code: p for p in result.problems}
    assert "anterior al inicio previsto (30/06/2026)" in by_code["programme_end_before_start"].problem_es
    assert "DIGEMIG" in by_code["programme_report_other_entity"].problem_es
    assert _counts(con) == before


def test_a_scores_file_without_its_framework_column_is_not_taken_for_a_programme(con):
    data = "entidad,periodo,criterio,puntaje,estado\nDIGEMIG,2024,PLAN.1,2,evaluado\n".encode()
    result = import_file(con, data, "puntajes.csv", user="ana", role="analyst")
    assert result.kind == "puntajes" and [p.code for p in result.problems] == ["missing_columns"]
    empty_kind = import_file(con, _csv("SEGIP;2027;;programada;;;;;"), "p.csv", user="ana", role="analyst")
    assert empty_kind.status == "refused"
    assert [(p.row, p.column, p.code) for p in empty_kind.problems] == [(2, "tipo_trabajo", "required")]


def test_headers_written_by_hand_and_aliases_are_recognised(con):
    data = ("Entidad;Gestión;Tipo de trabajo;Estado;Gerencia;Inicio previsto;Fin previsto;Nro informe;Notas\n"
            "SEGIP;2027;Supervision;Programada;Gerencia de TIC;01/02/2027;31/05/2027;;\n").encode("cp1252")
    result = import_file(con, data, "programa.csv", user="ana", role="analyst")
    assert result.status == "imported", [p.problem_es for p in result.problems]
    assert ("SEGIP", "2027", "supervision", "programada", "Gerencia de TIC", date(2027, 2, 1),
            date(2027, 5, 31), None) in [r[:8] for r in _rows(con)]


def test_the_templates_and_their_example_import_on_the_sample_as_they_are(con):
    assert "programa" in KINDS
    header = templates.template("programa").decode("utf-8-sig").splitlines()[0]
    assert header.split(";") == [c.name for c in KINDS["programa"].columns]
    example = templates.template("programa", example=True, fmt="xlsx")
    result = import_file(con, example, "plantilla-programa-ejemplo.xlsx", user="ana", role="analyst",
                         dry_run=True)
    assert result.status == "dry_run", [p.problem_es for p in result.problems]
    assert result.plan.new == 0  # the sample already holds the example's rows (DIGEMIG and MIN-GOB)


@pytest.mark.both_backends
def test_an_analyst_adds_an_entity_and_changes_its_state_each_an_undoable_audited_batch(con, backend):
    added = programme.add(con, "segip", "2026", user="ana", role="analyst")
    assert (added.entity_code, added.period, added.state) == ("SEGIP", "2026", "programada")
    started = programme.set_state(con, "SEGIP", "2026", "en_ejecucion", user="ana", role="analyst")
    issued = programme.set_state(con, "SEGIP", "2026", "informe_emitido", user="ana", role="analyst",
                                 report_number="K3/GP417/S26-G1")
    assert [r[3:8] for r in _rows(con) if r[:2] == ("SEGIP", "2026")] == [
        ("informe_emitido", None, None, None, "K3/GP417/S26-G1")]
    with db.cursor(con) as cur:
        kinds = cur.execute("SELECT kind, user_name, file_name FROM import_batch WHERE batch_id IN (?, ?, ?)"
                            " ORDER BY batch_id", [added.batch_id, started.batch_id, issued.batch_id]).fetchall()
        assert [k[:2] for k in kinds] == [("registro", "ana")] * 3
        assert "en_ejecucion → informe_emitido" in kinds[2][2]
        assert cur.execute("SELECT count(*) FROM audit_log WHERE batch_id IN (?, ?, ?) AND action = 'import'",
                           [added.batch_id, started.batch_id, issued.batch_id]).fetchall()[0][0] == 3
    # Undo walks back one state at a time; the later change must go first.
    with pytest.raises(store.StoreError, match="lote posterior"):
        undo(con, started.batch_id, user="ana", role="analyst")
    undo(con, issued.batch_id, user="ana", role="analyst")
    assert [r[3] for r in _rows(con) if r[:2] == ("SEGIP", "2026")] == ["en_ejecucion"]
    undo(con, started.batch_id, user="ana", role="analyst")
    undo(con, added.batch_id, user="ana", role="analyst")
    assert not [r for r in _rows(con) if r[:2] == ("SEGIP", "2026")]
    with db.cursor(con) as cur:
        assert audit.verify(cur).ok


def test_the_core_refuses_in_spanish_and_writes_nothing(con):
    before = _counts(con)
    cases = [
        (lambda: programme.add(con, "NOEXISTE", "2026", user="ana", role="analyst"), "no está registrada"),
        (lambda: programme.add(con, "DIGEMIG", "2024", user="ana", role="analyst"), "ya está programada"),
        (lambda: programme.add(con, "SEGIP", "2026", user="ana", role="analyst", planned_start=date(2026, 5, 1),
                               planned_end=date(2026, 4, 1)), "anterior al inicio previsto"),
        (lambda: programme.add(con, "SEGIP", "", user="ana", role="analyst"), "Indique la gestión"),
        (lambda: programme.set_state(con, "SEGIP", "2026", "en_ejecucion", user="ana", role="analyst"),
         "no está programada"),
        (lambda: programme.set_state(con, "ABC", "2025", "programada", user="ana", role="analyst"),
         "ya está en el estado"),
        (lambda: programme.set_state(con, "ABC", "2025", "informe_emitido", user="ana", role="analyst"),
         "se necesita el número del informe"),
    ]
    for call, words in cases:
        with pytest.raises(programme.ProgrammeError, match=words):
            call()
    for role in ("viewer", None):
        with pytest.raises(auth.PermissionDenied):
            programme.add(con, "SEGIP", "2026", user="vera", role=role)
        with pytest.raises(auth.PermissionDenied):
            programme.set_state(con, "ABC", "2025", "en_ejecucion", user="vera", role=role)
    assert _counts(con) == before


def test_an_issued_report_keeps_its_number_when_the_follow_up_is_programmed(con):
    done = programme.set_state(con, "SEGIP", "2024", "seguimiento_programado", user="ana", role="analyst")
    row = [r for r in _rows(con) if r[:2] == ("SEGIP", "2024")][0]
    assert (row[3], row[7], row[8]) == ("seguimiento_programado", "K3/GP417/S24-G3", done.batch_id)


def test_follow_ups_due_come_from_schedules_on_record_and_never_from_recommendations_without_one(con):
    due = programme.followups_due(con.cursor(), "2025", as_of=date(2026, 1, 15))
    assert not due.empty
    import pandas as pd
    assert pd.to_datetime(due["due_date"]).between(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31")).all()
    assert due["status"].isin(["pendiente", "en_proceso", "parcialmente_cumplida", "no_cumplida"]).all()
    with db.cursor(con) as cur:
        expected = cur.execute(
            "WITH s AS (SELECT entity_code, report_number, rec_no, arg_max(deadline, revision) AS due"
            " FROM implementation_schedule GROUP BY ALL)"
            " SELECT count(*) FROM s WHERE due BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'").fetchall()[0][0]
    assert len(due) <= expected
    # DIGEMIG's six recommendations have no schedule (the report gives none): never due.
    assert "DIGEMIG" not in set(due["entity_code"])
    assert programme.followups_due(con.cursor(), "2024-II", as_of=date(2026, 1, 15)).empty  # not a year
    assert programme.next_period("2024") == "2025" and programme.next_period("2024-II") is None


def _egov(store_at, *args: str, lang: str = "es"):
    return CliRunner().invoke(main, ["--lang", lang, "--db", str(store_at), "programa", *args], prog_name="egov")


@pytest.mark.both_backends
def test_egov_programa_lists_adds_and_changes_state_in_spanish_and_english(sample_db, backend):
    listed = _egov(sample_db, "listar", "--gestion", "2025", "--format", "json")
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert len(rows) == 6 and {r["estado"] for r in rows} == {"programada", "en_ejecucion"}
    assert all(r["sintetico"] for r in rows)
    added = _egov(sample_db, "agregar", "SEGIP", "--gestion", "2026", "--unidad", "Gerencia de TIC",
                  "--inicio", "02/03/2026", "--fin", "30/06/2026")
    assert added.exit_code == 0, added.output
    assert "SEGIP agregada al programa de la gestión 2026" in added.output
    refused = _egov(sample_db, "agregar", "SEGIP", "--gestion", "2026")
    assert refused.exit_code != 0 and "ya está programada" in refused.output
    moved = _egov(sample_db, "estado", "SEGIP", "en_ejecucion", "--gestion", "2026")
    assert moved.exit_code == 0 and "En ejecución" in moved.output
    table = _egov(sample_db, "listar", "--gestion", "2026")
    assert "Estado" in table.output and "En ejecución" in table.output and "02/03/2026" in table.output
    english = _egov(sample_db, "listar", "--gestion", "2026", lang="en")
    assert "State" in english.output and "Under way" in english.output
    csv_out = _egov(sample_db, "listar", "--gestion", "2026", "--format", "csv")
    assert csv_out.output.splitlines()[1].startswith("SEGIP,Servicio General de Identificación Personal,2026,"
                                                     "supervision,en_ejecucion,Gerencia de TIC,2026-03-02,2026-06-30")
    empty = _egov(sample_db, "listar", "--gestion", "2031")
    assert empty.exit_code == 0 and "ninguna supervisión programada" in empty.output
