"""`egov import`, `egov batches`, `egov undo` as a user runs them: output, stderr and exit codes.

0 = imported or already imported (or a clean dry run); 1 = refused or not
confirmed, with the report on stderr and the database unchanged.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from egov.storage import db
from egov.cli import main
from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
from tests.corpus.helpers import snapshot, stored_row


@pytest.fixture
def run(sample_db, monkeypatch):
    monkeypatch.setenv("EGOV_DB", str(sample_db))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)
    return invoke


def content(sample_db) -> dict:
    con = db.connect(sample_db)
    try:
        return snapshot(con)
    finally:
        con.close()


def stored(sample_db, table, *key):
    con = db.connect(sample_db)
    try:
        return stored_row(con, table, *key)
    finally:
        con.close()


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "puntajes 2025.csv"
    good.write_bytes(csv_bytes(SCORE_HEADER, SCORES))
    broken_rows = [list(r) for r in SCORES]
    broken_rows[1][0] = "NADIE"
    broken_rows[3][4] = "siete"
    broken = tmp_path / "con errores.csv"
    broken.write_bytes(csv_bytes(SCORE_HEADER, broken_rows, title=["Evaluación 2025"]))
    change = tmp_path / "reevaluacion.csv"
    change.write_bytes(csv_bytes(SCORE_HEADER, [
        ["DIGEMIG", "2024", "CGE-GE", "PLAN.1", "4", "evaluado", "Re-alineado", "K3/GP445/S24-G1", "12/12/2024"]]))
    return {"good": good, "broken": broken, "change": change}


def test_import_then_the_same_file_again_both_exit_0_and_leave_one_batch(run, files, sample_db):
    first = run("import", "--yes", str(files["good"]))  # 2025 is a new gestión
    assert first.exit_code == 0, first.stderr
    assert "Se importó «puntajes 2025.csv»" in first.stdout and first.stderr == ""
    again = run("import", str(files["good"]))
    assert again.exit_code == 0 and "ya había sido importado" in again.stdout
    listed = list(csv.DictReader(io.StringIO(run("batches", "--format", "csv").stdout)))
    assert [r["file_name"] for r in listed].count("puntajes 2025.csv") == 1


def test_a_refused_file_exits_1_with_the_report_on_stderr_and_changes_nothing(run, files, sample_db):
    before = content(sample_db)
    result = run("import", str(files["broken"]))
    assert result.exit_code == 1 and result.stdout == ""
    err = result.stderr
    assert "No se importó «con errores.csv»" in err and "no se guardó nada" in err
    assert "Fila 4, columna «entidad»" in err and "NADIE" in err
    assert "Fila 6, columna «puntaje»" in err and "siete" in err
    assert "Entidad desconocida: 1" in err
    assert content(sample_db) == before


def test_dry_run_shows_the_preview_exits_0_and_stores_nothing(run, files, sample_db):
    before = content(sample_db)
    result = run("import", "--dry-run", str(files["good"]))
    assert result.exit_code == 0 and "No se guardó nada (revisión)" in result.stdout
    preview = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[2:] if line.strip()}
    assert preview["Evaluaciones"] == ["2", "0", "0"] and preview["Puntajes"] == ["6", "0", "0"]
    assert content(sample_db) == before


def test_changes_to_stored_data_need_yes_otherwise_exit_1_with_the_preview(run, files, sample_db):
    before = content(sample_db)
    refused = run("import", str(files["change"]))
    assert refused.exit_code == 1
    assert "cambiaría registros existentes (cambiados: 1;" in refused.stderr and "--yes" in refused.stderr
    assert content(sample_db) == before
    confirmed = run("import", "--yes", str(files["change"]))
    assert confirmed.exit_code == 0, confirmed.stderr
    assert stored(sample_db, "criterion_score", "DIGEMIG", "2024", "CGE-GE", "PLAN.1")["score"] == 4.0


def test_several_files_import_each_on_its_own_and_exit_1_if_any_was_refused(run, files, sample_db, tmp_path):
    result = run("import", "--yes", str(files["good"]), str(files["broken"]), str(tmp_path / "no-existe.csv"))
    assert result.exit_code == 1
    assert "Se importó «puntajes 2025.csv»" in result.stdout
    assert "No se importó «con errores.csv»" in result.stderr and "no se encontró el archivo" in result.stderr
    assert stored(sample_db, "criterion_score", "SEGIP", "2025", "CGE-GE", "PLAN.1")["score"] == 4.0


def test_undo_from_the_command_line_restores_and_a_second_undo_is_one_spanish_line(run, files, sample_db):
    before = content(sample_db)
    assert run("import", "--yes", str(files["good"])).exit_code == 0
    batch = list(csv.DictReader(io.StringIO(run("batches", "--format", "csv").stdout)))[0]["batch_id"]
    undone = run("undo", batch)
    assert undone.exit_code == 0 and f"Se deshizo el lote {batch}" in undone.stdout
    after = content(sample_db)
    assert {t: r for t, r in after.items() if t not in ("import_batch", "audit_log", "batch_change", "audit_part")} == \
        {t: r for t, r in before.items() if t not in ("import_batch", "audit_log", "batch_change", "audit_part")}
    again = run("undo", batch)
    assert again.exit_code == 1 and "ya fue deshecho" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1


def test_undo_from_the_command_line_runs_under_the_streamed_import_memory_cap(run, files, sample_db, monkeypatch):
    # A national batch's undo must stay as bounded as its import: DuckDB's limit is the cap while it runs,
    # and the previous limit is back after.
    from egov.ingest import stream
    from egov.storage import store
    assert run("import", "--yes", str(files["good"])).exit_code == 0
    batch = list(csv.DictReader(io.StringIO(run("batches", "--format", "csv").stdout)))[0]["batch_id"]
    seen, real = [], store.undo_batch

    def undo_batch(con, batch_id, **kwargs):
        with db.cursor(con) as cur:
            seen.append(cur.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])
        real(con, batch_id, **kwargs)
    monkeypatch.setattr(store, "undo_batch", undo_batch)
    monkeypatch.setattr(stream, "MEMORY_MB", 999)
    assert run("undo", batch).exit_code == 0
    assert seen and seen[0].startswith("999")
    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            assert not cur.execute("SELECT current_setting('memory_limit')").fetchall()[0][0].startswith("999")
    finally:
        con.close()


def test_the_real_command_exits_1_on_a_refusal_and_0_on_success(files, sample_db):
    env = {**os.environ, "EGOV_DB": str(sample_db)}

    def egov(*args):
        return subprocess.run([sys.executable, "-m", "egov", *args], capture_output=True, text=True, env=env,
                              timeout=120)
    refused = egov("import", str(files["broken"]))
    assert refused.returncode == 1 and "no se guardó nada" in refused.stderr and "Traceback" not in refused.stderr
    done = egov("import", "--yes", str(files["good"]))
    assert done.returncode == 0 and "Se importó" in done.stdout


def test_progress_shows_each_step_with_its_seconds_in_order_and_stops_at_a_refusal(run, files, sample_db):
    imported = run("import", "--yes", "--progress", str(files["good"]))
    assert imported.exit_code == 0, imported.stderr
    lines = imported.stderr.splitlines()
    assert re.fullmatch(r"Importando «puntajes 2025\.csv» \(\d+,\d MB\):", lines[0]), lines
    steps = [re.fullmatch(r"  (\d+,\d) s  (.+)", line) for line in lines[1:]]
    assert all(steps), lines
    assert [m.group(2) for m in steps] == ["leyendo y revisando el archivo…", "comparando con lo guardado…",
                                          "copia de seguridad previa…", "guardando (todo o nada)…", "terminado."]
    seconds = [float(m.group(1).replace(",", ".")) for m in steps]
    assert seconds == sorted(seconds)
    assert "Se importó «puntajes 2025.csv»" in imported.stdout  # the report itself is unchanged, on stdout
    refused = run("import", "--progress", str(files["broken"]))
    assert refused.exit_code == 1
    assert [line.split("  ")[-1] for line in refused.stderr.splitlines()[1:3]] == [
        "leyendo y revisando el archivo…", "terminado."]  # a refused file is never planned nor written
    quiet = run("import", "--no-progress", "--dry-run", str(files["change"]))
    assert "leyendo" not in quiet.stderr  # off when asked (and by default off a terminal, as above)
