"""The audit trail records every kind of change, in the change's transaction; backups and restore."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from egov import followup, ingest, users
from egov.storage import audit, backup, db, store
from tests.support import roles as R


@pytest.fixture
def con(sample_db, tmp_path, monkeypatch):
    monkeypatch.setenv(backup.ENV_DIR, str(tmp_path / "copias"))
    R.accounts_db(sample_db)
    connection = db.connect(sample_db)
    yield connection
    connection.close()


def _entries_after(con, seq: int) -> list[dict]:
    rows = con.execute("SELECT seq, logged_at, user_name, user_role, action, CAST(detail AS VARCHAR), batch_id "
                       "FROM audit_log WHERE seq > ? ORDER BY seq", [seq]).fetchall()
    return [{"seq": s, "at": at, "user": u, "role": r, "action": a, "detail": json.loads(d), "batch": b}
            for s, at, u, r, a, d, b in rows]


def _last_seq(con) -> int:
    return con.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchall()[0][0]


def test_every_kind_of_change_is_in_the_log_with_user_role_time_and_what_changed(con, tmp_path):
    start = _last_seq(con)
    imported = ingest.import_file(con, R.entities_csv("AUD-1"), "aud.csv", user="analyst", role="analyst")
    entity, report, rec_no = R.a_recommendation(con)
    recorded = followup.record_status(con, entity, report, rec_no, "cumplida", R.today(), "resolución 12/2024",
                                      user="analyst", role="analyst")
    framework = ingest.import_file(con, R.framework_csv(), "marco.csv", user="admin", role="admin")
    store.undo_batch(con, imported.batch_id, user="analyst", role="analyst")
    users.add(con, "nueva", "viewer", password="clave-de-prueba", actor="admin", actor_role="admin")
    users.set_role(con, "nueva", "analyst", actor="admin", actor_role="admin")
    users.disable(con, "nueva", actor="admin", actor_role="admin")
    users.enable(con, "nueva", actor="admin", actor_role="admin")
    users.set_password(con, "nueva", "otra-clave-larga", actor="admin", actor_role="admin")
    backup.make_backup(con, tmp_path / "manual.duckdb", user="admin", role="admin")

    log = _entries_after(con, start)
    summary = [(e["action"], e["detail"].get("kind"), e["user"], e["role"]) for e in log]
    assert summary == [
        ("import", "entidades", "analyst", "analyst"),
        ("import", "registro", "analyst", "analyst"),
        ("import", "marco", "admin", "admin"),
        ("undo", None, "analyst", "analyst"),
        ("user_add", None, "admin", "admin"),
        ("user_role", None, "admin", "admin"),
        ("user_disable", None, "admin", "admin"),
        ("user_enable", None, "admin", "admin"),
        ("user_password", None, "admin", "admin"),
        ("backup", None, "admin", "admin"),
    ]
    assert [e["batch"] for e in log[:4]] == [imported.batch_id, recorded.batch_id, framework.batch_id,
                                             imported.batch_id]
    assert log[0]["detail"]["file"] == "aud.csv" and log[0]["detail"]["new"] == 1
    assert log[5]["detail"] == {"user": "nueva", "before": "viewer", "after": "analyst"}
    assert all(e["at"] is not None for e in log)
    assert "otra-clave-larga" not in json.dumps([e["detail"] for e in log])  # never a password
    assert audit.verify(con).ok


def test_a_change_that_fails_leaves_no_audit_entry_since_both_share_one_transaction(con):
    start = _last_seq(con)
    frames = {"recommendation": pd.DataFrame([{  # refers to an assessment that does not exist
        "entity_code": "NO-EXISTE", "report_number": "X/1", "rec_no": 1, "period": "2024",
        "framework_code": "CGE-GE", "area_code": "PLAN", "text_es": "x", "due_date": R.today()}])}
    with pytest.raises(store.StoreError, match="no se guardó nada"):  # refused by the integrity check
        store.write_batch(con, store.BatchInfo("recomendaciones", "huerfana.csv", "f" * 64, user="analyst",
                                               role="analyst"), frames)
    assert _last_seq(con) == start
    with pytest.raises(users.UserError):
        users.add(con, "analyst", "admin", actor="admin", actor_role="admin")  # already exists
    assert _last_seq(con) == start


@pytest.mark.both_backends
def test_verification_names_the_first_edited_deleted_or_reordered_entry(sample_db):
    con = db.connect(sample_db)
    try:
        assert audit.verify(con).ok
        con.execute("UPDATE audit_log SET user_name = 'otro' WHERE seq = 3")
        check = audit.verify(con)
        assert (check.ok, check.first_bad_seq) == (False, 3)
        assert "modificado" in check.reason
    finally:
        con.close()


@pytest.mark.both_backends
def test_verification_detects_a_deleted_entry(sample_db):
    con = db.connect(sample_db)
    try:
        con.execute("DELETE FROM audit_log WHERE seq = 2")
        check = audit.verify(con)
        assert (check.ok, check.first_bad_seq) == (False, 3)
    finally:
        con.close()


def test_an_import_makes_an_automatic_backup_of_the_database_as_it_was_just_before(con, tmp_path, monkeypatch):
    monkeypatch.setenv(backup.ENV_KEEP, "2")
    folder = tmp_path / "copias"
    batches_before = R.batch_count(con)
    taken = []
    for number in range(3):
        result = ingest.import_file(con, R.entities_csv(f"AUTO-{number}"), f"auto{number}.csv", user="analyst",
                                    role="analyst")
        assert result.status == "imported"
        taken.append(sorted(folder.glob(f"{backup.AUTO_PREFIX}*.duckdb"))[-1])
    kept = backup.automatic_backups(folder)
    assert kept == taken[-2:]  # only the last two are kept
    snapshot = db.connect(kept[-1], migrate_schema=False)
    try:  # the last snapshot holds the two earlier imports, not the third
        assert R.batch_count(snapshot) == batches_before + 2
        assert snapshot.execute("SELECT count(*) FROM entity WHERE entity_code LIKE 'AUTO-%'").fetchall()[0][0] == 2
    finally:
        snapshot.close()


def test_a_dry_run_or_a_refused_user_makes_no_automatic_backup(con, tmp_path):
    folder = tmp_path / "copias"
    ingest.import_file(con, R.entities_csv("SECO-1"), "seco.csv", user="analyst", role="analyst", dry_run=True)
    with pytest.raises(Exception):
        ingest.import_file(con, R.entities_csv("SECO-2"), "seco2.csv", user="viewer", role="viewer")
    assert backup.automatic_backups(folder) == []


def _tables(con) -> dict[str, pd.DataFrame]:
    names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
                                       "ORDER BY table_name").fetchall()]
    return {name: con.execute(f'SELECT * FROM "{name}" ORDER BY ALL').df() for name in names}


def test_a_restored_backup_equals_the_database_it_was_taken_from_table_by_table(con, sample_db, tmp_path):
    ingest.import_file(con, R.entities_csv("ANTES-1"), "antes.csv", user="analyst", role="analyst")
    copy = backup.make_backup(con, tmp_path / "copia.duckdb", user="admin", role="admin").path
    source = db.connect(copy, migrate_schema=False)
    try:
        original = _tables(source)
    finally:
        source.close()
    # Changes after the backup, which the restore must take away.
    ingest.import_file(con, R.entities_csv("DESPUES-1"), "despues.csv", user="analyst", role="analyst")
    users.disable(con, "viewer", actor="admin", actor_role="admin")
    con.execute("CHECKPOINT")
    con.close()

    done = backup.restore(copy, sample_db, user="cli:pruebas", role="admin")
    assert done.previous is not None and done.previous.is_file()
    restored_con = db.connect(sample_db)
    try:
        restored = _tables(restored_con)
        assert audit.verify(restored_con).ok
    finally:
        restored_con.close()
    assert original.keys() == restored.keys()
    assert len(original) > 10
    for name, frame in original.items():
        if name == "audit_log":  # the restore appends its own entry after the copied ones
            assert restored[name].iloc[:-1].equals(frame), name
            assert restored[name].iloc[-1]["action"] == "restore"
        else:
            pd.testing.assert_frame_equal(restored[name], frame, obj=name)
    assert "DESPUES-1" not in set(restored["entity"]["entity_code"])
    assert "ANTES-1" in set(restored["entity"]["entity_code"])


def test_restore_refuses_a_backup_whose_audit_log_was_tampered_with(con, sample_db, tmp_path):
    copy = backup.make_backup(con, tmp_path / "copia.duckdb", user="admin", role="admin").path
    tampered = db.connect(copy, migrate_schema=False)
    try:
        tampered.execute("UPDATE audit_log SET detail = '{\"x\": 1}' WHERE seq = 1")
    finally:
        tampered.close()
    con.close()
    with pytest.raises(backup.BackupError, match="no es íntegro"):
        backup.restore(copy, sample_db, user="cli:pruebas", role="admin")


def test_restore_and_backup_are_refused_to_non_admins(con, tmp_path):
    with pytest.raises(PermissionError):
        backup.restore(tmp_path / "x.duckdb", tmp_path / "y.duckdb", user="analyst", role="analyst")
    with pytest.raises(PermissionError):
        backup.make_backup(con, tmp_path / "z.duckdb", user="analyst", role="analyst")
    assert not (tmp_path / "z.duckdb").exists()


# --- the Auditoría page (local mode: the single local administrator) ----------------------------

def _audit_page():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("../app.py", default_timeout=90).run()
    at.switch_page("views/auditoria.py").run()
    assert not at.exception
    return at


def test_the_audit_page_filters_the_log_by_action_and_makes_a_backup_that_is_logged(sample_db, use_db, tmp_path,
                                                                                   monkeypatch):
    monkeypatch.setenv(backup.ENV_DIR, str(tmp_path / "copias"))
    con = db.connect(sample_db)
    try:
        entries = R.audit_count(con)
    finally:
        con.close()
    use_db(sample_db)
    at = _audit_page()
    assert [s.value for s in at.success] == [f"Registro íntegro. Entradas verificadas: {entries}."]
    at.button(key="audit_backup").click().run()
    assert len(list((tmp_path / "copias").glob("egov-*.duckdb"))) == 1
    assert any(s.value.startswith("Copia guardada en ") for s in at.success)
    at.multiselect(key="audit_actions").set_value(["backup"]).run()
    log = at.dataframe[0].value
    assert list(log["Acción"]) == ["Copia de seguridad"] and list(log["Usuario"]) == ["local"]
    assert f"Entradas mostradas: 1 de {entries + 1}." in [c.value for c in at.caption]
    (copy,) = (tmp_path / "copias").glob("egov-*.duckdb")
    said, = log["Qué se hizo"]  # in words, beside the detail kept as it was written
    assert said.startswith(f"Copia {copy.name} (") and said.endswith(f" MB, {entries} entradas del registro)")
    assert json.loads(log["Detalle"].iloc[0])["file"] == str(copy.resolve())


def test_each_kind_of_entry_is_said_in_words_and_one_this_version_cannot_read_is_left_unsaid():
    from egov.ui.audit_view import summary

    imported = json.dumps({"kind": "puntajes", "file": "puntajes.csv", "sha256": "x", "new": 1315, "changed": 2,
                           "unchanged": 0, "synthetic": True})
    assert summary("import", imported, "es") == ("puntajes.csv (puntajes): 1.315 nuevas, 2 modificadas, 0 sin cambios"
                                                 " · datos de demostración")
    assert summary("import", imported, "en") == ("puntajes.csv (puntajes): 1,315 new, 2 changed, 0 unchanged"
                                                 " · demonstration data")
    assert summary("undo", json.dumps({"batch_id": 7, "file": "a.csv"}), "es") == "Deshace el lote 7 (a.csv)"
    assert summary("restore", json.dumps({"from": "/c/egov-1.duckdb", "previous_kept_as": None}), "es") == \
        "Restaurada desde egov-1.duckdb"
    assert summary("user_role", json.dumps({"user": "ana", "before": "viewer", "after": "analyst"}), "es") == \
        "Cuenta ana: Lector → Analista"
    assert summary("migrate", json.dumps({"applied": [11, 12]}), "es") == "Migraciones aplicadas: 11, 12"
    for action, detail in (("import", json.dumps({"file": "a.csv"})), ("undo", "{not json"),
                           ("nueva_accion", json.dumps({"x": 1})), ("user_add", "[1, 2]"), ("backup", None)):
        assert summary(action, detail, "es") == "", (action, detail)


def test_the_audit_page_says_so_when_the_log_was_tampered_with(sample_db, use_db):
    con = db.connect(sample_db)
    try:
        con.execute("UPDATE audit_log SET user_name = 'intruso' WHERE seq = 4")
    finally:
        con.close()
    use_db(sample_db)
    at = _audit_page()
    assert [e.value for e in at.error][0].startswith("El registro fue alterado: la entrada 4 no coincide")


def test_nothing_in_the_product_updates_or_deletes_audit_entries():
    from egov.storage.db import PROJECT_ROOT

    sources = [*PROJECT_ROOT.glob("egov/**/*.py"), *PROJECT_ROOT.glob("views/*.py"), *PROJECT_ROOT.glob("queries/*.sql")]
    writers = [str(p.relative_to(PROJECT_ROOT)) for p in sources
               if any(w in p.read_text(encoding="utf-8").upper() for w in ("UPDATE AUDIT_LOG", "DELETE FROM AUDIT_LOG"))]
    assert writers == []


def test_the_automatic_backup_can_be_turned_off_for_bulk_loads(con, tmp_path, monkeypatch):
    monkeypatch.setenv(backup.ENV_AUTO, "0")
    result = ingest.import_file(con, R.entities_csv("BULK-1"), "bulk.csv", user="analyst", role="analyst")
    assert result.status == "imported"
    assert backup.automatic_backups(tmp_path / "copias") == []


def test_a_backup_taken_while_imports_commit_is_a_store_whose_audit_chain_verifies(con, tmp_path, monkeypatch):
    # The backup copies the checkpointed file itself: each copy must be one moment of the store, never
    # a file torn by a commit landing mid-copy (the writers wait on the write lock), its data matching
    # its own newest audit entry and holding exactly the batches that entry's chain reached.
    import threading
    monkeypatch.setenv(backup.ENV_AUTO, "0")
    stop, failures = threading.Event(), []

    def imports():
        number = 0
        while not stop.is_set():
            result = ingest.import_file(con, R.entities_csv(f"HILO-{number}"), f"hilo{number}.csv", user="analyst",
                                        role="analyst")
            if result.status != "imported":
                failures.append(result.summary_es)
            number += 1
    writer = threading.Thread(target=imports)
    writer.start()
    copies = []
    try:
        for number in range(4):
            copies.append(db.backup_to(con, tmp_path / f"copia-{number}.duckdb"))
    finally:
        stop.set()
        writer.join()
    assert not failures
    written = con.execute("SELECT count(*) FROM entity WHERE entity_code LIKE 'HILO-%'").fetchall()[0][0]
    assert written >= 1
    for path in copies:
        assert not path.with_name(path.name + ".wal").exists()
        copy = db.connect(path, migrate_schema=False)
        try:
            with db.cursor(copy) as cur:
                assert audit.verify(cur).ok, path.name
                entities = cur.execute("SELECT count(*) FROM entity WHERE entity_code LIKE 'HILO-%'").fetchall()[0][0]
                batches = cur.execute("SELECT count(*) FROM import_batch WHERE file_name LIKE 'hilo%'").fetchall()[0][0]
                assert entities == batches <= written
        finally:
            copy.close()


def test_a_backup_falls_back_to_copying_through_the_database_when_the_file_cannot_be_copied(con, tmp_path,
                                                                                          monkeypatch):
    # A WAL left after the checkpoint means the file alone is not the store: the copy goes through DuckDB.
    monkeypatch.setattr(db, "_copy_checkpointed", lambda cur, source, target: False)
    facts = {"entities": "SELECT count(*) FROM {copy}.entity"}
    target = db.backup_to(con, tmp_path / "por-la-base.duckdb", facts=facts)
    assert facts["entities"] == con.execute("SELECT count(*) FROM entity").fetchall()
    copy = db.connect(target, migrate_schema=False)
    try:
        with db.cursor(copy) as cur:
            assert audit.verify(cur).ok
    finally:
        copy.close()


def test_an_entry_recomputes_only_the_tables_its_change_wrote_and_tampering_elsewhere_stays_visible(
        con, monkeypatch):
    # An account change digests the accounts table alone and carries every other table's digest from
    # the entry before; a score edited in the file behind the log's back is not blessed by that entry.
    monkeypatch.delenv(audit.ENV_CHECK_CARRIED)
    computed = []
    real = audit.table_digest
    monkeypatch.setattr(audit, "table_digest", lambda cur, table: computed.append(table) or real(cur, table))
    con.execute("UPDATE criterion_score SET evidence = 'editado a mano' WHERE rowid = (SELECT min(rowid) "
                "FROM criterion_score)")
    users.add(con, "nueva", "viewer", actor="admin", actor_role="admin")
    assert computed == ["app_user"]
    with db.cursor(con) as cur:
        check = audit.verify(cur)
    assert not check.ok and check.changed_tables == ("criterion_score",)


def test_a_score_import_redigests_only_the_entities_and_the_batch_it_wrote(con, monkeypatch):
    # criterion_score is digested an entity at a time and batch_change a batch at a time: importing two
    # entities' scores recomputes those two parts and the new batch's, takes every other part from
    # audit_part, and the entry is still what a digest of everything gives (verify recomputes it all).
    from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
    monkeypatch.delenv(audit.ENV_CHECK_CARRIED)
    # The sample's last score file wrote most of the scores (digested whole, parts dropped): one import
    # digests every part again, and from there each import only its own.
    first = ingest.import_file(con, csv_bytes(SCORE_HEADER, SCORES[4:]), "primero.csv", user="analyst",
                               role="analyst")
    assert first.status == "imported", first.summary_es
    asked = []
    real = audit._part_digests
    monkeypatch.setattr(audit, "_part_digests",
                        lambda cur, table, parts=None: asked.append((table, parts)) or real(cur, table, parts))
    result = ingest.import_file(con, csv_bytes(SCORE_HEADER, SCORES[:4]), "puntajes.csv", user="analyst",
                                role="analyst")
    assert result.status == "imported", result.summary_es
    assert sorted(asked) == [("assessment", ["DIGEMIG"]), ("batch_change", [f"{result.batch_id}/0"]),
                             ("criterion_score", ["DIGEMIG"])]
    with db.cursor(con) as cur:
        assert audit.verify(cur).ok
        recorded = json.loads(cur.execute("SELECT CAST(data_digest AS VARCHAR) FROM audit_log ORDER BY seq DESC"
                                          " LIMIT 1").fetchall()[0][0])
        assert recorded["criterion_score"] == audit._combined(real(cur, "criterion_score"))
    # A score of an entity the import did not touch, edited in the file: still reported.
    con.execute("UPDATE criterion_score SET evidence = 'a mano' WHERE rowid = (SELECT min(rowid)"
                " FROM criterion_score WHERE entity_code NOT IN ('DIGEMIG', 'SEGIP'))")
    again = ingest.import_file(con, csv_bytes(SCORE_HEADER, [[*SCORES[0][:4], "3", *SCORES[0][5:]]]), "otra.csv",
                               user="analyst", role="analyst", confirm_changes=True)
    assert again.status == "imported", again.summary_es
    with db.cursor(con) as cur:
        check = audit.verify(cur)
    assert not check.ok and check.changed_tables == ("criterion_score",)
