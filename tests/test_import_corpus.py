"""The import corpus: every messy-but-valid office file imports with the right values;
every broken one is refused with the expected Spanish message and leaves the
database exactly as it was (compared table by table, row by row)."""

from __future__ import annotations

import pytest

from egov.storage import db
from egov.ingest import import_file
from tests.corpus.build import all_cases, broken_cases, valid_other_cases, valid_score_cases
from tests.corpus.helpers import snapshot, stored_row

VALID = valid_score_cases() + valid_other_cases()
BROKEN = broken_cases()


def test_corpus_is_large_enough():
    assert len(all_cases()) >= 40
    assert len(BROKEN) >= 30 and len(VALID) >= 15


@pytest.fixture
def con(sample_db):
    connection = db.connect(sample_db)
    yield connection
    connection.close()


@pytest.mark.parametrize("case", VALID, ids=[c.name for c in VALID])
def test_valid_file_imports_with_the_right_values(con, case):
    result = import_file(con, case.data, case.file_name)
    assert result.status == "imported", [p.problem_es for p in result.problems]
    assert result.batch_id is not None and result.problems == []
    if case.kind:
        assert result.kind == case.kind
    for (table, *key), expected in case.stored.items():
        row = stored_row(con, table, *key)
        assert row is not None, (table, key)
        for column, value in expected.items():
            assert row[column] == value, (table, key, column, row[column])
        assert row["batch_id"] == result.batch_id


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_broken_file_is_refused_in_spanish_and_changes_nothing(con, case):
    before = snapshot(con)
    result = import_file(con, case.data, case.file_name)
    assert result.status == "refused"
    assert result.batch_id is None
    assert "No se importó" in result.summary_es and "no se guardó nada" in result.summary_es
    matching = [p for p in result.problems if p.code == case.expect]
    assert matching, [(p.code, p.problem_es) for p in result.problems]
    assert any(case.message in p.problem_es for p in matching), [p.problem_es for p in matching]
    assert all(p.fix_es for p in result.problems)
    if case.rows:
        assert sorted({p.row for p in matching}) == list(case.rows)
    if case.column:
        assert {p.column for p in matching} == {case.column}
    assert snapshot(con) == before


def test_every_problem_is_reported_in_one_pass(con):
    """Three different mistakes in three rows: all three come back at once, with counts per kind."""
    from egov.ingest.report import counts_frame
    from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
    rows = [list(r) for r in SCORES]
    rows[0][0] = "NADIE"
    rows[1][4] = "cinco"
    rows[2][8] = "32/13/2025"
    rows[3][4] = "9"
    result = import_file(con, csv_bytes(SCORE_HEADER, rows, title=["Título"]), "varios.csv")
    assert result.status == "refused"
    found = {(p.row, p.code) for p in result.problems}
    assert {(3, "unknown_entity"), (4, "not_number"), (5, "not_date"), (6, "out_of_scale")} <= found
    counts = dict(counts_frame(result.problems).itertuples(index=False))
    assert counts["Entidad desconocida"] == 1 and counts["Puntaje fuera de escala"] == 1


def test_text_that_starts_like_a_formula_is_stored_plain_and_neutralised_on_export(con):
    """'- Sin seguimiento...' is an analyst's text, not a formula: it is stored as written, and every
    export prefixes it with a quote so that a spreadsheet shows it as text (real formulas are refused)."""
    import io

    import pandas as pd
    from openpyxl import load_workbook

    from egov.export.tables import to_csv_bytes, to_xlsx_bytes
    from tests.corpus.build import DASH_TEXT, PLUS_TEXT
    case = next(c for c in VALID if c.name == "dash_and_plus_text")
    assert import_file(con, case.data, case.file_name).status == "imported"
    stored = [stored_row(con, "criterion_score", "DIGEMIG", "2025", "CGE-GE", c)["evidence"]
              for c in ("PLAN.2", "HERR.1")]
    assert stored == [DASH_TEXT, PLUS_TEXT]
    frame = pd.DataFrame({"evidencia": stored})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    assert "'" + DASH_TEXT in text and "'" + PLUS_TEXT in text
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    cells = [c.value for c in sheet["A"] if c.value and c.value != "evidencia"]
    assert all(c.data_type == "s" for c in sheet["A"])
    assert {DASH_TEXT, PLUS_TEXT} <= {v.lstrip("'") for v in cells}
