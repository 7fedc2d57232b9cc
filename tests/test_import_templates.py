"""Templates: `egov template KIND [--example] [--format csv|xlsx]` for every kind.

Each example template (CSV and Excel) imports cleanly, every row new, into a
database that holds what it refers to; the blank template is recognised as
its kind; the workbook documents every column on its instructions sheet.
"""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from egov.storage import db
from egov.cli import main
from egov.ingest import import_file, templates
from egov.kinds import KINDS

# Import order: what a file refers to comes first. The framework example goes into a database
# without any framework; the others into one with the default framework only.
ORDER = ["entidades", "puntajes", "herramientas", "informes", "resultados", "hallazgos", "recomendaciones",
         "aceptacion", "cronograma", "seguimiento"]


def template_via_cli(kind: str, fmt: str, example: bool, tmp_path) -> bytes:
    target = tmp_path / f"{kind}.{fmt}"
    args = ["template", kind, "--format", fmt, "-o", str(target)] + (["--example"] if example else [])
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and f"«{kind}»" in result.output
    return target.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_example_template_imports_cleanly_with_every_row_new(empty_db, tmp_path, fmt):
    con = db.connect(empty_db)
    try:
        for kind in ORDER:
            data = template_via_cli(kind, fmt, True, tmp_path)
            result = import_file(con, data, f"plantilla-{kind}.{fmt}")
            assert result.status == "imported", (kind, [(p.row, p.column, p.problem_es) for p in result.problems])
            assert result.kind == kind
            assert result.rows == len(templates.example_rows(kind)) > 0
            assert result.plan.changed == 0 and result.plan.unchanged == 0 and result.plan.new >= result.rows
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_framework_example_imports_into_a_database_without_a_framework(tmp_path, fmt):
    con = db.connect(tmp_path / "nuevo.duckdb")
    try:
        result = import_file(con, template_via_cli("marco", fmt, True, tmp_path), f"marco.{fmt}")
        assert result.status == "imported", [(p.row, p.column, p.problem_es) for p in result.problems]
        kinds = {r[0] for r in con.execute("SELECT tipo FROM (SELECT 'area' AS tipo FROM area UNION ALL "
                                           "SELECT 'criterio' FROM criterion UNION ALL SELECT 'nivel' FROM "
                                           "criterion_level UNION ALL SELECT 'banda' FROM band UNION ALL "
                                           "SELECT 'requisito' FROM ladder_requirement)").fetchall()}
        assert kinds == {"area", "criterio", "nivel", "banda", "requisito"}
    finally:
        con.close()


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_blank_template_is_recognised_as_its_kind_and_asks_for_rows(empty_db, tmp_path, kind):
    con = db.connect(empty_db)
    try:
        for fmt in ("csv", "xlsx"):
            result = import_file(con, template_via_cli(kind, fmt, False, tmp_path), f"vacia.{fmt}")
            assert (result.status, result.kind) == ("refused", kind)
            assert [p.code for p in result.problems] == ["no_rows"]
    finally:
        con.close()


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_workbook_has_an_instructions_sheet_documenting_every_column(kind):
    book = load_workbook(io.BytesIO(templates.template(kind, example=True, fmt="xlsx")))
    assert book.sheetnames == ["Datos", "Instrucciones"]
    data, help_sheet = book.worksheets
    headers = [c.value for c in data[1]]
    assert headers == [c.name for c in KINDS[kind].columns]
    documented = {row[0]: row for row in help_sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    for column in KINDS[kind].columns:
        name, required, _type, choices, aliases, help_text = documented[column.name]
        assert required == ("sí" if column.required else "no")
        assert help_text == column.help_es and len(help_text) > 5
        assert set((choices or "").split(", ")) >= set(column.choices)
    # No cell of the example is a live formula.
    assert not any(c.data_type == "f" for row in data.iter_rows() for c in row)
    assert data.max_row == 1 + len(templates.example_rows(kind))


def test_the_csv_template_is_what_excel_in_spanish_opens_directly():
    data = templates.template("puntajes", example=True, fmt="csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(c.name for c in KINDS["puntajes"].columns)
    assert ";12/12/2024" in text and "\r\n" in text
