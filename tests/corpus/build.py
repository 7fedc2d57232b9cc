"""The import test corpus: files as they come from real offices, right and wrong.

Each case is built here (nothing large is committed): the bytes of the file,
its name, and what must happen when it is imported into the sample
database: ``expect="ok"`` with cells that must then be stored, or the
problem code (and a piece of the Spanish message) that refuses it.

Run ``python -m tests.corpus.build DIR`` to write the files for a look.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable

SCORE_HEADER = ["entidad", "periodo", "marco", "criterio", "puntaje", "estado", "evidencia", "informe",
                "fecha_emision"]
EVIDENCE = "Año 2025: Ñandú — «revisión» “PIIGE” – señalización"
SCORES = [
    ["DIGEMIG", "2025", "CGE-GE", "PLAN.1", "2,5", "evaluado", EVIDENCE, "K3/GP445/S25-G1", "12/12/2025"],
    ["DIGEMIG", "2025", "CGE-GE", "PLAN.2", "3", "evaluado", "Plan alineado; falta seguimiento", "K3/GP445/S25-G1",
     "12/12/2025"],
    ["DIGEMIG", "2025", "CGE-GE", "PLAN.3", "", "desconocido", "", "K3/GP445/S25-G1", "12/12/2025"],
    ["DIGEMIG", "2025", "CGE-GE", "HERR.1", "1", "evaluado", "", "K3/GP445/S25-G1", "12/12/2025"],
    ["SEGIP", "2025", "CGE-GE", "PLAN.1", "4", "evaluado", "", "K3/GP500/S25-G1", "01/03/2025"],
    ["SEGIP", "2025", "CGE-GE", "ORG.1", "", "no_aplica", "No corresponde", "K3/GP500/S25-G1", "01/03/2025"],
]
DASH_TEXT = "- Sin seguimiento del PIIGE (ver anexo 2)"
PLUS_TEXT = "+591 2 2123456, unidad de sistemas"
# (entity, period, criterion) -> (status, score, evidence) stored after a valid scores file.
SCORES_STORED = {
    ("DIGEMIG", "2025", "PLAN.1"): ("evaluado", 2.5, EVIDENCE),
    ("DIGEMIG", "2025", "PLAN.3"): ("desconocido", None, None),
    ("SEGIP", "2025", "ORG.1"): ("no_aplica", None, "No corresponde"),
}


@dataclass
class Case:
    name: str
    file_name: str
    make: Callable[[], bytes]
    expect: str = "ok"                       # "ok" or a problem code
    message: str = ""                        # a piece of the Spanish problem text
    stored: dict = field(default_factory=dict)  # valid: {(table, key...): {column: value}}
    rows: tuple[int, ...] = ()               # refused: spreadsheet rows the problem must name
    column: str = ""                         # refused: column (as written) the problem must name
    kind: str = ""

    @property
    def data(self) -> bytes:
        return self.make()


def csv_bytes(header, rows, *, sep=";", encoding="utf-8-sig", title: list[str] | None = None,
              trailing: int = 0, newline="\r\n", quote_all=False) -> bytes:
    import csv
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=sep, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    if title:
        for line in title:
            writer.writerow([line] + [""] * (len(header) - 1))
    writer.writerow(header)
    writer.writerows(rows)
    for _ in range(trailing):
        writer.writerow([""] * len(header))
    return out.getvalue().encode(encoding)


def xlsx_bytes(header, rows, *, title: str | None = None, typed: bool = True) -> bytes:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "Puntajes"
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        values = []
        for column, cell in zip(header, row):
            if typed and column in ("puntaje", "tramites", "numero") and cell:
                values.append(float(cell.replace(",", ".")))
            elif typed and column in ("fecha_emision", "fecha", "fecha_limite") and cell:
                d, m, y = (int(x) for x in cell.split("/"))
                values.append(datetime(y, m, d))
            elif typed and column == "gestion" and cell.isdigit():
                values.append(int(cell))
            else:
                values.append(cell or None)
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_scores(change: Callable[[list[list[str]]], None], header=None, **kw) -> Callable[[], bytes]:
    def make() -> bytes:
        rows = [list(r) for r in SCORES]
        change(rows)
        return csv_bytes(header or SCORE_HEADER, rows, **kw)
    return make


def _set(row: int, column: str, value: str):
    def change(rows):
        rows[row][SCORE_HEADER.index(column)] = value
    return change


def _score_key(entity, period, criterion):
    return ("criterion_score", entity, period, "CGE-GE", criterion)


def valid_score_cases() -> list[Case]:
    stored = {_score_key(e, p, c): {"status": s, "score": v, "evidence": ev}
              for (e, p, c), (s, v, ev) in SCORES_STORED.items()}
    stored[("assessment", "DIGEMIG", "2025", "CGE-GE")] = {"report_number": "K3/GP445/S25-G1",
                                                           "issue_date": date(2025, 12, 12)}
    messy_header = ["Entidad", "GESTIÓN ", " Marco de evaluación", "Código criterio", "Puntuación",
                    "Estado", "Observación", "N° informe", "Fecha informe"]
    english = ["Entity", "Period", "Framework", "Criterion", "Score", "Status", "Evidence", "Report", "Issue date"]

    def iso_dates(rows):
        for r in rows:
            d, m, y = r[8].split("/")
            r[8] = f"{y}-{m}-{d}"

    def lower_codes(rows):
        for r in rows:
            r[0], r[3] = r[0].lower(), r[3].lower()

    def spelled_choices(rows):
        rows[2][5] = "Desconocido"
        rows[5][5] = "No aplica"
        rows[0][5] = " EVALUADO "

    def point_decimal(rows):
        rows[0][4] = "2.5"

    def xlsx_scores():
        return xlsx_bytes(SCORE_HEADER, SCORES, title="Evaluación de gobierno electrónico 2025")

    def quoted_newlines():
        rows = [list(r) for r in SCORES]
        rows[1][6] = "Línea 1; con separador\r\nLínea 2, con \"comillas\""
        return csv_bytes(SCORE_HEADER, rows, quote_all=True)

    return [
        Case("utf8_comma", "puntajes.csv", with_scores(point_decimal, sep=",", encoding="utf-8"),
             stored=stored),
        Case("utf8_bom_semicolon_decimal_comma", "puntajes.csv", with_scores(lambda r: None), stored=stored),
        Case("cp1252_semicolon", "puntajes.csv", with_scores(lambda r: None, encoding="cp1252"), stored=stored),
        Case("title_rows_above_header", "puntajes.csv",
             with_scores(lambda r: None, encoding="cp1252",
                         title=["CONTRALORÍA GENERAL DEL ESTADO", "Evaluación 2025 — puntajes", ""]),
             stored=stored),
        Case("messy_headers", "puntajes.csv", with_scores(lambda r: None, header=messy_header), stored=stored),
        Case("english_headers", "scores.csv", with_scores(point_decimal, header=english, sep=","), stored=stored),
        Case("tab_separated", "puntajes.tsv", with_scores(lambda r: None, sep="\t"), stored=stored),
        Case("trailing_empty_rows", "puntajes.csv", with_scores(lambda r: None, trailing=5), stored=stored),
        Case("lf_line_endings", "puntajes.csv", with_scores(lambda r: None, newline="\n"), stored=stored),
        Case("iso_dates", "puntajes.csv", with_scores(iso_dates), stored=stored),
        Case("lower_case_codes", "puntajes.csv", with_scores(lower_codes), stored=stored),
        Case("spelled_choices", "puntajes.csv", with_scores(spelled_choices), stored=stored),
        Case("quoted_separators_and_newlines", "puntajes.csv", quoted_newlines, stored={
            _score_key("DIGEMIG", "2025", "PLAN.2"): {"evidence": "Línea 1; con separador\r\nLínea 2, con \"comillas\""}}),
        Case("xlsx_with_title_and_types", "puntajes.xlsx", xlsx_scores, stored=stored),
        # Text that merely starts like a formula is plain text: stored as written, neutralised on export.
        Case("dash_and_plus_text", "puntajes.csv",
             with_scores(lambda r: (r[1].__setitem__(6, DASH_TEXT), r[3].__setitem__(6, PLUS_TEXT))), stored={
                 _score_key("DIGEMIG", "2025", "PLAN.2"): {"evidence": DASH_TEXT},
                 _score_key("DIGEMIG", "2025", "HERR.1"): {"evidence": PLUS_TEXT}}),
    ]


def accepted_demo_recommendations() -> list[tuple[str, str, int, date]]:
    """Two synthetic recommendations of the sample with an accepted schedule: (entity, report, number, a day
    after the schedule was filed). Only an accepted recommendation may be followed up (DIGEMIG's real ones
    are not: the report records no acceptance)."""
    import csv

    folder = Path(__file__).resolve().parents[2] / "data" / "sample" / "demo"
    with (folder / "cronograma.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["revision"] == "1"]
    picked = []
    for r in rows:
        filed = datetime.strptime(r["fecha_presentacion"], "%d/%m/%Y").date()
        picked.append((r["entidad"], r["informe"], int(r["numero"]), date.fromordinal(filed.toordinal() + 1)))
        if len(picked) == 2:
            return picked
    raise AssertionError("the demonstration set has no schedules")


def valid_other_cases() -> list[Case]:
    entities = csv_bytes(["Código entidad", "Nombre", "Sigla", "Sector", "Nivel de gobierno", "Departamento"], [
        ["GAM-ÑUÑOA", "Gobierno Autónomo Municipal de Ñuñoa", "GAMÑ", "Administración local", "Municipal", "Potosí"],
        ["MIN-CULT", "Ministerio de Culturas, Descolonización y Despatriarcalización", "", "Cultura",
         "central", ""],
    ], encoding="cp1252")
    framework_header = ["marco", "tipo", "codigo", "area", "nombre", "version", "peso", "escala_min",
                        "escala_max", "nivel", "limite_inferior", "limite_superior", "herramienta",
                        "estado_minimo", "grupo", "orden"]
    framework = [
        ["TEST-GE", "marco", "", "", "Marco de prueba", "1.0", "", "", "", "", "", "", "", "", "", ""],
        ["TEST-GE", "area", "A1", "", "Área uno", "", "2", "", "", "", "", "", "", "", "", "1"],
        ["TEST-GE", "criterio", "A1.1", "A1", "Criterio uno", "", "1,5", "0", "3", "", "", "", "", "", "", "1"],
        ["TEST-GE", "nivel", "A1.1", "", "Inicial", "", "", "", "", "1", "", "", "", "", "", ""],
        ["TEST-GE", "banda", "BAJA", "", "Baja", "", "", "", "", "", "0", "50", "", "", "", "1"],
        ["TEST-GE", "banda", "ALTA", "", "Alta", "", "", "", "", "", "50", "100", "", "", "", "2"],
        ["TEST-GE", "herramienta", "firma", "", "Firma digital", "", "", "", "", "", "", "", "", "", "", "1"],
        ["TEST-GE", "escalon", "", "", "Con firma", "", "", "", "", "1", "", "", "", "", "", ""],
        ["TEST-GE", "requisito", "", "", "Con firma", "", "", "", "", "1", "", "", "firma", "Plataforma", "1", ""],
    ]
    tools = csv_bytes(["entidad", "periodo", "marco", "herramienta", "estado", "tramites", "socios"], [
        ["DIGEMIG", "2025", "CGE-GE", "interoperabilidad", "Plataforma del Estado", "1.000",
         "SEGIP | FELCN (bilateral)"],
        ["DIGEMIG", "2025", "CGE-GE", "firma_digital", "propia", "3", ""],
    ])
    recs = csv_bytes(["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto", "fecha_limite"], [
        ["DIGEMIG", "2025", "CGE-GE", "K3/GP445/S25-G1", "Hallazgo", "1", "PLAN", "El PIIGE no tiene seguimiento.", ""],
        ["DIGEMIG", "2025", "CGE-GE", "K3/GP445/S25-G1", "Recomendación", "1", "PLAN", "Realizar el seguimiento.",
         "30/06/2026"],
    ])
    (e1, r1, n1, d1), (e2, r2, n2, d2) = accepted_demo_recommendations()
    follow = csv_bytes(["Entidad", "Informe", "Nº", "Fecha", "Estado", "Evidencia"], [
        [e1, r1, str(n1), d1.strftime("%d/%m/%Y"), "En proceso", "Nota de avance"],
        [e2, r2, str(n2), d2.isoformat(), "No aplicable", "La unidad fue suprimida"],
    ])
    return [
        Case("entities_cp1252", "entidades.csv", lambda: entities, kind="entidades", stored={
            ("entity", "GAM-ÑUÑOA"): {"name": "Gobierno Autónomo Municipal de Ñuñoa", "gov_level": "municipal",
                                      "acronym": "GAMÑ", "department": "Potosí"}}),
        Case("framework_small", "marco.csv", lambda: csv_bytes(framework_header, framework), kind="marco", stored={
            ("criterion", "TEST-GE", "A1.1"): {"weight": 1.5, "scale_max": 3.0, "area_code": "A1"},
            ("ladder_requirement", "TEST-GE", 1, 1, "firma"): {"min_status": "plataforma"}}),
        Case("tools_with_partners", "herramientas.csv", lambda: tools, kind="herramientas", stored={
            ("tool_adoption", "DIGEMIG", "2025", "CGE-GE", "interoperabilidad"): {"status": "plataforma",
                                                                                  "procedures_count": 1000},
            ("interop_partner", "DIGEMIG", "2025", "CGE-GE", "FELCN"): {"channel": "bilateral"},
            ("interop_partner", "DIGEMIG", "2025", "CGE-GE", "SEGIP"): {"channel": "plataforma"}}),
        Case("recommendations", "recomendaciones.csv", lambda: recs, kind="recomendaciones", stored={
            ("recommendation", "DIGEMIG", "K3/GP445/S25-G1", 1): {"area_code": "PLAN"},
            # A deadline in a recommendations file is the one a schedule already gave: its revision 1.
            ("implementation_schedule", "DIGEMIG", "K3/GP445/S25-G1", 1, 1): {"deadline": date(2026, 6, 30)},
            ("finding", "DIGEMIG", "2025", "CGE-GE", 1): {"text_es": "El PIIGE no tiene seguimiento."}}),
        Case("follow_up", "seguimiento.csv", lambda: follow, kind="seguimiento", stored={
            ("recommendation_status", e1, r1, n1, d1): {"status": "en_proceso"},
            ("recommendation_status", e2, r2, n2, d2): {"status": "no_aplicable"}}),
    ]


def _xlsx_bomb() -> bytes:
    """A real workbook with one member that inflates a thousandfold (30 MB of zeros)."""
    base = xlsx_bytes(SCORE_HEADER, SCORES)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/media/image1.png", b"\0" * (30 * 1024 * 1024))
    return out.getvalue()


def _big_file() -> bytes:
    row = ";".join(SCORES[0]).encode("utf-8") + b"\r\n"
    header = (";".join(SCORE_HEADER) + "\r\n").encode()
    return header + row * (50 * 1024 * 1024 // len(row) + 1)


def _broken_zip() -> bytes:
    return b"PK\x03\x04" + bytes(range(256)) * 40


def _xlsx_with_formula() -> bytes:
    """A workbook whose evidence cell is a live formula (written by openpyxl: no cached result)."""
    from openpyxl import load_workbook
    book = load_workbook(io.BytesIO(xlsx_bytes(SCORE_HEADER, SCORES)))
    book.active["G3"] = '=HYPERLINK("http://malo.example","clic")'
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_with_array_formula() -> bytes:
    from openpyxl import load_workbook
    from openpyxl.worksheet.formula import ArrayFormula
    book = load_workbook(io.BytesIO(xlsx_bytes(SCORE_HEADER, SCORES)))
    book.active["E2"] = ArrayFormula("E2", "=MAX(E3:E4)")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def broken_cases() -> list[Case]:
    header = ";".join(SCORE_HEADER).encode()
    return [
        Case("empty", "vacio.csv", lambda: b"", "empty", "vacío"),
        Case("only_bom_and_blank_lines", "vacio.csv", lambda: b"\xef\xbb\xbf\r\n\r\n  \r\n", "empty", "vacío"),
        Case("only_header", "puntajes.csv", lambda: header + b"\r\n", "no_rows", "solo tiene la fila de encabezados"),
        Case("header_and_empty_rows", "puntajes.csv", lambda: header + b"\r\n;;;;;;;;\r\n;;;;;;;;\r\n", "no_rows",
             "no hay datos"),
        Case("binary_data", "puntajes.csv", lambda: bytes(range(256)) * 64, "binary", "datos binarios"),
        Case("png_renamed", "puntajes.csv", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary", "datos binarios"),
        Case("old_xls", "puntajes.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "format",
             "«.xls» no se aceptan"),
        Case("old_xls_renamed_csv", "puntajes.csv", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
             "binary", "datos binarios"),
        Case("utf16", "puntajes.csv", lambda: csv_bytes(SCORE_HEADER, SCORES, sep="\t", encoding="utf-16"),
             "utf16", "UTF-16"),
        Case("undefined_cp1252_bytes", "puntajes.csv",
             lambda: header + b"\r\nDIGEMIG;2025;CGE-GE;PLAN.1;2;evaluado;caf\x81\x8d;X;12/12/2025\r\n",
             "encoding", "no está en UTF-8 ni en Windows-1252"),
        Case("no_header", "notas.csv", lambda: "Informe de la reunión\r\nSe acordó revisar.\r\n".encode(),
             "no_header", "No se encontró la fila de encabezados"),
        Case("missing_column", "puntajes.csv", with_scores(lambda r: [x.pop(2) for x in r],
                                                           header=[h for h in SCORE_HEADER if h != "marco"]),
             "missing_columns", "Faltan columnas obligatorias", rows=(1,)),
        Case("duplicate_column", "puntajes.csv", with_scores(lambda r: [x.append(x[0]) for x in r],
                                                             header=SCORE_HEADER + ["Código entidad"]),
             "duplicate_column", "son la misma", column="Código entidad"),
        Case("unknown_entity", "puntajes.csv", with_scores(_set(1, "entidad", "DIGEMIGG")), "unknown_entity",
             "no está registrada", rows=(3,), column="entidad"),
        Case("unknown_criterion", "puntajes.csv", with_scores(_set(3, "criterio", "HERR.9")), "unknown_criterion",
             "no existe en el marco", rows=(5,), column="criterio"),
        Case("unknown_framework", "puntajes.csv", with_scores(_set(0, "marco", "CGE-XX")), "unknown_framework",
             "no existe", rows=(2,), column="marco"),
        Case("score_above_scale", "puntajes.csv", with_scores(_set(0, "puntaje", "5")), "out_of_scale",
             "fuera de la escala", rows=(2,), column="puntaje"),
        Case("score_above_tool_scale", "puntajes.csv", with_scores(_set(3, "puntaje", "3,5")), "out_of_scale",
             "(0 a 3)", rows=(5,), column="puntaje"),
        Case("negative_score", "puntajes.csv", with_scores(_set(0, "puntaje", "-1")), "out_of_scale",
             "fuera de la escala", rows=(2,)),
        Case("score_not_number", "puntajes.csv", with_scores(_set(1, "puntaje", "alto")), "not_number",
             "no es un número", rows=(3,), column="puntaje"),
        Case("impossible_date", "puntajes.csv", with_scores(_set(0, "fecha_emision", "31/02/2025")), "not_date",
             "no es una fecha válida", rows=(2,), column="fecha_emision"),
        Case("us_date", "puntajes.csv", with_scores(_set(4, "fecha_emision", "03/15/2025")), "not_date",
             "no es una fecha válida", rows=(6,)),
        Case("missing_required_cell", "puntajes.csv", with_scores(_set(2, "entidad", "")), "required",
             "vacía y es obligatoria", rows=(4,), column="entidad"),
        Case("duplicate_row", "puntajes.csv", with_scores(lambda r: r.append(list(r[1]))), "duplicate_row",
             "repite la fila 3", rows=(8,)),
        Case("contradicting_rows", "puntajes.csv",
             with_scores(lambda r: r.append(r[1][:4] + ["1"] + r[1][5:])), "contradiction",
             "misma entidad, gestión, marco y criterio que la fila 3", rows=(8,)),
        Case("hyperlink_formula", "puntajes.csv",
             with_scores(_set(0, "evidencia", '=HYPERLINK("http://malo.example","clic")')), "formula",
             "parece una fórmula", rows=(2,), column="evidencia"),
        Case("formula_in_number", "puntajes.csv", with_scores(_set(0, "puntaje", "=1+1")), "formula",
             "parece una fórmula", rows=(2,), column="puntaje"),
        Case("dde_formula", "puntajes.csv", with_scores(_set(2, "evidencia", "@SUM(1+1)*cmd|' /C calc'!A0")),
             "formula", "fórmula", rows=(4,)),
        Case("xlsx_formula_cell", "puntajes.xlsx", _xlsx_with_formula, "formula", "parece una fórmula",
             rows=(3,), column="evidencia"),
        Case("xlsx_array_formula", "puntajes.xlsx", _xlsx_with_array_formula, "formula", "parece una fórmula",
             rows=(2,), column="puntaje"),
        Case("text_too_long", "puntajes.csv", with_scores(_set(0, "evidencia", "evidencia " * 1_200)), "too_long",
             "más de 10000 caracteres", rows=(2,), column="evidencia"),
        Case("bad_status", "puntajes.csv", with_scores(_set(0, "estado", "quizás")), "bad_choice",
             "no es un valor permitido", rows=(2,), column="estado"),
        Case("score_with_not_applicable", "puntajes.csv", with_scores(_set(5, "puntaje", "2")), "score_with_status",
             "«no_aplica»", rows=(7,)),
        Case("assessed_without_score", "puntajes.csv", with_scores(_set(1, "puntaje", "")), "score_missing",
             "no hay puntaje", rows=(3,)),
        Case("assessment_contradiction", "puntajes.csv", with_scores(_set(1, "informe", "K3/OTRO")),
             "assessment_contradiction", "difiere de la fila 2", rows=(3,), column="informe"),
        Case("decimal_comma_unquoted_in_comma_file", "puntajes.csv",
             lambda: b"entidad,periodo,marco,criterio,puntaje\r\nDIGEMIG,2025,CGE-GE,PLAN.1,2,5\r\n",
             "extra_cells", "a la derecha de la última columna", rows=(2,)),
        Case("unknown_tool", "herramientas.csv",
             lambda: csv_bytes(["entidad", "periodo", "marco", "herramienta", "estado"],
                               [["DIGEMIG", "2025", "CGE-GE", "telepatia", "plataforma"]]),
             "unknown_tool", "no existe en el marco", rows=(2,), column="herramienta"),
        Case("tools_not_integer", "herramientas.csv",
             lambda: csv_bytes(["entidad", "periodo", "marco", "herramienta", "estado", "tramites"],
                               [["DIGEMIG", "2025", "CGE-GE", "firma_digital", "plataforma", "2,5"]]),
             "not_integer", "no es un número entero", rows=(2,), column="tramites"),
        Case("tools_negative", "herramientas.csv",
             lambda: csv_bytes(["entidad", "periodo", "marco", "herramienta", "estado", "tramites"],
                               [["DIGEMIG", "2025", "CGE-GE", "firma_digital", "plataforma", "-3"]]),
             "negative", "no puede ser negativo", rows=(2,)),
        Case("recommendation_number_not_integer", "recomendaciones.csv",
             lambda: csv_bytes(["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto",
                                "fecha_limite"],
                               [["DIGEMIG", "2025", "CGE-GE", "K3/X", "recomendacion", "1a", "PLAN", "Hacer",
                                 "30/06/2026"]]),
             "not_integer", "no es un número entero", rows=(2,), column="numero"),
        Case("follow_up_future_date", "seguimiento.csv",
             lambda: csv_bytes(["entidad", "informe", "numero", "fecha", "estado", "evidencia"],
                               [["DIGEMIG", "K3/GP445/S24-G1", "1", "01/02/2099", "cumplida", "Nota"]]),
             "future_date", "es posterior a hoy", rows=(2,), column="fecha"),
        Case("follow_up_bad_status", "seguimiento.csv",
             lambda: csv_bytes(["entidad", "informe", "numero", "fecha", "estado"],
                               [["DIGEMIG", "K3/GP445/S24-G1", "1", "01/02/2025", "terminada"]]),
             "bad_choice", "no es un valor permitido", rows=(2,), column="estado"),
        Case("entity_missing_name", "entidades.csv",
             lambda: csv_bytes(["entidad", "nombre", "sector", "nivel"], [["X-1", "", "Salud", "central"]]),
             "required", "vacía y es obligatoria", rows=(2,), column="nombre"),
        Case("unknown_area", "recomendaciones.csv",
             lambda: csv_bytes(["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto",
                                "fecha_limite"],
                               [["DIGEMIG", "2025", "CGE-GE", "K3/X", "hallazgo", "1", "LEGAL", "Texto", ""]]),
             "unknown_area", "no existe en el marco", rows=(2,), column="area"),
        Case("follow_up_of_a_recommendation_not_accepted", "seguimiento.csv",
             lambda: csv_bytes(["entidad", "informe", "numero", "fecha", "estado", "evidencia"],
                               [["DIGEMIG", "K3/GP445/S24-G1", "1", "01/02/2025", "en_proceso", "Nota"]]),
             "followup_not_accepted", "sin aceptación registrada", rows=(2,), column="numero"),
        Case("unknown_recommendation", "seguimiento.csv",
             lambda: csv_bytes(["entidad", "informe", "numero", "fecha", "estado"],
                               [["DIGEMIG", "K3/GP445/S24-G1", "99", "01/02/2025", "cumplida"]]),
             "unknown_recommendation", "No existe la recomendación 99", rows=(2,)),
        Case("not_applicable_without_reason", "seguimiento.csv",
             lambda: csv_bytes(["entidad", "informe", "numero", "fecha", "estado"],
                               [["DIGEMIG", "K3/GP445/S24-G1", "1", "01/02/2025", "no_aplicable"]]),
             "evidence_required", "exige explicar por qué", rows=(2,)),
        Case("entity_bad_level", "entidades.csv",
             lambda: csv_bytes(["entidad", "nombre", "sector", "nivel"], [["X-1", "Entidad X", "Salud", "federal"]]),
             "bad_choice", "no es un valor permitido", rows=(2,), column="nivel"),
        Case("framework_band_overlap", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "codigo", "nombre", "limite_inferior", "limite_superior"],
                               [["CGE-GE", "banda", "EXTRA", "Extra", "60", "80"]]),
             "band_overlap", "se superpone", rows=(2,)),
        Case("framework_band_overlap_by_half_a_point", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "codigo", "nombre", "limite_inferior", "limite_superior"],
                               [["CGE-GE", "banda", "EXTRA", "Extra", "49,5", "50"]]),
             "band_overlap", "se superpone", rows=(2,)),
        Case("entity_zero_staff", "entidades.csv",
             lambda: csv_bytes(["entidad", "nombre", "sector", "nivel", "funcionarios"],
                               [["X-1", "Entidad X", "Salud", "central", "0"]]),
             "not_positive", "debe ser mayor que cero", rows=(2,), column="funcionarios"),
        Case("recommendation_number_zero", "recomendaciones.csv",
             lambda: csv_bytes(["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto"],
                               [["DIGEMIG", "2025", "CGE-GE", "K3/X", "hallazgo", "0", "PLAN", "Texto"]]),
             "not_positive", "debe ser mayor que cero", rows=(2,), column="numero"),
        Case("date_before_1900", "puntajes.csv", with_scores(_set(0, "fecha_emision", "31/12/1899")), "not_date",
             "no es una fecha válida", rows=(2,), column="fecha_emision"),
        Case("framework_band_outside", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "codigo", "nombre", "limite_inferior", "limite_superior"],
                               [["CGE-GE", "banda", "AVANZADO", "Avanzado", "75", "120"]]),
             "bad_band", "0 ≤ desde < hasta ≤ 100", rows=(2,)),
        Case("framework_criterion_unknown_area", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "codigo", "area", "nombre"],
                               [["CGE-GE", "criterio", "LEGAL.1", "LEGAL", "Normativa"]]),
             "unknown_area", "no existe en el marco CGE-GE", rows=(2,), column="area"),
        Case("framework_level_outside_scale", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "codigo", "nombre", "nivel"],
                               [["CGE-GE", "nivel", "HERR.1", "Excelente", "4"]]),
             "level_outside_scale", "fuera de la escala del criterio (0 a 3)", rows=(2,)),
        Case("framework_requirement_unknown_tool", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "nombre", "nivel", "herramienta", "estado_minimo", "grupo"],
                               [["CGE-GE", "requisito", "X", "1", "telepatia", "plataforma", "1"]]),
             "unknown_tool", "no existe en el marco", rows=(2,)),
        Case("framework_without_definition", "marco.csv",
             lambda: csv_bytes(["marco", "tipo", "codigo", "nombre"], [["NUEVO", "area", "A", "Área"]]),
             "unknown_framework_definition", "no tiene su fila de tipo «marco»", rows=(2,)),
        Case("fifty_megabytes", "grande.csv", _big_file, "too_big", "el máximo aceptado es 25 MB"),
        Case("xlsx_bomb", "bomba.xlsx", _xlsx_bomb, "xlsx_bomb", "se expande a un tamaño excesivo"),
        Case("xlsx_broken", "roto.xlsx", _broken_zip, "xlsx_broken", "dañado"),
    ]


def all_cases() -> list[Case]:
    return valid_score_cases() + valid_other_cases() + broken_cases()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "test-artifacts/corpus")
    target.mkdir(parents=True, exist_ok=True)
    for case in all_cases():
        (target / f"{case.name}--{case.file_name}").write_bytes(case.data)
    print(f"{len(all_cases())} files in {target}")
