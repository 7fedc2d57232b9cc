"""Every CSV the product writes has no live formula; codes and gestiones are checked at import;
a file bringing a gestión the store has never seen waits for confirmation."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from egov import ingest
from egov.cli import main
from egov.export import tables
from egov.ingest import report, templates
from egov.kinds import KINDS
from egov.storage import db
from tests.corpus.build import SCORE_HEADER, csv_bytes

HOSTILE = ["+cmd|' /C calc'!A0", "-2+3", "+1+1", '=HYPERLINK("http://x","y")', "@SUM(A1)"]


def _cells(text: str, sep: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep) for cell in row]


def _no_live_formula(cells: list[str]) -> None:
    live = [c for c in cells if c.startswith(tables.FORMULA_STARTS)]
    assert not live, live


@pytest.fixture
def hostile_db(sample_db):
    """Text that a spreadsheet would run, stored the way an import stores text (an entity name, a file name)."""
    con = db.connect(sample_db)
    try:
        rows = [["HOSTIL1", value, "H1", "Salud", "central"] for value in HOSTILE[:1]]
        data = csv_bytes(["entidad", "nombre", "sigla", "sector", "nivel"], rows)
        # The name as written is refused only when it is a formula; "+cmd|…" is text that starts with "+".
        result = ingest.import_file(con, data, '=HYPERLINK("http://x","y").csv', user="local", role="admin")
        assert result.status == "imported", result.summary()
        con.execute("UPDATE entity SET name = ? WHERE entity_code = 'DIGEMIG'", ["-2+3"])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return sample_db


def test_egov_batches_and_scores_as_csv_write_no_live_formula(hostile_db):
    runner = CliRunner()
    batches = runner.invoke(main, ["--db", str(hostile_db), "batches", "--format", "csv"])
    assert batches.exit_code == 0, batches.output
    assert "'=HYPERLINK" in batches.output
    _no_live_formula(_cells(batches.output))
    scores = runner.invoke(main, ["--db", str(hostile_db), "scores", "--format", "csv"])
    assert scores.exit_code == 0, scores.output
    assert "'-2+3" in scores.output
    _no_live_formula(_cells(scores.output))


def test_the_import_report_csv_writes_no_live_formula(sample_db):
    con = db.connect(sample_db)
    try:
        data = csv_bytes(SCORE_HEADER, [["+1+1", "2024", "CGE-GE", "PLAN.1", "2", "evaluado", "-2+3", "x", ""]])
        result = ingest.import_file(con, data, "=cmd.csv", user="local", role="admin", dry_run=True)
    finally:
        con.close()
    assert result.status == "refused"
    cells = _cells(report.report_csv(result).decode("utf-8-sig"), sep=";")
    assert any(c.startswith("'") for c in cells)
    _no_live_formula(cells)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_csv_writes_no_live_formula(kind):
    _no_live_formula(_cells(templates.template(kind, example=True, fmt="csv").decode("utf-8-sig"), sep=";"))


def test_page_downloads_go_through_the_one_writer(tmp_path):
    frame = __import__("pandas").DataFrame({"texto": HOSTILE, "n": range(len(HOSTILE))})
    _no_live_formula(_cells(tables.to_csv_bytes(frame).decode("utf-8-sig")))
    _no_live_formula(_cells(tables.to_csv_text(frame, sep=";"), sep=";"))


@pytest.mark.parametrize("code", ["+CMD", "-2+3", "=X", "@X", "![x](http://127.0.0.1:9/x.png)", "<b>X</b>",
                                  "**B**", "$x^2$", "# H"])
def test_the_import_refuses_formula_starts_and_markup_in_entity_codes_naming_the_row(sample_db, code):
    con = db.connect(sample_db)
    try:
        data = csv_bytes(["entidad", "nombre", "sigla", "sector", "nivel"], [[code, "Nombre", "S", "Salud", "central"]])
        result = ingest.import_file(con, data, "codigos.csv", user="local", role="admin")
    finally:
        con.close()
    assert result.status == "refused"
    assert [(p.row, p.column, p.code) for p in result.problems if p.code in ("bad_code", "formula")] == \
        [(2, "entidad", result.problems[0].code)]


def test_a_typo_in_the_gestion_is_refused_with_a_spanish_message_naming_the_row(sample_db):
    con = db.connect(sample_db)
    try:
        data = csv_bytes(SCORE_HEADER, [["DIGEMIG", "2024a", "CGE-GE", "PLAN.1", "2", "evaluado", "", "", ""]])
        result = ingest.import_file(con, data, "errata.csv", user="local", role="admin", confirm_changes=True)
    finally:
        con.close()
    assert result.status == "refused"
    problem = next(p for p in result.problems if p.code == "bad_period")
    assert (problem.row, problem.column, problem.value) == (2, "periodo", "2024a")
    assert "no es una gestión" in problem.problem_es and "2024-S1" in problem.fix_es


def test_a_new_gestion_waits_for_confirmation_in_the_preview_and_then_imports(sample_db):
    con = db.connect(sample_db)
    try:
        data = csv_bytes(SCORE_HEADER, [["DIGEMIG", "2026-S1", "CGE-GE", "PLAN.1", "2", "evaluado", "", "", ""]])
        preview = ingest.import_file(con, data, "nueva.csv", user="local", role="admin", dry_run=True)
        assert preview.new_periods == ["2026-S1"]
        assert "no tiene todavía (2026-S1)" in preview.summary()
        waiting = ingest.import_file(con, data, "nueva.csv", user="local", role="admin", confirm_new_periods=False)
        assert waiting.status == "needs_confirmation"
        assert con.execute("SELECT count(*) FROM assessment WHERE period = '2026-S1'").fetchall() == [(0,)]
        done = ingest.import_file(con, data, "nueva.csv", user="local", role="admin", confirm_new_periods=True)
        assert done.status == "imported"
        again = csv_bytes(SCORE_HEADER, [["DIGEMIG", "2026-S1", "CGE-GE", "PLAN.2", "2", "evaluado", "", "", ""]])
        known = ingest.import_file(con, again, "conocida.csv", user="local", role="admin", confirm_new_periods=False)
        assert known.status == "imported" and known.new_periods == []
    finally:
        con.close()


def test_the_command_line_needs_yes_for_a_new_gestion(sample_db, tmp_path):
    path = tmp_path / "nueva.csv"
    path.write_bytes(csv_bytes(SCORE_HEADER, [["DIGEMIG", "2027", "CGE-GE", "PLAN.1", "2", "evaluado", "", "", ""]]))
    runner = CliRunner()
    refused = runner.invoke(main, ["--db", str(sample_db), "import", str(path)])
    assert refused.exit_code == 1 and "2027" in refused.output and "--yes" in refused.output
    assert runner.invoke(main, ["--db", str(sample_db), "import", "--yes", str(path)]).exit_code == 0
