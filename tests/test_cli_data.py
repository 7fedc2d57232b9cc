"""`egov init`, `egov demo`, `egov scores`: output and exit codes, as a user runs them."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from egov.cli import main


def egov(*args: str, db_path=None) -> subprocess.CompletedProcess:
    env = {**os.environ}
    if db_path is not None:
        env["EGOV_DB"] = str(db_path)
    return subprocess.run([sys.executable, "-m", "egov", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)
    return invoke


def test_init_demo_scores_prints_digemig_and_three_demo_rounds(tmp_path):
    path = tmp_path / "cli.duckdb"
    assert egov("init", db_path=path).returncode == 0
    demo = egov("demo", db_path=path)
    assert demo.returncode == 0, demo.stderr
    scores = egov("scores", "--format", "csv", db_path=path)
    assert scores.returncode == 0, scores.stderr
    rows = list(csv.DictReader(io.StringIO(scores.stdout)))
    header = set(rows[0])
    assert {"entidad", "gestion", "indice", "puesto", "grado", "cobertura", "PLAN", "ORG", "INFRA", "PROC",
            "HERR"} <= header
    digemig = [r for r in rows if r["entidad"] == "DIGEMIG"]
    assert [r["gestion"] for r in digemig] == ["2024"]
    assert float(digemig[0]["indice"]) == pytest.approx(46.92)
    assert digemig[0]["grado"] == "Básico"
    assert float(digemig[0]["cobertura"]) == pytest.approx(18 / 29, abs=0.005)
    periods = {r["gestion"] for r in rows if r["entidad"] != "DIGEMIG"}
    assert periods == {"2022", "2023", "2024"}
    assert len({r["entidad"] for r in rows}) >= 40


def test_init_twice_upgrades_in_place_and_keeps_data(run, tmp_path, monkeypatch):
    monkeypatch.setenv("EGOV_DB", str(tmp_path / "twice.duckdb"))
    assert run("init").exit_code == 0
    assert run("demo").exit_code == 0
    again = run("init")
    assert again.exit_code == 0 and "ya estaba cargado" in again.output
    assert "ya tiene evaluaciones" in run("demo", "--if-empty").output


def test_scores_formats_and_period_filter(run, sample_db, monkeypatch):
    monkeypatch.setenv("EGOV_DB", str(sample_db))
    table = run("scores", "--period", "2024")
    assert table.exit_code == 0 and "DIGEMIG" in table.output and "46,92" in table.output
    as_json = run("scores", "--period", "2023", "--format", "json")
    assert as_json.exit_code == 0 and '"gestion": "2023"' in as_json.output and "DIGEMIG" not in as_json.output


def test_demo_remove_keeps_the_real_digemig_assessment(run, sample_db, monkeypatch):
    monkeypatch.setenv("EGOV_DB", str(sample_db))
    assert run("demo", "--remove").exit_code == 0
    out = run("scores", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["entidad"] for r in rows] == ["DIGEMIG"]


@pytest.mark.parametrize("args, message", [
    (("scores", "--framework", "NOPE"), "el marco 'NOPE' no existe"),
])
def test_errors_are_one_spanish_line_and_exit_1(sample_db, args, message):
    result = egov(*args, db_path=sample_db)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_scores_of_a_gestion_without_assessments_print_an_empty_table_and_exit_0(sample_db):
    result = egov("scores", "--period", "1999", db_path=sample_db)
    assert result.returncode == 0 and result.stdout.splitlines()[-1] == "(ninguna fila)"
    assert "No hay evaluaciones para el marco CGE-GE en la gestión 1999" in result.stderr


def test_scores_on_a_new_database_says_what_to_do(tmp_path):
    result = egov("scores", db_path=tmp_path / "new.duckdb")
    assert result.returncode == 1 and "egov init" in result.stderr


def test_unusable_database_file_is_a_clear_error(tmp_path):
    bogus = tmp_path / "not-a-db.duckdb"
    bogus.write_bytes(b"this is not a database" * 100)
    result = egov("scores", db_path=bogus)
    assert result.returncode == 1 and "no se pudo abrir la base de datos" in result.stderr
    assert "Traceback" not in result.stderr
