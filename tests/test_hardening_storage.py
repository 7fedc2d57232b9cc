"""Storage failures reach the user as one Spanish sentence (no traceback, no path), in the app and the CLI,
and a failed backup leaves nothing behind: a full disk, a read-only store, a store locked by another process.

The full and read-only disks are real: small tmpfs mounts (the tests need root; they are skipped otherwise).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from egov import ingest
from egov.cli import main
from egov.storage import backup, db, errors
from tests.support import roles as R

needs_root = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="tmpfs mounts need root")


@contextmanager
def tmpfs(folder: Path, size: str):
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode()[:200]}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _one_spanish_line(result, sentence_start: str) -> str:
    text = (result.output or "").strip()
    assert result.exit_code == 1, text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "/tmp" not in text and "/work" not in text, text
    assert lines[0].startswith("Error: " + sentence_start), text
    return lines[0]


@needs_root
def test_a_backup_onto_a_full_disk_is_one_spanish_sentence_and_leaves_no_partial_file(sample_db, tmp_path):
    with tmpfs(tmp_path / "lleno", "2m") as full:
        result = CliRunner().invoke(main, ["--db", str(sample_db), "backup", "--out", str(full / "copia.duckdb")])
        _one_spanish_line(result, "No queda espacio en el disco")
        assert list(full.iterdir()) == []


@needs_root
def test_an_automatic_backup_onto_a_full_disk_refuses_the_import_and_leaves_no_partial_backup(
        sample_db, tmp_path, monkeypatch):
    with tmpfs(tmp_path / "lleno", "2m") as full:
        monkeypatch.setenv(backup.ENV_DIR, str(full))
        con = db.connect(sample_db)
        try:
            before = R.batch_count(con)
            result = ingest.import_file(con, R.entities_csv("LLENO-1"), "lleno.csv", user="analyst", role="analyst")
            assert result.status == "refused"
            assert [p.code for p in result.problems] == ["storage_unavailable"]
            assert result.problems[0].problem_es.startswith("No queda espacio en el disco")
            assert "/" not in result.problems[0].problem_es
            assert R.batch_count(con) == before
        finally:
            con.close()
        assert backup.automatic_backups(full) == [] and list(full.iterdir()) == []
        assert backup.listing(full).empty


@needs_root
def test_a_read_only_store_is_one_spanish_sentence_in_the_cli_and_the_app(sample_db, tmp_path, use_db):
    with tmpfs(tmp_path / "solo-lectura", "64m") as folder:
        shutil.copy(sample_db, folder / "egov.duckdb")
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
        assert remounted.returncode == 0, remounted.stderr
        result = CliRunner().invoke(main, ["--db", str(folder / "egov.duckdb"), "scores"])
        _one_spanish_line(result, "La base de datos es de solo lectura")
        use_db(folder / "egov.duckdb")
        at = AppTest.from_file("../app.py", default_timeout=60).run()
        assert not at.exception, at.exception
        assert [e.value for e in at.error] == [errors.READ_ONLY]


@contextmanager
def held_by_another_process(path: Path):
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('listo', flush=True); time.sleep(120)", str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "listo"
        yield
    finally:
        holder.kill()
        holder.wait(10)


def test_a_store_locked_by_another_process_is_one_spanish_sentence_in_the_cli_and_the_app(
        sample_db, use_db):
    with held_by_another_process(sample_db):
        result = CliRunner().invoke(main, ["--db", str(sample_db), "scores"])
        _one_spanish_line(result, "La base de datos está abierta por otro proceso")
        use_db(sample_db)
        at = AppTest.from_file("../app.py", default_timeout=60).run()
        assert not at.exception, at.exception
        assert [e.value for e in at.error] == [errors.LOCKED]
    time.sleep(0.2)


def test_a_dangling_symlink_for_backup_out_is_refused_and_nothing_is_written_through_it(sample_db, tmp_path):
    target = tmp_path / "otro-sitio" / "destino.duckdb"
    link = tmp_path / "enlace.duckdb"
    link.symlink_to(target)
    result = CliRunner().invoke(main, ["--db", str(sample_db), "backup", "--out", str(link)])
    assert result.exit_code == 1 and "enlace simbólico" in result.output and "Traceback" not in result.output
    assert not target.exists() and not target.parent.exists()


def test_streamlit_never_shows_error_details():
    config = (Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "showErrorDetails = false" in config


def test_an_undo_that_outgrows_its_memory_cap_is_one_spanish_sentence_and_changes_nothing(
        sample_db, tmp_path, monkeypatch):
    # DuckDB refuses what must fit in memory beyond `egov undo`'s cap (an index, a key set): the user reads
    # one Spanish sentence, the transaction rolls back and the batch stays live.
    from egov.ingest import stream
    from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
    from tests.corpus.helpers import snapshot
    scores = tmp_path / "puntajes.csv"
    scores.write_bytes(csv_bytes(SCORE_HEADER, SCORES))
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(sample_db), "import", "--yes", str(scores)]).exit_code == 0
    con = db.connect(sample_db)
    try:
        before = snapshot(con)
        batch = str(ingest.batches(con)["batch_id"].max())
    finally:
        con.close()
    monkeypatch.setattr(stream, "MEMORY_MB", 1)
    result = runner.invoke(main, ["--db", str(sample_db), "undo", batch])
    _one_spanish_line(result, "La base de datos se quedó sin memoria")
    con = db.connect(sample_db)
    try:
        assert snapshot(con) == before
    finally:
        con.close()
