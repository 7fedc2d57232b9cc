"""Bytes of an uploaded file -> the rows of its table, as the analyst sees them.

Office files are messy in known ways (see the shared field notes): Excel in
Spanish saves ``;``-separated Windows-1252 text, puts a title row above the
header, leaves ``;;;;`` rows at the end. Character-set guessers turn ``Ñ``
into other letters and DuckDB's sniffer picks the wrong separator and
header, so this module decides everything itself, strictly:

- decoding: UTF-8 (with or without BOM), else Windows-1252, else refuse;
- the header row: the first row (of the first rows) whose normalised cells
  name every required column of a kind, tried with each separator; the
  separator is the one that makes that row a header;
- row numbers: the spreadsheet row (a CSV record is one Excel row).

An ``.xlsx`` is read with openpyxl after a guard on its zip members (sizes,
compression ratio), since a 0.3 MB workbook can expand to 300 MB. Formula
cells are read as their formula text, so they are refused exactly like
``=HYPERLINK(...)`` typed into a CSV (the fix: paste as values).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from egov.ingest.columns import Distinct
from egov.ingest.problems import FileProblem

MAX_FILE_BYTES = 25 * 1024 * 1024          # an upload bigger than this is refused unread
MAX_ROWS = 300_000                          # data rows per file
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024   # sum of the workbook's members once unzipped
MAX_XLSX_RATIO = 150                        # uncompressed / compressed, per member
MAX_XLSX_MEMBERS = 2_000
UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx"]  # what the browser's uploader lets through
HEADER_SEARCH_ROWS = 30                     # the header must be within the first rows
SEPARATORS = (";", ",", "\t")
SEPARATOR_NAMES = {";": "punto y coma (;)", ",": "coma (,)", "\t": "tabulador"}



@dataclass(frozen=True)
class Limits:
    """How big a file may be (None: no cap). Browser uploads live in server memory: capped; the
    command line reads a file from disk the server never holds, so it takes any size."""
    max_bytes: int | None = MAX_FILE_BYTES
    max_rows: int | None = MAX_ROWS


UPLOAD = Limits()
COMMAND_LINE = Limits(None, None)


def upload_limits() -> tuple[int, int]:
    """(megabytes, data rows) a browser upload may have: what the Cargar page says before the drop."""
    return MAX_FILE_BYTES // (1024 * 1024), MAX_ROWS


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
csv.field_size_limit(MAX_FILE_BYTES)


@dataclass
class RawTable:
    """The cells of a file below (and including) its header row, all text."""
    header: list[str]                 # as written (whitespace kept for the report)
    header_row: int                   # spreadsheet row number of the header (1-based)
    rows: list[tuple[int, list[str]]]  # (spreadsheet row, cells) of non-empty data rows
    source: str                       # "csv" or "xlsx"
    encoding: str = ""
    separator: str = ""
    sheet: str = ""
    notes: list[str] = field(default_factory=list)
    # A plain CSV body read by Arrow instead (``rows`` is then empty): its cells by column, all text,
    # with the spreadsheet row of each (``by_column``).
    columns: pa.Table | None = None
    numbers: list[int] | None = None

    @property
    def count(self) -> int:
        return len(self.rows) if self.columns is None else self.columns.num_rows


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


# What the text is decoded as, in order: strict, never a guess. (codec, the name the report gives it)
ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252"))
SCANNED = 1_000_000  # the start of a file that NUL bytes and control characters are looked for in


def refuse_start(head: bytes) -> None:
    """FileProblem when the first bytes say the file is not CSV text (UTF-16, a PDF, an image...)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("utf16")
    if b"\x00" in head[:SCANNED] or head.startswith((b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG")):
        raise FileProblem("binary")


def refuse_text_start(text: str) -> None:
    """FileProblem("binary") when the decoded start holds control characters (not typed text)."""
    if CONTROL.search(text[:SCANNED]):
        raise FileProblem("binary")


def encoding_problem(byte: int, position: int) -> FileProblem:
    """The refusal of a byte neither accepted encoding has, with its place in the file."""
    return FileProblem("encoding", value=f"byte 0x{byte:02X} en la posición {position}")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or FileProblem. Strict: never a guess."""
    refuse_start(data)
    (first, first_name), (second, second_name) = ENCODINGS
    try:
        text, encoding = data.decode(first), first_name
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode(second), second_name
        except UnicodeDecodeError as exc:
            raise encoding_problem(data[exc.start], exc.start) from exc
    refuse_text_start(text)
    return text, encoding


def records(stream, separator: str):
    """csv records of a text stream opened with ``newline=""`` (quoting as Excel writes it)."""
    return csv.reader(stream, delimiter=separator, quotechar='"', strict=False)


def _records(text: str, separator: str):
    return records(io.StringIO(text, newline=""), separator)


def find_header(rows: list[list[str]], recognise) -> tuple[int, str] | None:
    """Index of the first row ``recognise`` accepts, and the kind it names."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        kind = recognise(cells)
        if kind:
            return index, kind
    return None


def _is_empty(cells: list[str]) -> bool:
    # every cell blank <=> their concatenation is blank (one call per row, not one per cell); the
    # first cell settles it for almost every row
    return not cells or not (cells[0].strip() or "".join(cells).strip())


def _first_records(text: str, separator: str) -> list[list[str]]:
    """The first HEADER_SEARCH_ROWS records of ``text``, read from as short a start of it as holds
    them whole (the csv module copies the text it reads: the whole of a national file, three times,
    for thirty records). They are whole once the record after them has begun, or the text ends."""
    size = 1 << 16
    while True:
        head = text[:size]
        reader = _records(head, separator)
        found = [r for _, r in zip(range(HEADER_SEARCH_ROWS), reader)]
        if size >= len(text):
            return found
        try:
            begun = next(reader, None) is not None
        except csv.Error:  # the next record has begun (and its error is not one of the first records')
            begun = True
        if len(found) == HEADER_SEARCH_ROWS and begun:
            return found
        size *= 4


def header_layout(text: str, recognise) -> tuple[str, int]:
    """(separator, index of the header record) of a CSV text, or FileProblem("no_header").

    The header is the first of the first records that ``recognise`` accepts, tried with each
    separator; between separators that find it at the same record, the one that splits it into
    most cells wins. Only the first records are looked at, so the start of a long file is enough.
    """
    best = None
    for separator in SEPARATORS:
        try:
            head = _first_records(text, separator)
        except csv.Error:
            continue
        found = find_header(head, recognise)
        if found is None:
            continue
        index, _kind = found
        width = len([c for c in head[index] if c.strip()])
        if best is None or index < best[1] or (index == best[1] and width > best[2]):
            best = (separator, index, width)
    if best is None:
        raise FileProblem("no_header")
    return best[0], best[1]


def data_rows(records, header_index: int, limits: Limits = UPLOAD):
    """(header cells, then one (spreadsheet row, cells) per non-empty data record), from csv records.

    A generator: the first item is the header; a streamed file is read a record at a time.
    """
    count = 0
    try:
        for number, cells in enumerate(records, start=1):
            if number - 1 < header_index:
                continue
            if number - 1 == header_index:
                yield cells
                continue
            if _is_empty(cells):
                continue
            count += 1
            if limits.max_rows is not None and count > limits.max_rows:
                raise FileProblem("too_many_rows", value=str(limits.max_rows))
            yield number, cells
    except csv.Error as exc:
        raise FileProblem("csv_syntax", value=str(exc)) from exc


def read_csv(data: bytes, recognise, limits: Limits = UPLOAD, by_column=None) -> RawTable:
    """Decode, find the header row and its separator, and split the rest into rows.

    ``recognise(cells) -> kind or None`` says whether a row is a header. ``by_column(header)``:
    whether the caller types this file by column (``ingest.bulk``); a plain body is then read by
    Arrow into ``RawTable.columns`` (``by_column``), with the same cells, rows and refusals.
    """
    text, encoding = decode(data)
    if not text.strip():
        raise FileProblem("empty")
    separator, header_index = header_layout(text, recognise)
    if by_column is not None:
        plain = _plain_body(text, separator, header_index, limits, by_column)
        if plain is not None:
            header, numbers, columns = plain
            return RawTable(header, header_index + 1, [], "csv", encoding=encoding, separator=separator,
                            columns=columns, numbers=numbers)
    header, rows = _table_rows(_records(text, separator), header_index, limits)
    return RawTable(header, header_index + 1, rows, "csv", encoding=encoding, separator=separator)


def _plain_body(text: str, separator: str, header_index: int, limits: Limits, by_column
                ) -> tuple[list[str], list[int], pa.Table] | None:
    """(header, spreadsheet rows, cells by column) of a plain text, read by Arrow's CSV reader; None
    when the text is not plain, and the csv module reads it as always.

    Plain: no quote character, lines ending in LF or CRLF, no empty line after the header, every
    line as wide as the header, no cell over the csv module's size limit. Each record is then one
    line split at the separator, whichever reader splits it, so both give the same cells; the
    rows all blank are dropped (keeping the others' numbers) as ``data_rows`` drops them. Reading
    100,000 rows into Python strings, one per cell, cost more than every check made on them."""
    if '"' in text or len(text) > csv.field_size_limit():
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    start = 0
    for _ in range(header_index):
        start = text.find("\n", start) + 1
        if not start:
            return None
    end = text.find("\n", start)
    if end < 0:
        return None
    header = text[start:end].split(separator)
    body = text[end + 1:]
    if not body or body.startswith("\n") or "\n\n" in body or not by_column(header):
        return None
    names = [str(i) for i in range(len(header))]
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(body.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=names),
            parse_options=pa_csv.ParseOptions(delimiter=separator, quote_char=False, double_quote=False,
                                              escape_char=False, newlines_in_values=False),
            convert_options=pa_csv.ConvertOptions(column_types={n: pa.string() for n in names}, null_values=[],
                                                  strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:  # a line wider or narrower than the header: the csv module's way says so
        return None
    table = table.combine_chunks()
    blank = None
    for column in table.columns:
        cells = Distinct(column)
        flags = cells.spread(cells.blanks(), pa.bool_())
        blank = flags if blank is None else pc.and_(blank, flags)
    first = header_index + 2  # the spreadsheet row of the body's first line
    if blank is not None and pc.any(blank).as_py():
        kept = pc.invert(blank)
        numbers = [first + i for i in pc.indices_nonzero(kept).to_pylist()]
        table = table.filter(kept)
    else:
        numbers = list(range(first, first + table.num_rows))
    if limits.max_rows is not None and len(numbers) > limits.max_rows:
        raise FileProblem("too_many_rows", value=str(limits.max_rows))
    return header, numbers, table


def _table_rows(records, header_index: int, limits: Limits) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """``data_rows`` of a text held whole, as (header, rows): the same rows and refusals, without a
    generator step per record (a third of reading a 100,000-row file went into that step alone).

    The records are read in one go; those before a syntax error are kept (``list.extend`` keeps
    them), so a file with more rows than allowed before its error is refused for its size, as the
    generator, which stops at the row over the limit, refuses it."""
    got: list[list[str]] = []
    error = None
    try:
        got.extend(records)
    except csv.Error as exc:
        error = exc
    if len(got) <= header_index:  # (without an error header_layout has read the header record)
        if error is None:
            return [], []
        raise FileProblem("csv_syntax", value=str(error)) from error
    start = header_index + 2  # the spreadsheet row of the first record after the header
    rows = [(number, cells) for number, cells in enumerate(got[header_index + 1:], start) if not _is_empty(cells)]
    if limits.max_rows is not None and len(rows) > limits.max_rows:
        raise FileProblem("too_many_rows", value=str(limits.max_rows))
    if error is not None:
        raise FileProblem("csv_syntax", value=str(error)) from error
    return got[header_index], rows


def _xlsx_guard(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FileProblem("xlsx_broken") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_XLSX_MEMBERS:
            raise FileProblem("xlsx_bomb")
        total = 0
        for member in members:
            total += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > 1_000_000 and ratio > MAX_XLSX_RATIO:
                raise FileProblem("xlsx_bomb")
        if total > MAX_XLSX_UNCOMPRESSED:
            raise FileProblem("xlsx_bomb")
        if "xl/workbook.xml" not in {m.filename for m in members}:
            raise FileProblem("xlsx_broken")


def _cell_text(value) -> str:
    """An Excel cell as the text the analyst would have typed."""
    if value is None:
        return ""
    if type(value).__module__.startswith("openpyxl.worksheet.formula"):
        # An array or data-table formula: its text, which the parser refuses as a formula.
        text = str(getattr(value, "text", "") or "")
        return text if text.startswith("=") else "=" + text
    if isinstance(value, bool):
        return "VERDADERO" if value else "FALSO"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def read_xlsx(data: bytes, recognise, limits: Limits = UPLOAD) -> RawTable:
    """The first sheet with a recognisable header row, after the bomb guard."""
    _xlsx_guard(data)
    import openpyxl  # imported here: only uploads of workbooks pay for it

    try:
        # data_only=False: a formula cell reads as its "=..." text and is refused like
        # formula text in a CSV. With data_only=True a formula the file carries no
        # cached result for (any workbook not last saved by Excel) reads as an empty
        # cell, silently losing the value.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise FileProblem("xlsx_broken") from exc
    try:
        for sheet in book.worksheets:
            rows: list[tuple[int, list[str]]] = []
            header_index = None
            header: list[str] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in values]
                if header_index is None:
                    if number > HEADER_SEARCH_ROWS:
                        break
                    if recognise(cells):
                        header_index, header = number, cells
                    continue
                if _is_empty(cells):
                    continue
                rows.append((number, cells))
                if limits.max_rows is not None and len(rows) > limits.max_rows:
                    raise FileProblem("too_many_rows", value=str(limits.max_rows))
            if header_index is not None:
                return RawTable(header, header_index, rows, "xlsx", sheet=sheet.title)
    finally:
        book.close()
    raise FileProblem("no_header")


def read(data: bytes, file_name: str, recognise, limits: Limits = UPLOAD, by_column=None) -> RawTable:
    """Any accepted upload -> RawTable, or FileProblem saying why not."""
    if limits.max_bytes is not None and len(data) > limits.max_bytes:
        raise FileProblem("too_big", value=f"{len(data) / 1024 / 1024:.1f} MB")
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise FileProblem("empty")
    if is_xlsx(data):
        return read_xlsx(data, recognise, limits)
    if file_name.lower().endswith((".xls", ".ods", ".xlsm", ".xlsb")):
        raise FileProblem("format", value=file_name.rsplit(".", 1)[-1])
    return read_csv(data, recognise, limits, by_column)
