"""One PostgreSQL store for several processes at once: the command line, concurrent importers, the cache.

Every test here runs against the session's real PostgreSQL cluster
(``pg_cluster``); the store, import, undo, scoring, follow-up and audit tests
also run there through the ``both_backends`` marker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import generate
from egov.storage import audit, db, postgres

ROOT = Path(__file__).resolve().parent.parent


def egov(*args: str, store, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "EGOV_DB": str(store), "EGOV_AUTO_BACKUP": "0"}
    done = subprocess.run([sys.executable, "-m", "egov", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, **kwargs)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def spawn(*args: str, store) -> subprocess.Popen:
    env = {**os.environ, "EGOV_DB": str(store), "EGOV_AUTO_BACKUP": "0"}
    return subprocess.Popen([sys.executable, "-m", "egov", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_init_demo_and_scores_print_the_same_rows_on_postgresql_as_on_a_new_file(pg_cluster, tmp_path):
    printed = {}
    for name, store in (("file", tmp_path / "new.duckdb"), ("postgres", pg_cluster.new_database())):
        egov("init", store=store)
        egov("demo", store=store)
        printed[name] = egov("scores", "--format", "csv", store=store).stdout
    assert printed["postgres"] == printed["file"]
    assert len(printed["file"].splitlines()) > 40


def test_the_password_never_goes_in_the_address(pg_cluster):
    uri = pg_cluster.uri("egov").replace("egov@", "egov:secreta@")
    done = egov("scores", store=uri, check=False)
    assert done.returncode == 1
    assert "contraseña" in done.stderr and "PGPASSWORD" in done.stderr
    assert "secreta" not in done.stderr


def test_keys_checks_and_uniqueness_are_postgresql_s_own(pg_cluster, pg_framework_template):
    uri = pg_cluster.new_database(pg_framework_template)
    db.connect(uri).close()
    name = postgres.database_name(uri)
    rules = pg_cluster.psql("SELECT contype, count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                            " GROUP BY 1 ORDER BY 1", database=name)
    counts = dict(line.split("|") for line in rules.splitlines())
    assert int(counts["p"]) >= 18 and int(counts["u"]) >= 2 and int(counts["c"]) >= 30, counts
    refused = subprocess.run([str(pg_cluster.bin / "psql"), "-h", str(pg_cluster.socket), "-U", "egov", "-d", name,
                              "-c", "INSERT INTO entity VALUES ('E9','N',NULL,'S','galactico',NULL,NULL,NULL,NULL,1)"],
                             capture_output=True, text=True)
    assert refused.returncode != 0 and "entity_gov_level_check" in refused.stderr


def _live_batches(uri: str) -> list[tuple]:
    con = db.connect(uri)
    try:
        return con.execute("SELECT kind, file_name, count(*) FROM import_batch WHERE undone_at IS NULL"
                           " GROUP BY ALL ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_concurrent_imports_from_several_processes_land_whole_and_the_same_file_is_one_batch(
        pg_cluster, pg_framework_template, tmp_path):
    uri = pg_cluster.new_database(pg_framework_template)
    files = {p.name: p for p in generate.write_files(tmp_path, entities=40)}
    egov("import", str(files["entidades.csv"]), "--yes", store=uri)
    # Two different files, each brought twice, by four processes at the same moment.
    workers = [spawn("import", str(files[name]), "--yes", store=uri)
               for name in ("puntajes.csv", "herramientas.csv", "puntajes.csv", "herramientas.csv")]
    outcomes = [(w.wait(timeout=300), *w.communicate()) for w in workers]
    assert all(code == 0 for code, _, _ in outcomes), outcomes
    said = "".join(out + err for _, out, err in outcomes)
    assert said.count("ya había sido importado") == 2, said
    assert _live_batches(uri) == [("entidades", "entidades.csv", 1), ("herramientas", "herramientas.csv", 1),
                                  ("marco", "cge-ge.csv", 1), ("puntajes", "puntajes.csv", 1)]
    # One chain, whoever wrote: every entry links to the one before it.
    con = db.connect(uri)
    try:
        check = audit.verify(con.cursor())
        assert check.ok and check.entries == 4, check
        assert con.execute("SELECT count(*) FROM criterion_score").fetchall()[0][0] > 0
    finally:
        con.close()
    assert "íntegro" in egov("audit", "verify", store=uri).stdout


def test_the_data_version_moves_when_another_process_writes(pg_cluster, pg_framework_template, tmp_path):
    uri = pg_cluster.new_database(pg_framework_template)
    con = db.connect(uri)
    try:
        with db.cursor(con) as cur:
            before = db.data_version(cur)
        files = {p.name: p for p in generate.write_files(tmp_path, entities=5)}
        egov("import", str(files["entidades.csv"]), "--yes", store=uri)
        with db.cursor(con) as cur:
            after = db.data_version(cur)
            assert after != before
            assert db.data_version(cur) == after  # reading changes nothing
    finally:
        con.close()


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_a_later_batch_blocks_the_undo_of_an_earlier_one_with_a_spanish_reason(empty_db, tmp_path):
    files = {p.name: p for p in generate.write_files(tmp_path, entities=5)}
    egov("import", str(files["entidades.csv"]), "--yes", store=empty_db)
    first = egov("import", str(files["puntajes.csv"]), "--yes", store=empty_db)
    changed = tmp_path / "cambiado.csv"
    text = files["puntajes.csv"].read_text(encoding="utf-8").splitlines()
    header, row = text[0], text[1].split(",")
    assert header.startswith("entidad")
    other = "3" if row[4] != "3" else "2"
    changed.write_text("\n".join([header, ",".join(row[:4] + [other] + row[5:])]) + "\n", encoding="utf-8")
    egov("import", str(changed), "--yes", store=empty_db)
    batches = egov("batches", "--format", "csv", store=empty_db).stdout
    first_id = next(line.split(",")[0] for line in batches.splitlines() if "puntajes.csv" in line)
    refused = egov("undo", first_id, store=empty_db, check=False)
    assert refused.returncode == 1 and "Deshaga primero" in refused.stderr, (first.stdout, refused.stderr)


def _all_rows(store) -> dict[str, list]:
    con = db.connect(store)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
            " AND table_schema = current_schema() AND table_name <> 'schema_migration'").fetchall()]
        return {t: con.execute(f'SELECT * FROM "{t}"').df().astype(str).sort_values(
            list(con.execute(f'SELECT * FROM "{t}" LIMIT 0').df().columns)).values.tolist() for t in tables}
    finally:
        con.close()


def test_copy_from_a_file_to_postgresql_and_back_keeps_every_table_and_the_audit_chain(
        pg_cluster, sample_db_file, tmp_path):
    start = tmp_path / "start.duckdb"
    start.write_bytes(sample_db_file.read_bytes())
    egov("user", "add", "ana", "--role", "admin", "--password-stdin", store=start, input="una clave larga 1\n")
    shared = pg_cluster.new_database()
    back = tmp_path / "back.duckdb"
    there = egov("store", "copy", str(start), shared, store=start)
    assert "todas iguales al origen" in there.stdout and "íntegro" in there.stdout
    egov("store", "copy", shared, str(back), store=start)
    original = _all_rows(start)
    assert original["app_user"] and original["audit_log"] and original["criterion_score"]
    assert _all_rows(shared) == original
    assert _all_rows(back) == original
    assert egov("scores", "--format", "csv", store=back).stdout == egov("scores", "--format", "csv", store=start).stdout
    # A store that already holds data is never merged into.
    refused = egov("store", "copy", str(start), shared, store=start, check=False)
    assert refused.returncode == 1 and "ya tiene datos" in refused.stderr


PAGES = sorted(f"views/{p.name}" for p in (ROOT / "views").glob("*.py"))


def test_a_run_still_asking_for_a_replaced_version_reads_the_newer_copy_instead_of_copying_again(
        pg_cluster, pg_framework_template, tmp_path):
    # A page run reads the data version once, at its start: while it runs, another server may write
    # and this process may take a newer copy; the late run's reads must not copy the store again each.
    uri = pg_cluster.new_database(pg_framework_template)
    con = db.connect(uri)
    try:
        with db.cursor(con) as cur:
            old = db.data_version(cur)
        with db.cursor(con, version=old) as cur:
            first = cur.execute("SELECT current_schema()").fetchall()[0][0]
            entities_before = cur.execute("SELECT count(*) FROM entity").fetchall()[0][0]
        files = {p.name: p for p in generate.write_files(tmp_path, entities=5)}
        egov("import", str(files["entidades.csv"]), "--yes", store=uri)
        with db.cursor(con) as cur:
            new = db.data_version(cur)
        with db.cursor(con, version=new) as cur:
            second = cur.execute("SELECT current_schema()").fetchall()[0][0]
            assert cur.execute("SELECT count(*) FROM entity").fetchall()[0][0] == entities_before + 5
        with db.cursor(con, version=old) as cur:  # the late run: served the newer copy, none taken
            assert cur.execute("SELECT current_schema()").fetchall()[0][0] == second != first
    finally:
        con.close()


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_every_page_runs_on_a_postgresql_store_and_shows_another_process_s_import_at_its_next_run(
        sample_db, use_db, tmp_path):
    from streamlit.testing.v1 import AppTest

    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=120)
    at.run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not at.error, (page, [e.value for e in at.error])
    at.switch_page("views/resumen.py").run()
    before = {m.label: m.value for m in at.metric}
    # Another process (the command line, or a second server) imports a new round meanwhile.
    files = {p.name: p for p in generate.write_files(tmp_path, entities=3)}
    egov("import", str(files["entidades.csv"]), str(files["puntajes.csv"]), "--yes", store=sample_db)
    at.run()
    after = {m.label: m.value for m in at.metric}
    assert after != before, (before, after)
