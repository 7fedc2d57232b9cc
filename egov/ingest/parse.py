"""Raw cells -> typed values, one cell at a time, keeping what was written.

Each cell is parsed on its own so that one bad value never hides another
(the field notes saw pandera do that), and parsing is strict: ``03/15/2024``
is not a date, ``1,5`` is one and a half, ``=HYPERLINK(...)`` is refused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from egov.ingest import problems as P
from egov.ingest.read import SEPARATOR_NAMES, RawTable
from egov.kinds import (
    CODE,
    DATE,
    INT,
    KINDS,
    NUMBER,
    Column,
    Kind,
    normalise_choice,
    normalise_header,
)

MAX_TEXT = 10_000

# Spellings people use for the allowed values, beyond case, accents and spaces.
CHOICE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "plataforma_del_estado": ("plataforma",), "plataforma_estatal": ("plataforma",),
    "propio": ("propia",), "mecanismo_propio": ("propia",), "bilateral": ("propia",),
    "planificado": ("planificada",), "ninguno": ("ninguna",),
    "no_aplicable": ("no_aplica",), "no_aplica": ("no_aplicable",), "na": ("no_aplica", "no_aplicable"),
    "n_a": ("no_aplica", "no_aplicable"), "no_evaluado": ("desconocido",), "sin_informacion": ("desconocido",),
    "en_curso": ("en_proceso",), "parcial": ("parcialmente_cumplida",),
    "cumplida_parcialmente": ("parcialmente_cumplida",), "incumplida": ("no_cumplida",),
    "finding": ("hallazgo",), "recommendation": ("recomendacion",),
    "limitacion_al_alcance": ("limitacion",), "limitacion_de_alcance": ("limitacion",),
    "no_proporcionado": ("limitacion",), "aceptado": ("aceptada",), "no_aceptado": ("no_aceptada",),
    "rechazada": ("no_aceptada",),
    "alto": ("alta",), "high": ("alta",), "medio": ("media",), "medium": ("media",), "bajo": ("baja",),
    "low": ("baja",),
}

_FORMULA = re.compile(r"^\s*(?:[=@]|[+-]\s*[=@]|[+-]\s*[A-Za-z_][\w.]*\s*\()")
_INT_RE = re.compile(r"[+-]?\d+")
_DEC_RE = re.compile(r"[+-]?\d*[.,]\d+")
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_EXP_RE = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+0{1,2}:00(?::00)?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?")


class CellError(ValueError):
    """A cell that cannot be read as its column's type; args[0] is the problem code."""


def looks_like_formula(raw: str) -> bool:
    return bool(_FORMULA.match(raw))


def parse_number(raw: str) -> float:
    s = raw.strip().replace("\u00a0", "").replace(" ", "")
    if _INT_RE.fullmatch(s):
        value = float(int(s))
    elif _DEC_RE.fullmatch(s) or _EXP_RE.fullmatch(s):
        value = float(s.replace(",", "."))
    elif _THOUSANDS_DOT.fullmatch(s):
        value = float(s.replace(".", "").replace(",", "."))
    elif _THOUSANDS_COMMA.fullmatch(s):
        value = float(s.replace(",", ""))
    else:
        raise CellError("not_number")
    if not math.isfinite(value):
        raise CellError("not_number")
    return value


def parse_int(raw: str) -> int:
    """A whole number; ``1.000`` is a thousand here (Spanish grouping), not one."""
    s = raw.strip().replace("\u00a0", "").replace(" ", "")
    if _THOUSANDS_DOT.fullmatch(s) and "," not in s:
        return int(s.replace(".", ""))
    try:
        value = parse_number(raw)
    except CellError:
        raise CellError("not_integer") from None
    if not value.is_integer() or abs(value) > 2**31 - 1:
        raise CellError("not_integer")
    return int(value)


def parse_date(raw: str) -> date:
    s = raw.strip()
    m = _DMY.fullmatch(s)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO.fullmatch(s)
        if not m:
            raise CellError("not_date")
        year, month, day = (int(g) for g in m.groups())
    if not 1900 <= year <= 2100:
        raise CellError("not_date")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("not_date") from None


def parse_choice(column: Column, raw: str) -> str:
    value = normalise_choice(raw)
    if value in column.choices:
        return value
    for candidate in CHOICE_SYNONYMS.get(value, ()):
        if candidate in column.choices:
            return candidate
    raise CellError("bad_choice")


def parse_cell(column: Column, raw: str):
    """The typed value of a non-empty cell, or CellError(code)."""
    if column.type in (NUMBER, INT, DATE):
        try:
            if column.type == NUMBER:
                return parse_number(raw)
            if column.type == INT:
                return parse_int(raw)
            return parse_date(raw)
        except CellError:
            if looks_like_formula(raw):
                raise CellError("formula") from None
            raise
    if looks_like_formula(raw):
        raise CellError("formula")
    text = raw.strip()
    if len(text) > MAX_TEXT:
        raise CellError("too_long")
    if column.choices:
        return parse_choice(column, text)
    if column.type == CODE:
        code = " ".join(text.split())
        if column.name in PERIOD_COLUMNS:
            return parse_period(code)
        if not _CODE_TEXT.fullmatch(code):
            raise CellError("bad_code")
        return code
    return text


# A gestión is a four-digit year (1990–2100), optionally a semester: 2024, 2024-S1, 2024-S2.
PERIOD_COLUMNS = {"periodo", "gestion"}
PERIOD_PATTERN = re.compile(r"(\d{4})(-S[12])?")
# A code starts with a letter or digit and holds only letters, digits, spaces and . _ / -: no markup,
# no formula start, nothing a page, a URL or a chart could read as anything but the code.
_CODE_TEXT = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ][0-9A-Za-zÀ-ÖØ-öø-ÿ._/\- ]*")


def parse_period(raw: str) -> str:
    """A gestión as stored: ``2024`` or ``2024-S1``/``2024-S2`` (the semester letter upper-case)."""
    text = raw.strip().upper()
    match = PERIOD_PATTERN.fullmatch(text)
    if not match or not 1990 <= int(match.group(1)) <= 2100:
        raise CellError("bad_period")
    return text


# --- recognising the header ------------------------------------------------

def _lookup(kind: Kind) -> dict[str, str]:
    table = {}
    for column in kind.columns:
        for alias in (column.name, *column.aliases):
            table.setdefault(normalise_header(alias), column.name)
    return table


LOOKUPS = {name: _lookup(kind) for name, kind in KINDS.items()}


def match_header(kind: str, cells: list[str]) -> dict[int, str]:
    """Header position -> canonical column name, for the cells that name a column of ``kind``."""
    table = LOOKUPS[kind]
    return {i: table[n] for i, n in ((i, normalise_header(c)) for i, c in enumerate(cells)) if n in table}


def score_header(kind: str, cells: list[str]) -> tuple[bool, bool, int] | None:
    """How well ``cells`` fit as a header of ``kind``; None when not at all."""
    names = set(match_header(kind, cells).values())
    spec = KINDS[kind]
    has_signature = all(s in names for s in spec.signature)
    if not has_signature and len(names) < 3:
        return None
    return (all(r in names for r in spec.required), has_signature, len(names))


def detect_kind(cells: list[str], forced: str | None = None) -> str | None:
    """The kind whose header ``cells`` are (best fit), or None."""
    if not any(c.strip() for c in cells):
        return None
    candidates = [forced] if forced else list(KINDS)
    scored = [(s, k) for k in candidates if (s := score_header(k, cells)) is not None]
    if not scored:
        return None
    return max(scored, key=lambda item: item[0])[1]


# --- typed rows --------------------------------------------------------------

@dataclass
class ParsedFile:
    kind: str
    written: dict[str, str]                 # canonical -> header as written
    rows: list[tuple[int, dict]]            # (spreadsheet row, canonical -> typed value or None)
    raw: list[dict[str, str]]               # canonical -> cell as written, parallel to rows
    problems: list[P.Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class Header:
    """A header row mapped onto a kind: where each column is, and how the analyst wrote it."""
    mapping: dict[int, str]                 # header position -> canonical column name
    written: dict[str, str]                 # canonical -> header as written
    problems: list[P.Problem]
    ignored: list[str]


def map_header(table: RawTable, kind: str) -> Header:
    """The header's columns for ``kind``: repeated and missing columns are problems."""
    spec = KINDS[kind]
    mapping = match_header(kind, table.header)
    problems: list[P.Problem] = []
    written: dict[str, str] = {}
    for index, name in mapping.items():
        header = table.header[index].strip()
        if name in written:
            problems.append(P.make("duplicate_column", row=table.header_row, column=header, value=header,
                                   other=written[name], canonical=name))
        else:
            written[name] = header
    missing = [c for c in spec.required if c not in written]
    if missing:
        problems.append(P.make("missing_columns", row=table.header_row, value=", ".join(missing),
                               kind=kind, missing=missing))
    ignored = [h.strip() for i, h in enumerate(table.header) if i not in mapping and h.strip()]
    return Header(mapping, written, problems, ignored)


def parse_table(table: RawTable, kind: str) -> ParsedFile:
    """Map the header onto ``kind`` and type every cell; all problems in one pass."""
    spec = KINDS[kind]
    header = map_header(table, kind)
    mapping, written, problems, ignored = header.mapping, header.written, header.problems, header.ignored
    if problems:
        return ParsedFile(kind, written, [], [], problems, ignored)
    if not table.rows:
        return ParsedFile(kind, written, [], [], [P.make("no_rows", row=table.header_row)], ignored)

    positions = [(i, spec.column(name)) for i, name in mapping.items()]
    width = len(table.header)
    separator = SEPARATOR_NAMES.get(table.separator, table.separator)
    rows, raws = [], []
    # Codes, periods, dates and choices repeat on every row: parse each distinct cell once per column.
    seen: dict[str, dict[str, tuple[bool, object]]] = {column.name: {} for _, column in positions}
    for number, cells in table.rows:
        values: dict = {c.name: None for c in spec.columns}
        raw: dict[str, str] = {}
        for index, column in positions:
            text = cells[index] if index < len(cells) else ""
            raw[column.name] = text
            if not text.strip():
                continue
            known = seen[column.name].get(text)
            if known is None:
                try:
                    known = (True, parse_cell(column, text))
                except CellError as exc:
                    known = (False, exc.args[0])
                if len(text) <= 200:
                    seen[column.name][text] = known
            if known[0]:
                values[column.name] = known[1]
            else:
                problems.append(_cell_problem(known[1], number, written[column.name], text, column))
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            problems.append(P.make("extra_cells", row=number, value=extra[0], count=len(extra),
                                   separator=separator or "el separador"))
        rows.append((number, values))
        raws.append(raw)
    return ParsedFile(kind, written, rows, raws, problems, ignored)


def _cell_problem(code: str, row: int, header: str, raw: str, column: Column) -> P.Problem:
    shown = raw if len(raw) <= 200 else raw[:197] + "…"
    return P.make(code, row=row, column=header, value=shown, choices=column.choices, limit=MAX_TEXT)
