"""The audit log anchored outside the database: each tampering of issue 20 makes verify fail in Spanish,
and restore refuses a doctored copy, a newer schema and a skeleton, leaving the live database untouched."""

from __future__ import annotations

import hashlib
import json
import os
import stat

import pytest
from click.testing import CliRunner

from egov import ingest
from egov.cli import main
from egov.storage import audit, backup, db
from tests.support import roles as R


@pytest.fixture
def store(sample_db, tmp_path, monkeypatch):
    monkeypatch.setenv(backup.ENV_DIR, str(tmp_path / "copias"))
    R.accounts_db(sample_db)
    con = db.connect(sample_db)
    # A last entry that changes data, then one that does not (a backup), as in a real store.
    assert ingest.import_file(con, R.entities_csv("TAMPER-1"), "t1.csv", user="analyst",
                              role="analyst").status == "imported"
    made = backup.make_backup(con, tmp_path / "copia.duckdb", user="admin", role="admin")
    con.execute("CHECKPOINT")
    con.close()
    return sample_db, made


def _verify(path, head=None) -> audit.ChainCheck:
    con = db.connect(path)
    try:
        with db.cursor(con) as cur:
            return audit.verify(cur, head=head)
    finally:
        con.close()


def _doctor(path, *statements) -> None:
    con = db.connect(path, migrate_schema=False)
    try:
        for statement in statements:
            con.execute(statement)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _head(path) -> audit.Head:
    con = db.connect(path)
    try:
        with db.cursor(con) as cur:
            return audit.head(cur)
    finally:
        con.close()


def _rehash_unkeyed(path) -> None:
    """What an attacker with the project's code but not the key does: recompute every hash, unkeyed."""
    con = db.connect(path, migrate_schema=False)
    try:
        rows = con.execute("SELECT seq, logged_at, user_name, user_role, action, CAST(detail AS VARCHAR), batch_id"
                           " FROM audit_log ORDER BY seq").fetchall()
        prev = audit.GENESIS
        for seq, at, user, role, action, detail, batch in rows:
            entry = audit._hash(prev, audit._canonical(seq, at.isoformat(), user, role, action, detail, batch))
            con.execute("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE seq = ?", [prev, entry, seq])
            prev = entry
        con.execute("CHECKPOINT")
    finally:
        con.close()


def test_an_untouched_store_verifies(store):
    path, _ = store
    check = _verify(path, head=_head(path))
    assert check.ok and check.keyed_entries == check.entries


def test_deleting_the_last_entry_fails_through_the_head_and_the_last_data_entry_through_the_digests(store):
    path, _ = store
    known = _head(path)
    _doctor(path, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")  # the backup entry
    check = _verify(path, head=known)
    assert not check.ok and "se borró la última entrada" in check.message
    _doctor(path, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")  # the import entry
    check = _verify(path)  # even without the head: the data no longer match the newest entry
    assert not check.ok and "entity (entidades)" in check.message and "sin una entrada" in check.message


def test_deleting_the_last_three_entries_fails(store):
    path, _ = store
    known = _head(path)
    _doctor(path, f"DELETE FROM audit_log WHERE seq > {known.count - 3}")
    check = _verify(path, head=known)
    assert not check.ok and "se borraron las últimas 3 entradas" in check.message
    assert not _verify(path).ok  # the data tell it too


def test_deleting_every_entry_fails(store):
    path, _ = store
    _doctor(path, "DELETE FROM audit_log")
    check = _verify(path)
    assert not check.ok and "el registro está vacío pero la base tiene datos" in check.message


def test_an_edited_entry_whose_hashes_were_recomputed_with_the_projects_own_function_fails(store):
    path, _ = store
    _doctor(path, "UPDATE audit_log SET user_name = 'otro' WHERE seq = 3")
    _rehash_unkeyed(path)
    check = _verify(path)
    assert not check.ok and check.first_bad_seq == 1 and "modificado" in check.message


@pytest.mark.parametrize("change, table", [
    ("UPDATE criterion_score SET score = 0 WHERE score IS NOT NULL AND rowid = "
     "(SELECT min(rowid) FROM criterion_score WHERE score IS NOT NULL AND score > 0)", "criterion_score (puntajes"),
    ("DELETE FROM recommendation WHERE rowid IN (SELECT rowid FROM recommendation LIMIT 3)", "recommendation "),
    ("UPDATE app_user SET user_role = 'admin'", "app_user (cuentas de usuario)"),
])
def test_data_changed_directly_in_the_database_fails_naming_the_table(store, change, table):
    path, _ = store
    _doctor(path, change)
    check = _verify(path)
    assert not check.ok
    assert "los datos cambiaron sin una entrada del registro" in check.message and table in check.message


def test_the_cli_prints_the_head_and_verify_with_it_finds_a_cut_tail_in_one_spanish_line(store):
    path, made = store
    runner = CliRunner()
    printed = runner.invoke(main, ["--db", str(path), "audit", "head"])
    assert printed.exit_code == 0
    head = printed.output.strip()
    assert audit.Head.parse(head) == _head(path)
    assert runner.invoke(main, ["--db", str(path), "audit", "verify", "--head", head]).exit_code == 0
    _doctor(path, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    result = runner.invoke(main, ["--db", str(path), "audit", "verify", "--head", head])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: registro de auditoría alterado")
    assert "Traceback" not in result.output


def test_a_store_written_before_migration_004_still_verifies_with_the_old_rule_for_its_old_entries(tmp_path):
    """Build an old store (schema 002, unkeyed chain), then open it with this code."""
    path = tmp_path / "antigua.duckdb"
    old = db.connect(path, migrate_schema=False)
    try:
        old.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                    " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
        for version, name, text in db.migration_files():
            if version <= 2:
                old.execute(text)
                old.execute("INSERT INTO schema_migration (version, name) VALUES (?, ?)", [version, name])
        prev = audit.GENESIS
        for seq in (1, 2):
            at = f"2025-0{seq}-01T10:00:00"
            detail = json.dumps({"user": f"u{seq}"})
            entry = audit._hash(prev, audit._canonical(seq, at, "cli:x", "admin", "user_add", detail, None))
            old.execute("INSERT INTO audit_log VALUES (?, ?, 'cli:x', 'admin', 'user_add', ?, NULL, ?, ?)",
                        [seq, at, detail, prev, entry])
            prev = entry
        old.execute("CHECKPOINT")
    finally:
        old.close()
    check = _verify(path)  # connect migrates to 004 and records the upgrade as a keyed entry
    assert check.ok, check.message
    assert (check.legacy_entries, check.keyed_entries) == (2, 1)
    assert "2 anteriores a la migración 004 con la regla antigua sin clave" in check.message
    # No later entry may claim the old rule.
    _doctor(path, "UPDATE audit_log SET hash_rule = 'sha256' WHERE seq = 3")
    assert "no está firmada con la clave" in _verify(path).message


def test_the_key_file_is_created_once_with_owner_only_permissions(tmp_path, monkeypatch):
    monkeypatch.delenv(audit.ENV_KEY, raising=False)
    monkeypatch.setenv(audit.ENV_KEY_FILE, str(tmp_path / "claves" / "audit.key"))
    first = audit.key()
    assert stat.S_IMODE(os.stat(tmp_path / "claves" / "audit.key").st_mode) == 0o600
    audit._file_key.cache_clear()
    assert audit.key() == first and len(first) == 64


# --- restore -------------------------------------------------------------------------------------

def _live_fingerprint(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(copy, live, *fragments, **options):
    before = _live_fingerprint(live)
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(copy, live, user="cli:pruebas", role="admin", **options)
    assert _live_fingerprint(live) == before  # the live database is untouched
    for fragment in fragments:
        assert fragment in str(refused.value)
    assert "/" not in str(refused.value).split("(")[0]  # no server path in the sentence
    return str(refused.value)


def test_restore_refuses_a_copy_whose_tail_was_cut_and_whose_accounts_were_all_made_administrators(store):
    live, made = store
    _doctor(made.path, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
            "UPDATE app_user SET user_role = 'admin'")
    _refused(made.path, live, "no es íntegro")


def test_restore_refuses_a_copy_whose_tail_was_cut_even_when_the_data_still_match(store, tmp_path):
    live, _ = store
    con = db.connect(live)
    try:  # a copy whose newest entries changed no data (two backups)
        backup.make_backup(con, tmp_path / "otra.duckdb", user="admin", role="admin")
        copy = backup.make_backup(con, tmp_path / "ultima.duckdb", user="admin", role="admin").path
    finally:
        con.close()
    _doctor(copy, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    _refused(copy, live, "se borró la última entrada")


def test_restore_refuses_a_manifest_edited_to_match_a_cut_tail(store):
    live, made = store
    manifest = backup.manifest_path(made.path)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["audit_entries"] -= 1
    manifest.write_text(json.dumps(data), encoding="utf-8")
    _refused(made.path, live, "no está firmado con la clave")


def test_restore_refuses_a_copy_without_its_manifest_unless_told(store):
    live, made = store
    backup.manifest_path(made.path).unlink()
    _refused(made.path, live, "no tiene su manifiesto", "--sin-manifiesto")
    assert backup.restore(made.path, live, user="cli:pruebas", role="admin", without_manifest=True).audit_entries


def test_restore_refuses_a_schema_newer_than_the_code(store):
    live, made = store
    _doctor(made.path, "INSERT INTO schema_migration (version, name) VALUES (999, '999_del_futuro.sql')")
    backup.manifest_path(made.path).unlink()
    _refused(made.path, live, "esquema versión 999", "actualice el programa", without_manifest=True)


def test_restore_refuses_a_skeleton_with_only_the_migrations_table_and_an_empty_log(store, tmp_path):
    live, _ = store
    skeleton = tmp_path / "esqueleto.duckdb"
    con = db.connect(skeleton, migrate_schema=False)
    try:
        con.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                    " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
        con.execute("INSERT INTO schema_migration (version, name) SELECT v, 'x' FROM range(1, 5) t(v)")
        con.execute("CREATE TABLE audit_log (seq INTEGER, logged_at TIMESTAMP, user_name VARCHAR, user_role VARCHAR,"
                    " action VARCHAR, detail JSON, batch_id INTEGER, prev_hash VARCHAR, entry_hash VARCHAR)")
    finally:
        con.close()
    _refused(skeleton, live, "no se restauró", without_manifest=True)


def test_a_backup_writes_a_signed_manifest_with_the_copys_head(store):
    _, made = store
    head, schema = backup.read_manifest(made.path)
    assert head == made.head == _head(made.path) and schema == backup.code_schema_version()


def test_a_table_digest_is_the_md5_of_its_rows_sorted_md5s_whatever_the_batches(sample_db, monkeypatch):
    # The digest hashes Arrow's string buffer directly: it must stay what the rule says (and what every
    # recorded entry holds), one DuckDB expression computed whole, for batches cut anywhere.
    import pyarrow as pa
    from egov.storage import audit, db
    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            for batch_rows in (audit.DIGEST_BATCH_ROWS, 7, 1):
                monkeypatch.setattr(audit, "DIGEST_BATCH_ROWS", batch_rows)
                for table in ("criterion_score", "entity", "batch_change", "interop_partner"):
                    rows, whole = cur.execute(
                        f"SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) FROM"
                        f" (SELECT md5(CAST(t AS VARCHAR)) AS h FROM {table} t)").fetchall()[0]
                    assert audit.table_digest(cur, table) == f"{rows}:{whole}", (table, batch_rows)
    finally:
        con.close()
    hexes = pa.array(["ab", "cd", "ef", "01"]).slice(1, 2)
    assert bytes(audit._concatenated(hexes)) == b"cdef"
    assert bytes(audit._concatenated(pa.array(["ab", "cd"], type=pa.large_string()).slice(1))) == b"cd"
    assert bytes(audit._concatenated(pa.array([], type=pa.string()))) == b""


def test_a_part_digest_is_the_plain_digest_of_its_rows_however_the_parts_are_chunked(sample_db, monkeypatch):
    # Parts are digested a few at a time so a national sort fits in memory: the chunking must change
    # nothing, each part's digest being one DuckDB expression over its rows.
    from egov.storage import audit, db
    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            for table in audit.PARTS:
                part = audit.PARTS[table]
                whole = {name: (rows, md5) for name, rows, md5 in cur.execute(
                    f"SELECT {part} AS part, count(*), md5(string_agg(md5(CAST(t AS VARCHAR)), ''"
                    f" ORDER BY md5(CAST(t AS VARCHAR)))) FROM {table} t GROUP BY ALL").fetchall()}
                assert len(whole) > 1, table
                for chunk_rows in (audit.PART_CHUNK_ROWS, 5, 1):
                    monkeypatch.setattr(audit, "PART_CHUNK_ROWS", chunk_rows)
                    assert audit._part_digests(cur, table) == whole, (table, chunk_rows)
                    some = sorted(whole)[:2]
                    assert audit._part_digests(cur, table, some) == {n: whole[n] for n in some}
    finally:
        con.close()
