"""`egov export deck|report|data`: files a user can open, exit codes, and nothing that runs in a spreadsheet."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from egov import scoring
from egov.storage import db
from egov.export.tables import FORMULA_STARTS

FW = "CGE-GE"


def egov(*args: str, db_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "EGOV_DB": str(db_path)}
    return subprocess.run([sys.executable, "-m", "egov", *args], capture_output=True, text=True, env=env,
                          timeout=180)


@pytest.fixture
def hostile_db(sample_db):
    """The sample with an entity whose name and sector are spreadsheet formulas (as an import could store)."""
    con = db.connect(sample_db)
    try:
        con.execute("UPDATE entity SET name = ?, sector = ? WHERE entity_code = ?",
                    ['=HYPERLINK("http://x.example","clic")', "+cmd|' /C calc'!A0", "DIGEMIG"])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return sample_db


def test_export_data_csv_is_the_scores_table_with_areas_and_no_formula_start(hostile_db, tmp_path):
    out = tmp_path / "scores.csv"
    done = egov("export", "data", "--format", "csv", "--out", str(out), "--period", "2024", db_path=hostile_db)
    assert done.returncode == 0, done.stderr
    assert "42 filas" in done.stdout
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert len(rows) == 42
    assert {"entity_code", "index_value", "rank_in_period", "coverage", "PLAN", "ORG", "INFRA", "PROC",
            "HERR"} <= set(rows[0])
    digemig = next(r for r in rows if r["entity_code"] == "DIGEMIG")
    assert digemig["name"] == '\'=HYPERLINK("http://x.example","clic")'
    assert digemig["sector"].startswith("'+cmd")
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value
        assert "nan" not in row.values()


def test_export_data_xlsx_has_no_live_formula_and_a_source_sheet(hostile_db, tmp_path):
    out = tmp_path / "scores.xlsx"
    done = egov("export", "data", "--format", "xlsx", "--out", str(out), db_path=hostile_db)
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    sheet = book["puntajes"]
    header = [c.value for c in sheet[1]]
    assert "index_value" in header and "HERR" in header
    assert sheet.max_row - 1 == 124  # every entity in every round
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert not cell.value.startswith(FORMULA_STARTS), (cell.coordinate, cell.value)
    assert book["fuente"]["A1"].value.startswith("Fuente: marco CGE-GE")
    assert "Datos de demostración" in book["fuente"]["A1"].value


def test_export_deck_for_an_entity_writes_a_pptx_of_its_slides(sample_db, tmp_path):
    out = tmp_path / "digemig.pptx"
    done = egov("export", "deck", "--out", str(out), "--entity", "DIGEMIG", "--period", "2024",
                "--slides", "entity.radar,entity.tools", db_path=sample_db)
    assert done.returncode == 0, done.stderr
    prs = Presentation(str(out))
    titles = [page.shapes.title.text for page in prs.slides]
    assert len(titles) == 3
    assert titles[0].endswith("Dirección General de Migración")
    assert titles[1].startswith("La DIGEMIG obtiene") and titles[2].startswith("La DIGEMIG está en el escalón 1")


def test_export_report_writes_the_entity_pdf(sample_db, tmp_path):
    out = tmp_path / "digemig.pdf"
    done = egov("export", "report", "--entity", "DIGEMIG", "--out", str(out), "--no-charts", db_path=sample_db)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Dirección General de Migración" in text and "K3/GP445/S24-G1" in text


@pytest.mark.parametrize("args, message", [
    (("export", "report", "--entity", "NOPE", "--out", "x.pdf"), "la entidad 'NOPE' no existe"),
    (("export", "report", "--entity", "DIGEMIG", "--out", "x.txt"), "debe terminar en .pdf"),
    (("export", "deck", "--out", "x.pptx", "--period", "1999"), "la gestión '1999' no tiene evaluaciones"),
    (("export", "deck", "--out", "x.pptx", "--slides", "nada"), "ninguna diapositiva coincide"),
    (("export", "data", "--format", "csv", "--out", "x.csv", "--framework", "OTRO"), "el marco 'OTRO' no existe"),
])
def test_export_errors_are_one_spanish_line_and_exit_1(sample_db, tmp_path, args, message):
    out = tmp_path / "out"
    out.mkdir()
    args = tuple(str(out / a) if a.startswith("x.") else a for a in args)
    done = egov(*args, db_path=sample_db)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not any(out.iterdir())  # nothing written


def test_export_on_an_empty_database_says_to_load_data(empty_db, tmp_path):
    done = egov("export", "data", "--format", "csv", "--out", str(tmp_path / "x.csv"), db_path=empty_db)
    assert done.returncode == 1 and "egov demo" in done.stderr
    done = egov("export", "deck", "--out", str(tmp_path / "x.pptx"), db_path=empty_db)
    assert done.returncode == 1 and "egov demo" in done.stderr


def test_every_slide_data_export_is_inert_in_a_spreadsheet(hostile_db):
    """The page's CSV/Excel downloads of each slide's data neutralise the hostile entity name too."""
    from egov.export import slides, tables

    con = db.connect(hostile_db)
    try:
        with db.cursor(con) as cur:
            assert scoring.entity_scores(cur, FW, "2024", entities=["DIGEMIG"])["name"].iloc[0].startswith("=")
            shown = slides.build_deck(cur, FW, "2024")
    finally:
        con.close()
    for slide in shown:
        text = tables.to_csv_bytes(slide.data).decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            assert not any(cell.startswith(FORMULA_STARTS) for cell in row), (slide.key, row)
        book = load_workbook(io.BytesIO(tables.to_xlsx_bytes(slide.data)))
        for row in book.active.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert not (isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS))
