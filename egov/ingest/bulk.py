"""Score files at the engine's speed: columns typed once per distinct value, rules checked in SQL.

A national score file has hundreds of thousands of rows but few distinct
cells per column (codes, gestiones, dates, a handful of scores). So instead
of typing and checking row by row (``parse.parse_table`` then
``validate.validate``, still the path of every other kind), a score file is
handled a column at a time:

1. each column's distinct cells are typed once with the same ``parse_cell``
   (same values, same problems);
2. codes are matched with the stored ones once per distinct value (the same
   casefold rule as ``validate.Checker.resolve``);
3. the typed columns go to DuckDB as one Arrow table (``_score_rows``) and
   the rules that look at a whole row or at several rows (scales, statuses,
   contradictions, duplicates) are the named queries
   ``queries/import_score_rules.sql`` and ``import_score_duplicates.sql``,
   which return the offending rows; the rows to write are
   ``import_score_assessments.sql`` and ``import_score_values.sql``.

Every problem keeps the spreadsheet row and the column as written, and the
problems come in the order the row-by-row path gives them (the tests compare
both paths problem by problem and table by table).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from egov.ingest import problems as P
from egov.ingest.parse import CellError, ParsedFile, _cell_problem, map_header, parse_cell
from egov.ingest.read import SEPARATOR_NAMES, RawTable
from egov.ingest.validate import Known
from egov.kinds import DATE, INT, KINDS, NUMBER
from egov.storage import staging
from egov.storage.db import Connection

# The kinds read this way; every other kind keeps the row-by-row path.
KINDS_IN_BULK = frozenset({"puntajes"})
STAGE = "_score_rows"  # the name the import_score_* queries read the staged file under
_TYPES = {NUMBER: pa.float64(), INT: pa.int64(), DATE: pa.date32()}


@dataclass
class ColumnarFile:
    """A parsed file held by column (the bulk path's ``ParsedFile``).

    ``columns`` holds every column of the kind (None where empty or
    unreadable; codes become their stored spelling once validated);
    ``raws`` the cells as written, for the columns the header names.
    """
    kind: str
    written: dict[str, str]
    numbers: list[int]
    columns: dict[str, list]
    raws: dict[str, list[str]]
    problems: list[P.Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    stage: pa.Table | None = None     # the typed columns as DuckDB reads them, once validated
    _rows: list | None = None

    @property
    def count(self) -> int:
        return len(self.numbers)

    @property
    def rows(self) -> list[tuple[int, dict]]:
        """Row by row, as ``ParsedFile.rows`` (built only when a caller asks)."""
        if self._rows is None:
            names = list(self.columns)
            self._rows = [(n, dict(zip(names, values)))
                          for n, values in zip(self.numbers, zip(*(self.columns[c] for c in names)))]
        return self._rows

    @property
    def raw(self) -> list[dict[str, str]]:
        names = list(self.raws)
        return [dict(zip(names, cells)) for cells in zip(*(self.raws[c] for c in names))]

    def raw_cell(self, column: str, index: int) -> str:
        cells = self.raws.get(column)
        return cells[index] if cells is not None else ""


def handles(kind: str) -> bool:
    return kind in KINDS_IN_BULK


# --- 1. typing, a column at a time ------------------------------------------------------------

def parse(table: RawTable, kind: str) -> ColumnarFile | ParsedFile:
    """``parse.parse_table`` by column: the same typed values and problems, in the same order."""
    spec = KINDS[kind]
    header = map_header(table, kind)
    if header.problems:
        return ParsedFile(kind, header.written, [], [], header.problems, header.ignored)
    if not table.rows:
        return ParsedFile(kind, header.written, [], [], [P.make("no_rows", row=table.header_row)], header.ignored)
    numbers = [number for number, _ in table.rows]
    lines = [cells for _, cells in table.rows]
    count = len(lines)
    columns: dict[str, list] = {c.name: [None] * count for c in spec.columns}
    raws: dict[str, list[str]] = {}
    failures: list[tuple[int, int, P.Problem]] = []  # (row index, place in the row, problem)
    width = len(table.header)
    if all(len(line) == width for line in lines):
        transposed = list(zip(*lines))  # the usual file: every row as wide as its header
    else:  # short rows' missing cells are empty; cells past the header are reported below
        transposed = [[line[p] if p < len(line) else "" for line in lines] for p in range(width)]
    for place, (position, name) in enumerate(header.mapping.items()):
        column = spec.column(name)
        cells = list(transposed[position])
        outcomes: dict[str, tuple[bool, object]] = {}
        for text in set(cells):
            if not text.strip():
                outcomes[text] = (True, None)
                continue
            try:
                outcomes[text] = (True, parse_cell(column, text))
            except CellError as exc:
                outcomes[text] = (False, exc.args[0])
        typed = {text: value if ok else None for text, (ok, value) in outcomes.items()}
        columns[name] = list(map(typed.__getitem__, cells))
        raws[name] = cells
        bad = {text for text, (ok, _) in outcomes.items() if not ok}
        if bad:
            header_text = header.written[name]
            failures.extend((i, place, _cell_problem(outcomes[text][1], numbers[i], header_text, text, column))
                            for i, text in enumerate(cells) if text in bad)
    separator = SEPARATOR_NAMES.get(table.separator, table.separator)
    last = len(header.mapping)
    for i, line in enumerate(lines):
        if len(line) > width:
            extra = [c for c in line[width:] if c.strip()]
            if extra:
                failures.append((i, last, P.make("extra_cells", row=numbers[i], value=extra[0], count=len(extra),
                                                 separator=separator or "el separador")))
    failures.sort(key=lambda f: (f[0], f[1]))
    return ColumnarFile(kind, header.written, numbers, columns, raws, [f[2] for f in failures], header.ignored)


# --- 2. codes, once per distinct value, then 3. the rules in SQL ------------------------------

def _shown(raw: str) -> str:
    return raw if len(raw) <= 200 else raw[:197] + "…"


class Report:
    """Problems with the key that puts them in the row-by-row path's order: (phase, row index, step).

    ``offset``: the file's index of the parsed rows' first one (a streamed file is checked a
    chunk at a time). ``cell`` says where a problem's row number and cell come from: the parsed
    rows here; a streamed file's report reads them from its staged rows (``stream``).
    """

    def __init__(self, parsed: ColumnarFile, offset: int = 0):
        self.parsed, self.offset = parsed, offset
        self.found: list[tuple[tuple[int, int, int], P.Problem]] = []

    def cell(self, index: int, column: str) -> tuple[int, str]:
        """(spreadsheet row, the cell as written) of the file's row ``index``."""
        local = index - self.offset
        return self.parsed.numbers[local], (self.parsed.raw_cell(column, local) if column else "")

    def add(self, phase: int, index: int, step: int, code: str, column: str = "", **params) -> None:
        number, raw = self.cell(index, column)
        self.found.append(((phase, index, step), P.make(
            code, row=number, column=self.parsed.written.get(column, column) if column else "",
            value=_shown(raw), **params)))

    def ordered(self) -> list[P.Problem]:
        return [problem for _, problem in sorted(self.found, key=lambda item: item[0])]


def _resolve(values: list, table: dict[str, str]) -> tuple[list, set]:
    """(values in their stored spelling where known, the distinct values not known)."""
    stored = {v: table.get(v.casefold()) for v in set(values) if v is not None}
    unknown = {v for v, s in stored.items() if s is None}
    return [stored[v] or v if v is not None else None for v in values], unknown


def validate_scores(cur: Connection, parsed: ColumnarFile, known: Known) -> list[P.Problem]:
    """``validate.validate`` for a score file; codes in ``parsed.columns`` become their stored spelling."""
    report = Report(parsed)
    stage = row_checks(parsed, known, report)
    with staging.staged(cur, STAGE, stage):
        set_checks(cur, report)
    parsed.stage = stage
    return report.ordered()


def row_checks(parsed: ColumnarFile, known: Known, report: Report, *, with_cells: bool = False) -> pa.Table:
    """The rules that look at one row at a time (required cells, codes): into ``report``.

    Returns the rows staged for the rules in SQL; ``with_cells`` adds each cell as written
    (``cell_<column>``), which a streamed file's problems are worded from.
    """
    spec = KINDS[parsed.kind]
    cols, count, offset = parsed.columns, parsed.count, report.offset
    for step, column in enumerate(spec.required):
        cells = parsed.raws.get(column, [""] * count)
        blank = {text for text in set(cells) if not text.strip()}
        if blank:
            for i, text in enumerate(cells):
                if text in blank:
                    report.add(1, offset + i, step, "required", column, help=spec.column(column).help_es)

    entities, unknown_entities = _resolve(cols["entidad"], known.entities)
    frameworks, unknown_frameworks = _resolve(cols["marco"], known.frameworks)
    # the framework a row's criterion is looked up in: its stored code, None when missing or unknown
    stored_fw = [None if typed is None or typed in unknown_frameworks else stored
                 for typed, stored in zip(cols["marco"], frameworks)]
    pairs = {(f, c) for f, c in zip(stored_fw, cols["criterio"]) if f is not None and c is not None}
    criteria = {(f, c): known.criteria[f].get(c.casefold()) for f, c in pairs}
    criterio, known_criterion, low, high = [], [], [], []
    for i, (f, c) in enumerate(zip(stored_fw, cols["criterio"])):
        if unknown_entities and cols["entidad"][i] in unknown_entities:
            report.add(2, offset + i, 0, "unknown_entity", "entidad")
        if unknown_frameworks and cols["marco"][i] in unknown_frameworks:
            report.add(2, offset + i, 1, "unknown_framework", "marco")
        found = criteria.get((f, c)) if f is not None and c is not None else None
        if f is not None and c is not None and found is None:
            report.add(2, offset + i, 2, "unknown_criterion", "criterio", framework=f)
        criterio.append(found[0] if found else c)
        known_criterion.append(found is not None)
        low.append(found[2] if found else None)
        high.append(found[3] if found else None)
    cols["entidad"], cols["marco"], cols["criterio"] = entities, frameworks, criterio
    return _stage_table(parsed, known_criterion, low, high, offset, with_cells)


def set_checks(cur: Connection, report: Report, limit: int | None = None) -> None:
    """The rules over the whole staged file (``STAGE`` on ``cur``): scales, statuses, one report per
    assessment, duplicates. ``limit``: at most that many problems of each query are read."""
    rules = staging.rows(cur, "import_score_rules", limit=limit)
    duplicates = staging.rows(cur, "import_score_duplicates", limit=limit)
    prepare = getattr(report, "prepare", None)
    if prepare is not None:  # a streamed file: the offending rows' cells, read in one query
        prepare(cur, [r[0] for r in rules] + [r[0] for r in duplicates])
    for idx, step, code, column, other, status, scale_min, scale_max, criterion in rules:
        if code == "score_with_status":
            report.add(2, idx, step, code, column, status=status)
        elif code == "out_of_scale":
            report.add(2, idx, step, code, column, low=float(scale_min), high=float(scale_max),
                       criterion=criterion)
        elif code == "assessment_contradiction":
            report.add(2, idx, step, code, column, other=other)
        else:
            report.add(2, idx, step, code, column)
    for idx, other, same in duplicates:
        report.add(3, idx, 0, "duplicate_row" if same else "contradiction", other=other,
                   what="entidad, gestión, marco y criterio")


def _stage_table(parsed: ColumnarFile, known_criterion: list, low: list, high: list, offset: int = 0,
                 with_cells: bool = False) -> pa.Table:
    spec = KINDS[parsed.kind]
    cols, count = parsed.columns, parsed.count
    data = {"idx": pa.array(range(offset, offset + count), pa.int64()), "number": pa.array(parsed.numbers, pa.int64())}
    for column in spec.columns:
        data[column.name] = pa.array(cols[column.name], _TYPES.get(column.type, pa.string()))
    data["known_criterion"] = pa.array(known_criterion, pa.bool_())
    data["scale_min"] = pa.array(low, pa.float64())
    data["scale_max"] = pa.array(high, pa.float64())
    blank = parsed.raws.get("puntaje")
    data["puntaje_blank"] = pa.array([True] * count if blank is None else [not t.strip() for t in blank], pa.bool_())
    for column in ("informe", "fecha_emision"):
        cells, values = parsed.raws.get(column), cols[column]
        data[f"{column}_unreadable"] = pa.array(
            [False] * count if cells is None else [v is None and bool(t.strip()) for t, v in zip(cells, values)],
            pa.bool_())
    if with_cells:
        for column in spec.columns:
            cells = parsed.raws.get(column.name)
            data[f"cell_{column.name}"] = pa.array([""] * count if cells is None else cells, pa.string())
    return pa.table(data)


# --- 4. the rows to write ---------------------------------------------------------------------

def frames(cur: Connection, parsed: ColumnarFile) -> dict[str, pa.Table]:
    """The table rows a checked score file writes (as ``kinds.to_tables`` + ``ingest.frames_of``)."""
    stage = parsed.stage
    if stage is None:
        raise ValueError("a score file is written only after validate_scores checked it")
    with staging.staged(cur, STAGE, stage):
        found = {"assessment": staging.arrow(cur, "import_score_assessments"),
                 "criterion_score": staging.arrow(cur, "import_score_values", declared=False),
                 "criterion_declaration": staging.arrow(cur, "import_score_values", declared=True)
                 .drop_columns(["request_note", "request_date"])}
    return {name: table for name, table in found.items() if table.num_rows}
