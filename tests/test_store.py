"""The store: schema constraints, in-place migrations, batches, undo, references (on both backends)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from egov import kinds
from egov.storage import audit, db, store
from tests.test_scoring import framework_rows, write

pytestmark = pytest.mark.both_backends


@pytest.fixture
def con(new_store):
    connection = db.connect(new_store)
    yield connection
    connection.close()


def seeded(con) -> None:
    write(con, "marco", framework_rows("FW", {"A": (1, [("A1", 1, 0, 4), ("A2", 1, 0, 4)])}))
    write(con, "entidades", [{"entidad": "E1", "nombre": "Uno", "sector": "Salud", "nivel": "central"}])


_LIMITED = ("INSERT INTO criterion_score (entity_code, period, framework_code, criterion_code, status, score, evidence,"
            " batch_id) VALUES")


@pytest.mark.parametrize("statement", [
    # a score without the 'evaluado' status, and an 'evaluado' without a score
    "INSERT INTO criterion_score (entity_code, period, framework_code, criterion_code, status, score, evidence, batch_id) VALUES ('E1','2024','FW','A1','desconocido', 3, NULL, 1)",
    "INSERT INTO criterion_score (entity_code, period, framework_code, criterion_code, status, score, evidence, batch_id) VALUES ('E1','2024','FW','A1','evaluado', NULL, NULL, 1)",
    "INSERT INTO criterion_score (entity_code, period, framework_code, criterion_code, status, score, evidence, batch_id) VALUES ('E1','2024','FW','A1','quizas', 1, NULL, 1)",
    "INSERT INTO criterion VALUES ('FW','X','A','x','x',NULL,NULL, 1, 4, 4, NULL, 1, 1)",  # max = min
    "INSERT INTO criterion VALUES ('FW','X','A','x','x',NULL,NULL, 0, 0, 4, NULL, 1, 1)",  # weight 0
    "INSERT INTO band VALUES ('FW','Z','z','z', 60, 40, 9, 1)",  # upper below lower
    "INSERT INTO band VALUES ('FW','Z','z','z', 60, 140, 9, 1)",  # beyond 100
    "INSERT INTO tool_adoption (entity_code, period, framework_code, tool_code, status, procedures_count, scope, evidence, batch_id) VALUES ('E1','2024','FW','t','a veces', NULL, NULL, NULL, 1)",
    "INSERT INTO recommendation_status (entity_code, report_number, rec_no, status_date, status, evidence, recorded_by, recorded_at, batch_id) VALUES ('E1','R',1,'2024-01-01','olvidada',NULL,'x',now(),1)",
    "INSERT INTO entity (entity_code, name, acronym, sector, gov_level, entity_type, department, parent_body,"
    " source, batch_id) VALUES ('E1','Duplicada',NULL,'Salud','central',NULL,NULL,NULL,NULL,1)",  # key
    "INSERT INTO entity (entity_code, name, acronym, sector, gov_level, entity_type, department, parent_body,"
    " source, batch_id) VALUES ('E9','Nueve',NULL,'Salud','galactico',NULL,NULL,NULL,NULL,1)",
    "INSERT INTO entity (entity_code, name, acronym, sector, gov_level, entity_type, department, parent_body,"
    " source, batch_id) VALUES ('  ','Vacía',NULL,'Salud','central',NULL,NULL,NULL,NULL,1)",
    "INSERT INTO app_user VALUES ('ana','Ana','superuser',NULL,false,now())",
    f"{_LIMITED} ('E1','2024','FW','A1','limitacion', 2, NULL, 1)",  # a limitation has no score
    "INSERT INTO recommendation_acceptance (entity_code, report_number, rec_no, decision, decision_date, batch_id)"
    " VALUES ('E1','R',1,'no_aceptada','2025-01-01',1)",  # not accepted without reasons
    "INSERT INTO implementation_schedule (entity_code, report_number, rec_no, revision, deadline, source, batch_id)"
    " VALUES ('E1','R',1,1,'2025-01-01','inventado',1)",
])
def test_schema_refuses_impossible_states(con, backend, statement):
    seeded(con)
    # DuckDB checks its own constraints; on PostgreSQL the server refuses the row itself.
    refusal = duckdb.ConstraintException if backend == "duckdb" else duckdb.Error
    with pytest.raises(refusal) as refused:
        con.execute(statement)
    if backend == "postgres":
        assert "violates" in str(refused.value)


def test_migrations_upgrade_an_existing_file_in_place(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    seeded(con)
    before = con.execute("SELECT * FROM criterion ORDER BY 1, 2").fetchall()
    original = db.migration_files()
    latest = original[-1][0]
    assert db.schema_version(con) == latest
    con.close()

    extra = (latest + 1, f"{latest + 1:03d}_test_column.sql", "ALTER TABLE entity ADD COLUMN website VARCHAR;")
    monkeypatch.setattr(db, "migration_files", lambda: original + [extra])
    con = db.connect(path)
    try:
        assert db.schema_version(con) == latest + 1
        assert con.execute("SELECT * FROM criterion ORDER BY 1, 2").fetchall() == before
        assert con.execute("SELECT website FROM entity").fetchall() == [(None,)]
        assert db.migrate(con) == []  # idempotent
    finally:
        con.close()


def test_a_failing_migration_leaves_the_file_at_its_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    db.connect(path).close()
    original = db.migration_files()
    latest = original[-1][0]
    broken = (latest + 1, f"{latest + 1:03d}_broken.sql",
              "ALTER TABLE entity ADD COLUMN x VARCHAR; SELECT * FROM no_such_table;")
    monkeypatch.setattr(db, "migration_files", lambda: original + [broken])
    with pytest.raises(duckdb.Error):
        db.connect(path)
    monkeypatch.setattr(db, "migration_files", lambda: original)
    con = db.connect(path)
    try:
        assert db.schema_version(con) == latest
        columns = [r[0] for r in con.execute("DESCRIBE entity").fetchall()]
        assert "x" not in columns
    finally:
        con.close()


def test_reimport_counts_changes_and_undo_restores_previous_values(con):
    seeded(con)
    rows = [{"entidad": "E1", "gestion": "2024", "marco": "FW", "criterio": "A1", "puntaje": 1},
            {"entidad": "E1", "gestion": "2024", "marco": "FW", "criterio": "A2", "puntaje": 2}]
    write(con, "puntajes", rows)
    changed = [dict(rows[0], puntaje=3), rows[1]]
    frames = kinds.to_tables("puntajes", pd.DataFrame(changed))
    plan = store.plan(con.cursor(), frames)
    assert (plan.diffs["criterion_score"].new, plan.diffs["criterion_score"].changed,
            plan.diffs["criterion_score"].unchanged) == (0, 1, 1)
    batch = store.write_batch(con, store.BatchInfo("puntajes", "v2.csv", "c" * 64), frames)
    assert con.execute("SELECT score FROM criterion_score WHERE criterion_code='A1'").fetchall() == [(3.0,)]
    store.undo_batch(con, batch)
    assert con.execute("SELECT score FROM criterion_score WHERE criterion_code='A1'").fetchall() == [(1.0,)]
    assert con.execute("SELECT undone_by IS NOT NULL FROM import_batch WHERE batch_id = ?",
                       [batch]).fetchall() == [(True,)]


def test_undo_a_window_of_changes_at_a_time_restores_every_row_new_and_changed(con, monkeypatch):
    # A national batch is undone a range of its changes at a time: a window of 2 over 5 rows of two
    # tables must delete the new rows and restore the changed ones, none missed at a window's edge.
    seeded(con)
    write(con, "entidades", [{"entidad": f"E{i}", "nombre": f"N{i}", "sector": "S", "nivel": "central"}
                             for i in range(2, 5)])
    first = [{"entidad": f"E{i}", "gestion": "2024", "marco": "FW", "criterio": "A1", "puntaje": 1}
             for i in range(1, 4)]
    write(con, "puntajes", first)
    before = con.execute("SELECT * FROM criterion_score ORDER BY ALL").fetchall()
    second = [dict(row, puntaje=4) for row in first] + [
        {"entidad": f"E{i}", "gestion": "2024", "marco": "FW", "criterio": c, "puntaje": 2}
        for i in range(1, 5) for c in ("A2",)]
    monkeypatch.setattr(store, "UNDO_WINDOW", 2)
    batch = store.write_batch(con, store.BatchInfo("puntajes", "v2.csv", "e" * 64),
                              kinds.to_tables("puntajes", pd.DataFrame(second)))
    assert con.execute("SELECT count(*) FROM criterion_score").fetchall() == [(7,)]
    store.undo_batch(con, batch)
    assert con.execute("SELECT * FROM criterion_score ORDER BY ALL").fetchall() == before
    assert con.execute("SELECT count(*) FROM assessment").fetchall() == [(3,)]


def test_same_checksum_is_refused_as_already_imported(con):
    seeded(con)
    frames = kinds.to_tables("entidades", pd.DataFrame([{"entidad": "E2", "nombre": "Dos", "sector": "S",
                                                          "nivel": "central"}]))
    first = store.write_batch(con, store.BatchInfo("entidades", "e.csv", "d" * 64), frames)
    with pytest.raises(store.AlreadyImported) as refused:
        store.write_batch(con, store.BatchInfo("entidades", "e.csv", "d" * 64), frames)
    assert refused.value.batch_id == first
    # After undo the same file may come in again.
    store.undo_batch(con, first)
    assert store.write_batch(con, store.BatchInfo("entidades", "e.csv", "d" * 64), frames) > first


def test_undo_is_refused_while_a_later_batch_changed_the_same_rows(con):
    seeded(con)
    base = {"entidad": "E1", "gestion": "2024", "marco": "FW", "criterio": "A1"}
    first = write(con, "puntajes", [dict(base, puntaje=1)])
    second = write(con, "puntajes", [dict(base, puntaje=2)])
    with pytest.raises(store.StoreError, match=f"el lote posterior {second} modificó"):
        store.undo_batch(con, first)
    store.undo_batch(con, second)
    store.undo_batch(con, first)
    assert con.execute("SELECT count(*) FROM criterion_score").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM assessment").fetchall() == [(0,)]


def test_a_row_without_its_parent_rolls_the_whole_batch_back(con):
    seeded(con)
    before = con.execute("SELECT count(*) FROM import_batch").fetchall()
    frames = {"criterion_score": pd.DataFrame([{"entity_code": "E1", "period": "2024", "framework_code": "FW",
                                                 "criterion_code": "A1", "status": "evaluado", "score": 2.0}]),
              "entity": pd.DataFrame([{"entity_code": "E3", "name": "Tres", "sector": "S", "gov_level": "central"}])}
    with pytest.raises(store.StoreError, match="sin su referencia"):
        store.write_batch(con, store.BatchInfo("puntajes", "orphan.csv", "e" * 64), frames)
    assert con.execute("SELECT count(*) FROM import_batch").fetchall() == before
    assert con.execute("SELECT count(*) FROM entity WHERE entity_code = 'E3'").fetchall() == [(0,)]


def test_every_write_and_undo_is_in_the_verified_audit_chain(con):
    seeded(con)
    batch = write(con, "entidades", [{"entidad": "E2", "nombre": "Dos", "sector": "S", "nivel": "central"}])
    store.undo_batch(con, batch, user="ana", role="admin")
    actions = con.execute("SELECT action, user_name FROM audit_log ORDER BY seq").fetchall()
    assert actions[-2:] == [("import", "local"), ("undo", "ana")]
    assert audit.verify(con.cursor()).ok
    con.execute("UPDATE audit_log SET user_name = 'otro' WHERE seq = 2")
    check = audit.verify(con.cursor())
    assert not check.ok and check.first_bad_seq == 2


def test_backup_is_a_consistent_copy(tmp_path):
    con = db.connect(tmp_path / "store.duckdb")
    seeded(con)
    target = db.backup_to(con, tmp_path / "backups" / "copy.duckdb")
    copy = db.connect(target, migrate_schema=False)
    try:
        for table in ("entity", "criterion", "import_batch", "audit_log"):
            assert copy.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() == \
                con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    finally:
        copy.close()


def test_undoing_a_batch_a_second_time_is_refused_and_changes_nothing(con):
    from tests.corpus.helpers import snapshot
    seeded(con)
    batch = write(con, "puntajes", [{"entidad": "E1", "gestion": "2024", "marco": "FW", "criterio": "A1",
                                     "puntaje": 1}])
    store.undo_batch(con, batch)
    before = snapshot(con)
    with pytest.raises(store.StoreError, match="ya fue deshecho"):
        store.undo_batch(con, batch)
    assert snapshot(con) == before  # no second undo entry in the audit log, nothing restored twice


def test_a_batch_that_changes_a_stored_row_is_refused_unless_changes_are_allowed(con):
    seeded(con)
    renamed = kinds.to_tables("entidades", pd.DataFrame(
        [{"entidad": "E1", "nombre": "Uno renombrada", "sector": "Salud", "nivel": "central"}]))
    batches = con.execute("SELECT count(*) FROM import_batch").fetchall()[0][0]
    with pytest.raises(store.ChangesNotConfirmed):
        store.write_batch(con, store.BatchInfo("entidades", "otra.csv", "c" * 64), renamed, allow_changes=False)
    assert con.execute("SELECT name FROM entity").fetchall() == [("Uno",)]
    assert con.execute("SELECT count(*) FROM import_batch").fetchall()[0][0] == batches
    store.write_batch(con, store.BatchInfo("entidades", "otra.csv", "d" * 64), renamed, allow_changes=True)
    assert con.execute("SELECT name FROM entity").fetchall() == [("Uno renombrada",)]
