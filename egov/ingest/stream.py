"""A score file of any size from disk, checked a chunk at a time in bounded memory.

``egov import`` of a national score file (hundreds of megabytes, millions of
rows) cannot hold the file, its rows and its typed columns at once, as the
in-memory path does (about six times the file). This path keeps the same
rules and the same report and only changes where the rows live:

1. ``encoding_of`` decodes the whole file strictly, a block at a time (UTF-8,
   else Windows-1252, else refused: ``read.decode``'s rule), and its start
   decides the header row and separator (``read.header_layout``);
2. the records are read a chunk at a time (``CHUNK_ROWS``); each chunk is
   typed (``bulk.parse``), given the one-row rules (``bulk.row_checks``) and
   appended to a Parquet file of staged rows on disk; its Python objects
   are then dropped (``CHUNK_ROWS`` bounds the Python side);
3. the rules across rows (scales, statuses, one report per assessment,
   duplicates) run in SQL over the staged file (``bulk.set_checks``): the
   same named queries the in-memory path runs over its Arrow table;
4. the rows to write are those queries' results, streamed to Parquet files
   (``staging.OnDisk``) that DuckDB reads itself: ``store.write_batch`` copies
   them into its own temporary tables. DuckDB runs under ``MEMORY_MB`` and
   spills to disk beyond it (``db.memory_capped``); the rules' queries use
   grouped minima and joins, which spill, rather than windows, which do not.

A file of another kind, a workbook, or a score file whose header row is not
found goes the in-memory way (``ingest.import_file``): those are small, and
the in-memory path says what is wrong with them. ``tests/test_import_stream``
checks that both paths give the same problems and store the same rows.
"""

from __future__ import annotations

import codecs
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from egov.i18n import fmt_number, t
from egov.ingest import bulk
from egov.ingest import problems as P
from egov.ingest import read as _read
from egov.ingest.parse import ParsedFile, detect_kind
from egov.ingest.validate import Known
from egov.storage import staging
from egov.storage.db import Connection

CHUNK_ROWS = 100_000         # rows typed and checked at a time (about 250 MB of Python objects at its peak)
BLOCK_BYTES = 16 * 1024 * 1024  # bytes decoded at a time while checking the encoding
HEAD_BYTES = 8 * 1024 * 1024    # the start of the file the header row is looked for in
MAX_PROBLEMS = 100_000       # the check stops after this many problems: a report nobody can read
STREAM_ABOVE = 64 * 1024 * 1024  # ``egov import`` streams score files bigger than this
# DuckDB's memory while a streamed file is checked and written: it spills beyond, except the primary
# keys' indexes of the rows it writes, which must fit (768 MB did not for 6.4 million score rows).
MEMORY_MB = 1280


@dataclass(frozen=True)
class Layout:
    """How the file is written: what ``read.read_csv`` decides from the whole text."""
    codec: str       # Python's codec name
    encoding: str    # the name the report gives it
    separator: str
    header_index: int  # 0-based record of the header
    kind: str


def _decodes(path: Path, codec: str) -> tuple[bool, int | None]:
    """(whether the whole file decodes with ``codec``, the byte offset of the first failure)."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    offset = 0
    with path.open("rb") as handle:
        while block := handle.read(BLOCK_BYTES):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return False, offset + exc.start
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return False, offset + exc.start
    return True, None


def encoding_of(path: Path) -> tuple[str, str]:
    """(codec, name) that decodes the whole file, with ``read.decode``'s rule and refusals."""
    with path.open("rb") as handle:
        _read.refuse_start(handle.read(_read.SCANNED))
    for codec, name in _read.ENCODINGS:
        ok, failed_at = _decodes(path, codec)
        if ok:
            return codec, name
    with path.open("rb") as handle:
        handle.seek(failed_at)
        raise _read.encoding_problem(handle.read(1)[0], failed_at)


def layout_of(path: Path, kind: str | None) -> Layout | None:
    """The file's layout, or None when the in-memory path should read it (another kind, no header)."""
    with path.open("rb") as handle:
        start = handle.read(4)
    if _read.is_xlsx(start) or path.name.lower().endswith((".xls", ".ods", ".xlsm", ".xlsb")):
        return None
    codec, name = encoding_of(path)
    with path.open("rb") as handle:
        head = codecs.getincrementaldecoder(codec)(errors="strict").decode(handle.read(HEAD_BYTES))
    _read.refuse_text_start(head)
    if not head.strip():
        return None  # blank at the start: the in-memory path says what it is
    try:
        separator, index = _read.header_layout(head, lambda cells: detect_kind(cells, kind))
    except P.FileProblem:
        return None
    header = [r for _, r in zip(range(index + 1), _read.records(io.StringIO(head, newline=""), separator))]
    found = kind or detect_kind(header[index])
    if not bulk.handles(found):
        return None
    return Layout(codec, name, separator, index, found)


class _StagedReport(bulk.Report):
    """A streamed file's problems: the rows found in SQL take their number and cells from the staged rows."""

    def __init__(self, kind: str, written: dict[str, str]):
        super().__init__(ParsedFile(kind, written, [], [], [], []))  # the headers as written; no rows
        self.cells: dict[int, dict] = {}

    def prepare(self, cur: Connection, indexes: list[int]) -> None:
        if indexes:
            found = staging.arrow(cur, "import_score_cells", indexes=sorted(set(indexes)))
            self.cells = {row["idx"]: row for row in found.to_pylist()}

    def cell(self, index: int, column: str) -> tuple[int, str]:
        row = self.cells[index]
        return row["number"], ((row.get(f"cell_{column}") or "") if column else "")


@dataclass
class StagedFile:
    """A checked score file whose rows live on disk (the streamed ``bulk.ColumnarFile``)."""
    kind: str
    count: int
    folder: Path
    ignored_columns: list
    stage: staging.OnDisk | None = None


def check(cur: Connection, path: Path, layout: Layout, known: Known, folder: Path, *,
          chunk_rows: int = CHUNK_ROWS) -> tuple[StagedFile | ParsedFile | None, list[P.Problem], list[str]]:
    """``ingest.check`` of a file on disk a chunk at a time: (staged file, problems, notes).

    The problems are those of the in-memory path, in its order; after ``MAX_PROBLEMS`` the check
    stops with one more problem saying where (the file is refused either way).
    """
    with path.open("r", encoding=layout.codec, errors="strict", newline="") as handle:
        rows = _read.data_rows(_read.records(handle, layout.separator), layout.header_index, _read.COMMAND_LINE)
        try:
            header = next(rows, [])
            return _checked(cur, header, rows, layout, known, folder, chunk_rows)
        except P.FileProblem as exc:
            return None, [exc.problem()], []


def _chunks(rows, size: int):
    chunk = []
    for item in rows:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _checked(cur, header, rows, layout: Layout, known: Known, folder: Path, chunk_rows: int):
    header_row = layout.header_index + 1
    notes = [_note(layout, header_row)]
    parse_problems: list[P.Problem] = []
    found: list = []
    count, written, ignored = 0, {}, []
    writer = staging.ParquetAppender(folder / "rows.parquet")
    try:
        for chunk in _chunks(rows, chunk_rows):
            table = _read.RawTable(header, header_row, chunk, "csv", encoding=layout.encoding,
                                   separator=layout.separator)
            parsed = bulk.parse(table, layout.kind)
            if isinstance(parsed, ParsedFile):  # the header itself is wrong: every chunk would say so
                return parsed, parsed.problems, notes + _ignored(parsed.ignored_columns)
            written, ignored = parsed.written, parsed.ignored_columns
            report = bulk.Report(parsed, offset=count)
            stage = bulk.row_checks(parsed, known, report, with_cells=True)
            parse_problems.extend(parsed.problems)
            found.extend(report.found)
            writer.append(stage)
            count += parsed.count
            del parsed, stage, table, chunk, report
            if len(parse_problems) + len(found) >= MAX_PROBLEMS:
                problems = _capped(_ordered(parse_problems, found))
                return StagedFile(layout.kind, count, folder, ignored), problems, notes + _ignored(ignored)
    finally:
        on_disk = writer.close()
    if not count:  # only the header: the in-memory path's «no rows»
        parsed = bulk.parse(_read.RawTable(header, header_row, [], "csv", encoding=layout.encoding,
                                           separator=layout.separator), layout.kind)
        return parsed, parsed.problems, notes + _ignored(parsed.ignored_columns)
    staged = StagedFile(layout.kind, count, folder, ignored, on_disk)
    report = _StagedReport(layout.kind, written)
    with staging.staged(cur, bulk.STAGE, staged.stage):
        bulk.set_checks(cur, report, limit=MAX_PROBLEMS)
    found.extend(report.found)
    return staged, _capped(_ordered(parse_problems, found)), notes + _ignored(ignored)


def _capped(problems: list[P.Problem]) -> list[P.Problem]:
    """At most MAX_PROBLEMS, then one saying where the report stops (the last row it lists)."""
    if len(problems) < MAX_PROBLEMS:
        return problems
    kept = problems[:MAX_PROBLEMS]
    row = kept[-1].row
    return kept + [P.make("too_many_problems", row=row, count=fmt_number(MAX_PROBLEMS, 0), at=row)]


def _ordered(parse_problems: list[P.Problem], found: list) -> list[P.Problem]:
    """The in-memory path's order: typing problems, then the rules' (by phase, row, step), then by
    spreadsheet row and column (a stable sort, as ``ingest.check`` does)."""
    problems = parse_problems + [problem for _, problem in sorted(found, key=lambda item: item[0])]
    problems.sort(key=lambda p: (p.row or 0, p.column))
    return problems


def _note(layout: Layout, header_row: int) -> str:
    return t("import.note.csv", encoding=layout.encoding,
             separator=_read.SEPARATOR_NAMES.get(layout.separator, layout.separator), header_row=header_row)


def _ignored(columns: list) -> list[str]:
    return [t("import.note.ignored", columns=", ".join(columns))] if columns else []


def frames(cur: Connection, staged: StagedFile) -> dict[str, pa.Table | staging.OnDisk]:
    """The table rows a checked streamed file writes: ``bulk.frames``, with the criterion rows on disk."""
    found: dict[str, pa.Table | staging.OnDisk] = {}
    with staging.staged(cur, bulk.STAGE, staged.stage):
        assessment = staging.arrow(cur, "import_score_assessments")
        if assessment.num_rows:
            found["assessment"] = assessment
        for name, declared in (("criterion_score", False), ("criterion_declaration", True)):
            dropped = ("request_note", "request_date") if declared else ()
            rows = staging.to_parquet(cur, "import_score_values", staged.folder / f"{name}.parquet", drop=dropped,
                                      declared=declared)
            if rows is not None:
                found[name] = rows
    return found


def work_folder() -> tempfile.TemporaryDirectory:
    """Where a streamed file's staged rows live while it is imported (removed afterwards)."""
    return tempfile.TemporaryDirectory(prefix="egov-import-")
