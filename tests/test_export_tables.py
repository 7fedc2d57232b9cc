"""CSV and Excel exports can be opened in a spreadsheet without running anything."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from egov.export import tables

DANGEROUS = ["=HYPERLINK(\"http://x\",\"clic\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
             "=cmd|' /C calc'!A0"]


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "entidad": ["DIGEMIG", "X", "Y", "Z", "W", "V", "U"],
        "texto": DANGEROUS,
        "indice": [44.17, -3.5, 0.0, 1, 2, 3, 4],
        "=columna": ["a", "b", "c", "d", "e", "f", "g"],
    })


def starts_with_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(tables.FORMULA_STARTS)


def test_csv_neutralises_every_text_cell_and_keeps_numbers():
    data = tables.to_csv_bytes(frame())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 8 and all(len(row) == 4 for row in rows)  # a carriage return never splits a row
    cells = [cell for row in rows for cell in row]
    # Negative numbers stay numbers: only text is prefixed.
    assert not [c for c in cells if starts_with_formula(c) and not _is_number(c)]
    assert rows[0][3] == "'=columna"
    assert rows[1][1] == "'=HYPERLINK(\"http://x\",\"clic\")"
    assert rows[2][2] == "-3.5"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_xlsx_has_no_formula_and_no_cell_starting_with_a_formula_character(tmp_path):
    path = tmp_path / "datos.xlsx"
    tables.write(frame(), path, "xlsx", notes=["=fuente peligrosa", "Marco CGE-GE"])
    book = load_workbook(path)  # formulas are kept as text with data_type 'f' if any existed
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not starts_with_formula(cell.value), (cell.coordinate, cell.value)
    sheet = book["datos"]
    assert sheet["B2"].value == "'=HYPERLINK(\"http://x\",\"clic\")"
    assert sheet["C3"].value == -3.5  # numbers stay numbers


def test_lists_dates_and_missing_values_become_plain_cells(tmp_path):
    import numpy as np

    df = pd.DataFrame({"lista": [np.array(["-a", "b"]), []], "fecha": [pd.Timestamp("2024-12-12"), pd.NaT],
                       "n": [np.int64(3), None]})
    clean = tables.sanitise_frame(df)
    assert clean.loc[0, "lista"] == "'-a; b"
    book = load_workbook(io.BytesIO(tables.to_xlsx_bytes(df)))
    sheet = book.active
    assert sheet["A2"].value == "'-a; b"
    assert sheet["B2"].value.year == 2024 and sheet["B3"].value is None
    assert sheet["C2"].value == 3


@pytest.mark.parametrize("value", ["normal", "", "año 2024", "'=ya"])
def test_harmless_text_is_left_alone(value):
    assert tables.neutralise(value) == value
