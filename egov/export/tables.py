"""The data behind a view as CSV and Excel, safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is read by Excel and LibreOffice as a formula (CSV injection: ``=HYPERLINK(...)``
or ``=cmd|...``), so every text cell that starts with one of them gets a
leading single quote, the spreadsheet convention for "this is text". Numbers
stay numbers (a negative number is not text and runs nothing). The Excel file
is written cell by cell with openpyxl and every text cell is forced to the
string type, so no cell is ever a formula, whatever its content
(``DataFrame.to_excel`` writes ``=...`` as a live formula: see field notes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from decimal import Decimal
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: Any) -> Any:
    """A text value made inert for spreadsheets; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_value(value: Any) -> Any:
    """A DataFrame value as a plain cell value: text neutralised, lists joined, missing -> None."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                             and getattr(value, "ndim", 0) > 0):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return neutralise("; ".join(str(item) for item in items))
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # not a scalar pandas can judge: keep it as it is
        pass
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        # Spreadsheets have no time zones: keep the wall-clock time in UTC.
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _cell_value(value.item())
    return neutralise(str(value))


def sanitise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame where every text cell and column name is neutralised."""
    # dtype=object: pandas 3 would infer a string column and turn the None of a missing cell back
    # into NaN, which the CSV writer then prints as "nan".
    out = pd.DataFrame({neutralise(str(col)): pd.Series([_cell_value(v) for v in frame[col].tolist()],
                                                        dtype=object)
                        for col in frame.columns}, index=range(len(frame)))
    return out


def to_csv_bytes(frame: pd.DataFrame, *, sep: str = ",", preamble: list[str] | None = None,
                 bom: bool = True) -> bytes:
    """UTF-8 CSV (with a byte-order mark unless ``bom=False``: Excel on Windows then reads the accents right).

    The one CSV writer of the product: page downloads, ``egov … --format csv``,
    the import report and the templates all come through here, so no cell of
    any of them can run as a formula. ``preamble`` lines (a report's summary)
    go first, one cell each, neutralised too. Lines end in CRLF (RFC 4180), so
    a field holding a bare carriage return is quoted too and cannot start a
    new row whose first cell would be a formula.
    """
    clean = sanitise_frame(frame)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for line in preamble or []:
        writer.writerow([neutralise(str(line))])
    writer.writerow(list(clean.columns))
    for row in clean.itertuples(index=False, name=None):
        writer.writerow(["" if value is None else _csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def to_csv_text(frame: pd.DataFrame, *, sep: str = ",") -> str:
    """The same CSV as text without a byte-order mark (for standard output)."""
    return to_csv_bytes(frame, sep=sep, bom=False).decode("utf-8")


def _csv_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def to_xlsx_bytes(frame: pd.DataFrame, sheet_name: str = "datos", *,
                  notes: list[str] | None = None) -> bytes:
    """An .xlsx with one sheet of data (no formula anywhere) and, optionally, a sheet of notes."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(sheet_name)
    clean = sanitise_frame(frame)
    for col, name in enumerate(clean.columns, 1):
        cell = sheet.cell(row=1, column=col)
        _set_text(cell, str(name), TYPE_STRING)
        cell.font = Font(bold=True)
    for row_no, row in enumerate(clean.itertuples(index=False, name=None), 2):
        for col, value in enumerate(row, 1):
            cell = sheet.cell(row=row_no, column=col)
            if isinstance(value, str):
                _set_text(cell, value, TYPE_STRING)
            elif isinstance(value, float) and not math.isfinite(value):
                cell.value = None
            else:
                cell.value = value
    for col, name in enumerate(clean.columns, 1):
        width = max([len(str(name))] + [len(str(v)) for v in clean.iloc[:200, col - 1] if v is not None])
        sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"
    if notes:
        info = book.create_sheet("fuente")
        for row_no, line in enumerate(notes, 1):
            _set_text(info.cell(row=row_no, column=1), neutralise(line), TYPE_STRING)
        info.column_dimensions["A"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _set_text(cell, text: str, data_type: str) -> None:
    # Assigning .value lets openpyxl guess "formula" for text starting with '='; the
    # text is already neutralised, and the type is set explicitly as well.
    cell.value = text
    cell.data_type = data_type


def _sheet_title(name: str) -> str:
    bad = set('[]:*?/\\')
    title = "".join("_" if ch in bad else ch for ch in name).strip("'") or "datos"
    return title[:31]


def write(frame: pd.DataFrame, path, fmt: str, *, notes: list[str] | None = None) -> None:
    """Write ``frame`` to ``path`` as 'csv' or 'xlsx'."""
    data = to_csv_bytes(frame) if fmt == "csv" else to_xlsx_bytes(frame, notes=notes)
    with open(path, "wb") as out:
        out.write(data)
