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

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from egov.ingest import problems as P
from egov.ingest.columns import Distinct, rows_where
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

    ``columns`` holds every column of the kind as an Arrow array (null where empty or unreadable;
    codes become their stored spelling once validated); ``raws`` the cells as written, for the
    columns the header names, and ``encoded`` the same cells by distinct text, with ``unreadable``
    flagging (per distinct text) the cells written but not readable as their column's type.
    """
    kind: str
    written: dict[str, str]
    numbers: list[int]
    columns: dict[str, pa.Array]
    raws: dict[str, pa.Array]
    problems: list[P.Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    stage: pa.Table | None = None     # the typed columns as DuckDB reads them, once validated
    encoded: dict[str, Distinct] = field(default_factory=dict)
    unreadable: dict[str, list[bool]] = field(default_factory=dict)
    _rows: list | None = None

    @property
    def count(self) -> int:
        return len(self.numbers)

    @property
    def rows(self) -> list[tuple[int, dict]]:
        """Row by row, as ``ParsedFile.rows`` (built only when a caller asks)."""
        if self._rows is None:
            names = list(self.columns)
            values = [self.columns[c].to_pylist() for c in names]
            self._rows = [(n, dict(zip(names, row))) for n, row in zip(self.numbers, zip(*values))]
        return self._rows

    @property
    def raw(self) -> list[dict[str, str]]:
        names = list(self.raws)
        return [dict(zip(names, cells)) for cells in zip(*(self.raws[c].to_pylist() for c in names))]

    def raw_cell(self, column: str, index: int) -> str:
        cells = self.raws.get(column)
        return cells[index].as_py() if cells is not None else ""


def _arrow_type(column) -> pa.DataType:
    return _TYPES.get(column.type, pa.string())


def handles(kind: str) -> bool:
    return kind in KINDS_IN_BULK


# --- 1. typing, a column at a time ------------------------------------------------------------

def parse(table: RawTable, kind: str) -> ColumnarFile | ParsedFile:
    """``parse.parse_table`` by column: the same typed values and problems, in the same order."""
    spec = KINDS[kind]
    header = map_header(table, kind)
    if header.problems:
        return ParsedFile(kind, header.written, [], [], header.problems, header.ignored)
    if not table.count:
        return ParsedFile(kind, header.written, [], [], [P.make("no_rows", row=table.header_row)], header.ignored)
    width = len(table.header)
    if table.columns is not None:  # read by Arrow: every row as wide as the header
        numbers, lines, count, even = table.numbers, [], table.count, True
        texts = table.columns.columns
    else:
        numbers = [number for number, _ in table.rows]
        lines = [cells for _, cells in table.rows]
        count = len(lines)
        even = all(len(line) == width for line in lines)
        if even:  # the usual file: every row as wide as its header
            texts = list(zip(*lines))
        else:  # short rows' missing cells are empty; cells past the header are reported below
            texts = [tuple(line[p] if p < len(line) else "" for line in lines) for p in range(width)]
    columns = {c.name: pa.nulls(count, _arrow_type(c)) for c in spec.columns}
    raws: dict[str, pa.Array] = {}
    encoded: dict[str, Distinct] = {}
    unreadable: dict[str, list[bool]] = {}
    failures: list[tuple[int, int, P.Problem]] = []  # (row index, place in the row, problem)
    for place, (position, name) in enumerate(header.mapping.items()):
        column = spec.column(name)
        cells = texts[position]
        cells = cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else pa.array(cells, pa.string())
        distinct = Distinct(cells)
        outcomes: list[tuple[bool, object]] = []  # per distinct text: (readable, value or problem code)
        for text in distinct.values:
            if not text.strip():
                outcomes.append((True, None))
                continue
            try:
                outcomes.append((True, parse_cell(column, text)))
            except CellError as exc:
                outcomes.append((False, exc.args[0]))
        columns[name] = distinct.spread([value if ok else None for ok, value in outcomes], _arrow_type(column))
        raws[name], encoded[name] = cells, distinct
        unreadable[name] = [(not ok or value is None) and bool(text.strip())
                            for text, (ok, value) in zip(distinct.values, outcomes)]
        bad = [not ok for ok, _ in outcomes]
        if any(bad):
            header_text = header.written[name]
            codes = {text: code for text, (ok, code) in zip(distinct.values, outcomes) if not ok}
            failures.extend((i, place, _cell_problem(codes[text], numbers[i], header_text, text, column))
                            for i in distinct.rows(bad) for text in (cells[i].as_py(),))
    separator = SEPARATOR_NAMES.get(table.separator, table.separator)
    last = len(header.mapping)
    for i, line in enumerate([] if even else lines):
        if len(line) > width:
            extra = [c for c in line[width:] if c.strip()]
            if extra:
                failures.append((i, last, P.make("extra_cells", row=numbers[i], value=extra[0], count=len(extra),
                                                 separator=separator or "el separador")))
    failures.sort(key=lambda f: (f[0], f[1]))
    return ColumnarFile(kind, header.written, numbers, columns, raws, [f[2] for f in failures], header.ignored,
                        encoded=encoded, unreadable=unreadable)


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


def _spelled(values: list, table: dict[str, str]) -> list:
    """Each distinct value's stored spelling (None where not known or missing)."""
    return [None if v is None else table.get(v.casefold()) for v in values]


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
        cells = parsed.encoded.get(column)
        blank = range(count) if cells is None else cells.rows(cells.blanks())
        for i in blank:
            report.add(1, offset + i, step, "required", column, help=spec.column(column).help_es)

    entity, framework, criterion = Distinct(cols["entidad"]), Distinct(cols["marco"]), Distinct(cols["criterio"])
    entities, frameworks = _spelled(entity.values, known.entities), _spelled(framework.values, known.frameworks)
    for step, (column, distinct, stored, code) in enumerate((("entidad", entity, entities, "unknown_entity"),
                                                             ("marco", framework, frameworks, "unknown_framework"))):
        for i in distinct.rows([v is not None and s is None for v, s in zip(distinct.values, stored)]):
            report.add(2, offset + i, step, code, column)
    # Criteria are looked up by (stored framework, criterion) pair: each distinct pair once.
    width = len(criterion.values)
    pairs = framework.index.to_numpy().astype(np.int64) * width + criterion.index.to_numpy()
    keys, which = np.unique(pairs, return_inverse=True)
    outcome, unknown, pair_framework = [], [], []
    for key in keys.tolist():
        f, c = frameworks[key // width], criterion.values[key % width]  # f: None when missing or unknown
        found = known.criteria[f].get(c.casefold()) if f is not None and c is not None else None
        unknown.append(f is not None and c is not None and found is None)
        pair_framework.append(f)
        outcome.append((found[0], True, found[2], found[3]) if found else (c, False, None, None))
    which = pa.array(which.reshape(-1).astype(np.int32))
    for i in rows_where(which, unknown):
        report.add(2, offset + i, 2, "unknown_criterion", "criterio", framework=pair_framework[which[i].as_py()])
    spelled, known_criterion, low, high = (list(part) for part in zip(*outcome))
    cols["entidad"] = entity.spread([s or v for v, s in zip(entity.values, entities)], pa.string())
    cols["marco"] = framework.spread([s or v for v, s in zip(framework.values, frameworks)], pa.string())
    cols["criterio"] = pa.array(spelled, pa.string()).take(which)
    return _stage_table(parsed, pa.array(known_criterion, pa.bool_()).take(which),
                        pa.array(low, pa.float64()).take(which), pa.array(high, pa.float64()).take(which),
                        offset, with_cells)


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


def _stage_table(parsed: ColumnarFile, known_criterion: pa.Array, low: pa.Array, high: pa.Array, offset: int = 0,
                 with_cells: bool = False) -> pa.Table:
    spec = KINDS[parsed.kind]
    cols, count, encoded = parsed.columns, parsed.count, parsed.encoded
    data = {"idx": pa.array(np.arange(offset, offset + count, dtype=np.int64)),
            "number": pa.array(parsed.numbers, pa.int64())}
    for column in spec.columns:
        data[column.name] = cols[column.name]
    data["known_criterion"], data["scale_min"], data["scale_max"] = known_criterion, low, high

    def flags(column: str, per_value: Callable[[Distinct], list[bool]], missing: bool) -> pa.Array:
        cells = encoded.get(column)
        return pa.array(np.full(count, missing)) if cells is None else cells.spread(per_value(cells), pa.bool_())

    data["puntaje_blank"] = flags("puntaje", Distinct.blanks, True)
    for column in ("informe", "fecha_emision"):
        data[f"{column}_unreadable"] = flags(column, lambda _, c=column: parsed.unreadable[c], False)
    if with_cells:
        for column in spec.columns:
            cells = parsed.raws.get(column.name)
            data[f"cell_{column.name}"] = pa.array([""] * count, pa.string()) if cells is None else cells
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
