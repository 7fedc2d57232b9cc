"""Templates for each kind of import file, as CSV or as an Excel workbook.

A template has the canonical headers; with ``example=True`` it carries a few
rows taken from the sample data (the real DIGEMIG assessment, the default
framework), so the example itself imports cleanly. The CSV is written the
way Excel in Spanish reads it without a wizard: UTF-8 with BOM, ``;``,
decimal comma, dates dd/mm/yyyy. The workbook has the data sheet first (the
importer reads the first sheet with a header) and an instructions sheet
that documents every column.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pandas as pd

from egov.storage.db import PROJECT_ROOT
from egov.i18n import t
from egov.ingest.parse import CellError, parse_date, parse_int, parse_number
from egov.kinds import DATE, INT, KINDS, NUMBER

SAMPLE = PROJECT_ROOT / "data" / "sample"
FRAMEWORK_FILE = PROJECT_ROOT / "data" / "framework" / "cge-ge.csv"
EXAMPLE_ROWS = 12


def _read_canonical(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _framework_example(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A small but complete slice of the default framework: one of each row type."""
    keep = []
    for row in rows:
        kind, code = row.get("tipo"), row.get("codigo", "")
        if (kind == "marco" or (kind == "area" and code == "PLAN") or (kind in ("criterio", "nivel")
                and code == "PLAN.1") or (kind == "herramienta" and code == "firma_digital")
                or kind == "banda" or (kind in ("escalon", "requisito") and row.get("nivel") in ("0", "1"))):
            keep.append(row)
    return keep


LIFE_CYCLE_KINDS = ("aceptacion", "cronograma", "seguimiento")


def _life_cycle_keys() -> list[tuple[str, str, str]]:
    """Recommendations of the demonstration set (one synthetic entity) with a full life cycle.

    The real DIGEMIG report has no acceptance, schedule or follow-up; an example never invents one for it.
    The entity is the first of the entities example, so the examples import one after the other.
    """
    entities = [r["entidad"] for r in example_rows("entidades")]
    demo = next((e for e in entities if e != "DIGEMIG"), None)
    rated = {(r["entidad"], r["informe"], r["numero"]) for r in _read_canonical(SAMPLE / "demo" / "seguimiento.csv")
             if r.get("informe_seguimiento")}
    keys = [(r["entidad"], r["informe"], r["numero"]) for r in _read_canonical(SAMPLE / "demo" / "cronograma.csv")
            if r["entidad"] == demo]
    return sorted(dict.fromkeys(k for k in keys if k in rated))[:4]


def _demo_rows(name: str, keys: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    wanted = set(keys)
    rows = _read_canonical(SAMPLE / "demo" / f"{name}.csv")
    if name == "recomendaciones":  # the recommendations and the findings they answer
        reports = {(k[0], k[1]) for k in keys}
        return [r for r in rows if (r["entidad"], r["informe"]) in reports
                and (r["entidad"], r["informe"], r["numero"]) in wanted]
    return [r for r in rows if (r["entidad"], r["informe"], r["numero"]) in wanted]


def example_rows(kind: str) -> list[dict[str, str]]:
    """Rows in canonical form from the sample data (text, as in the sample CSVs)."""
    if kind == "marco":
        return _framework_example(_read_canonical(FRAMEWORK_FILE))
    if kind == "entidades":
        rows = _read_canonical(SAMPLE / "entidades.csv")
        return [r for r in rows if r.get("entidad") == "DIGEMIG"] + \
            [r for r in rows if r.get("entidad") != "DIGEMIG"][:2]
    if kind in LIFE_CYCLE_KINDS:
        rows = _demo_rows(kind, _life_cycle_keys())
    elif kind == "programa":  # DIGEMIG as its report gives it, then the demonstration rows of an example entity
        entities = {r["entidad"] for r in example_rows("entidades")}
        rows = _read_canonical(SAMPLE / "digemig" / "programa.csv") + [
            r for r in _read_canonical(SAMPLE / "demo" / "programa.csv") if r["entidad"] in entities]
    else:
        rows = _read_canonical(SAMPLE / "digemig" / f"{kind}.csv")[:EXAMPLE_ROWS]
        if kind == "recomendaciones":
            rows += _demo_rows(kind, _life_cycle_keys())
    # The sample files may use accepted aliases (periodo, socios): give the rows the canonical names.
    columns = KINDS[kind].columns
    return [{next((c.name for c in columns if c.matches(h)), h): v for h, v in r.items()} for r in rows]


def _typed(kind: str, column: str, text: str):
    """A sample cell as an Excel value (number, date) so the workbook looks typed."""
    spec = KINDS[kind].column(column)
    if not text:
        return None
    try:
        if spec.type == NUMBER:
            return parse_number(text)
        if spec.type == INT:
            return parse_int(text)
        if spec.type == DATE:
            return datetime.combine(parse_date(text), datetime.min.time())
    except CellError:
        return text
    return text


def _csv_text(kind: str, column: str, text: str) -> str:
    spec = KINDS[kind].column(column)
    if spec.type == NUMBER and text:
        return text.replace(".", ",")
    return text


def file_name(kind: str, fmt: str, *, example: bool = False) -> str:
    return f"plantilla-{kind}{'-ejemplo' if example else ''}.{fmt}"


def template(kind: str, *, example: bool = False, fmt: str = "csv") -> bytes:
    """The template of ``kind`` as bytes (CSV or xlsx)."""
    spec = KINDS[kind]
    headers = [c.name for c in spec.columns]
    rows = example_rows(kind) if example else []
    if fmt == "csv":
        from egov.export import tables  # the one CSV writer: no cell can run as a formula

        frame = pd.DataFrame([[_csv_text(kind, h, row.get(h, "") or "") for h in headers] for row in rows],
                             columns=headers, dtype=object)
        return tables.to_csv_bytes(frame, sep=";")
    if fmt == "xlsx":
        return _workbook(kind, headers, rows)
    raise ValueError(fmt)


def self_assessment(criteria: pd.DataFrame, framework: str, entity: str, period: str, *, fmt: str = "csv") -> bytes:
    """The `puntajes` template an entity fills with its own declaration (autoevaluación).

    One row per criterion of ``criteria`` (egov.framework.criteria), its code and name, ``fuente``
    already «declarado»; the entity writes the score (or the status, and with «no_aplica» why) and
    its evidence. Imported later, it never overwrites what the supervision verified.
    """
    kind = "puntajes"
    headers = [c.name for c in KINDS[kind].columns if c.name not in ("informe", "fecha_emision", "solicitud",
                                                                     "fecha_solicitud")]
    rows = [{"entidad": entity, "gestion": period, "marco": framework, "criterio": r.criterion_code,
             "puntaje": "", "estado": "", "evidencia": "", "fuente": "declarado"}
            for r in criteria.itertuples()]
    if fmt == "csv":
        from egov.export import tables  # the one CSV writer: no cell can run as a formula

        frame = pd.DataFrame([[row.get(h, "") for h in headers] for row in rows], columns=headers, dtype=object)
        return tables.to_csv_bytes(frame, sep=";")
    if fmt == "xlsx":
        return _workbook(kind, headers, rows)
    raise ValueError(fmt)


def instructions(kind: str, lang: str = "es") -> list[list[str]]:
    """One row per column: name, required, type, allowed values, accepted aliases, description."""
    rows = []
    for c in KINDS[kind].columns:
        rows.append([c.name, t("import.template.required_yes" if c.required else "import.template.required_no",
                               lang),
                     t(f"import.type_name.{c.type}", lang), ", ".join(c.choices), ", ".join(c.aliases),
                     c.help_es if lang == "es" else c.help_en])
    return rows


def _workbook(kind: str, headers: list[str], rows: list[dict[str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    data = book.active
    data.title = t("import.template.sheet_data")
    data.append(headers)
    for cell in data[1]:
        cell.font = Font(bold=True)
    for row in rows:
        data.append([_typed(kind, h, row.get(h, "") or "") for h in headers])
    for column_cells in data.iter_cols(min_row=2, max_row=data.max_row):
        for cell in column_cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                cell.data_type = "s"  # never a live formula
    for index, name in enumerate(headers, start=1):
        data.column_dimensions[data.cell(1, index).column_letter].width = max(12, min(40, len(name) + 4))
    data.freeze_panes = "A2"

    help_sheet = book.create_sheet(t("import.template.sheet_help"))
    help_sheet.append([t("import.template.intro", kind=kind)])
    help_sheet["A1"].alignment = Alignment(wrap_text=True)
    help_sheet.append([])
    help_sheet.append([t(f"import.template.col_{k}") for k in ("name", "required", "type", "choices", "aliases",
                                                                 "help")])
    for cell in help_sheet[3]:
        cell.font = Font(bold=True)
    for row in instructions(kind):
        help_sheet.append(row)
    for letter, width in zip("ABCDEF", (20, 12, 18, 36, 40, 80)):
        help_sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
