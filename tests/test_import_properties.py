"""Property-based: whatever file comes in, the importer answers and never stores half of it.

Hypothesis throws generated files (random headers drawn from every kind's
columns and aliases, random cells) and mutated valid files (byte flips,
truncation, inserted bytes, dropped columns, swapped separators, other
encodings, random cells, duplicated and deleted rows, title rows, xlsx) at
``import_file`` on one sample database. For every file:

- it returns a result with a known status and never raises; a refusal never
  hides an internal error or a database error (those would be importer bugs);
- anything but "imported" leaves the content exactly as it was;
- "imported" stored the whole file (re-checking the file finds every row it
  writes already stored, identical), the batch record and its change log
  agree, and undoing the batch restores the data tables exactly.

The database is shared by the module (undo keeps it at the baseline), and the
content is compared through per-table row-hash sums, so an example costs
milliseconds when refused and ~0.2 s when imported.
"""

from __future__ import annotations

import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from egov.storage import db
from egov.ingest import STATUSES, import_file, undo
from egov.kinds import KINDS
from tests.corpus.build import SCORE_HEADER, SCORES, accepted_demo_recommendations
from tests.corpus.helpers import batch_is_whole, content_digest, data_digest, file_is_wholly_stored

EXAMPLES = {"generated": 420, "mutated": 600}
SEEN: dict[str, int] = {"generated": 0, "mutated": 0, "imported": 0, "refused": 0}
BUG_CODES = {"internal_error", "write_error", "store_error"}

BASES: list[tuple[str, list[str], list[list[str]]]] = [
    ("puntajes.csv", SCORE_HEADER, [list(r) for r in SCORES]),
    ("herramientas.csv", ["entidad", "periodo", "marco", "herramienta", "estado", "tramites", "alcance", "socios"], [
        ["DIGEMIG", "2025", "CGE-GE", "interoperabilidad", "plataforma", "12", "Consultas", "SEGIP | FELCN (bilateral)"],
        ["DIGEMIG", "2025", "CGE-GE", "firma_digital", "propia", "3", "", ""],
        ["SEGIP", "2025", "CGE-GE", "pagos_electronicos", "ninguna", "0", "", ""],
    ]),
    ("entidades.csv", ["entidad", "nombre", "sigla", "sector", "nivel", "departamento"], [
        ["GAM-ÑUÑOA", "Gobierno Autónomo Municipal de Ñuñoa", "GAMÑ", "Administración local", "municipal", "Potosí"],
        ["MIN-CULT", "Ministerio de Culturas", "", "Cultura", "central", ""],
    ]),
    ("recomendaciones.csv", ["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto",
                             "fecha_limite"], [
        ["DIGEMIG", "2025", "CGE-GE", "K3/GP445/S25-G1", "hallazgo", "1", "PLAN", "Sin seguimiento.", ""],
        ["DIGEMIG", "2025", "CGE-GE", "K3/GP445/S25-G1", "recomendacion", "1", "PLAN", "Hacer el seguimiento.",
         "30/06/2026"],
    ]),
    # Follow-up of two accepted, scheduled synthetic recommendations (DIGEMIG's real ones have no acceptance).
    ("seguimiento.csv", ["entidad", "informe", "numero", "fecha", "estado", "evidencia"], [
        [e, r, str(n), d.strftime("%d/%m/%Y"), status, text] for (e, r, n, d), status, text in
        zip(accepted_demo_recommendations(), ("en_proceso", "no_aplicable"), ("Nota de avance", "Unidad suprimida"))
    ]),
    ("marco.csv", ["marco", "tipo", "codigo", "area", "nombre", "peso", "escala_min", "escala_max", "nivel",
                   "limite_inferior", "limite_superior", "herramienta", "estado_minimo", "grupo", "orden"], [
        ["PROP-GE", "marco", "", "", "Marco de prueba", "", "", "", "", "", "", "", "", "", ""],
        ["PROP-GE", "area", "A1", "", "Área uno", "2", "", "", "", "", "", "", "", "", "1"],
        ["PROP-GE", "criterio", "A1.1", "A1", "Criterio uno", "1,5", "0", "3", "", "", "", "", "", "", "1"],
        ["PROP-GE", "nivel", "A1.1", "", "Inicial", "", "", "", "1", "", "", "", "", "", ""],
        ["PROP-GE", "banda", "BAJA", "", "Baja", "", "", "", "", "0", "50", "", "", "", "1"],
        ["PROP-GE", "banda", "ALTA", "", "Alta", "", "", "", "", "50", "100", "", "", "", "2"],
        ["PROP-GE", "herramienta", "firma", "", "Firma digital", "", "", "", "", "", "", "", "", "", "1"],
        ["PROP-GE", "escalon", "", "", "Con firma", "", "", "", "1", "", "", "", "", "", ""],
        ["PROP-GE", "requisito", "", "", "Con firma", "", "", "", "1", "", "", "firma", "plataforma", "1", ""],
    ]),
]

# Cells that have broken importers before: formulas, separators, quotes, odd numbers and dates, codes.
TRICKY = ["", " ", "=1+1", '=HYPERLINK("http://x","y")', "@SUM(1)", "-SUM(A1)", "+1", "-1", "-0", "0", "4",
          "5", "2,5", "2.5", "1.000", "1,000", "1e3", "1e400", "NaN", "inf", "abc", "31/02/2025", "03/15/2025",
          "2025-13-01", "12/12/2025", "2025-12-12", "01/01/1899", '"', '""', ";", ",", "\t", "\n", "\r\n",
          "Ñandú", "€ “x” – y", "\u00a0", "evaluado", "desconocido", "no_aplica", "plataforma", "propia",
          "pendiente", "cumplida", "no aplica", "hallazgo", "recomendacion", "municipal", "central",
          "DIGEMIG", "digemig", "SEGIP", "CGE-GE", "cge-ge", "PLAN", "PLAN.1", "HERR.1", "firma_digital",
          "interoperabilidad", "K3/GP445/S24-G1", "2024", "2025", "1", "2", "3", "99", "x" * 300,
          "FELCN | SEGIP (plataforma) | FELCN"]

cells = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12),
                  st.integers(-5, 10_000).map(str), st.floats(allow_nan=True, allow_infinity=True, width=32).map(str))

ALL_HEADERS = sorted({name for kind in KINDS.values() for c in kind.columns for name in (c.name, *c.aliases)}
                     | {"Entidad", "GESTIÓN ", "Código criterio", "N° informe", "Observación", "columna_extra"})
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-8-sig"]
SEPARATORS = [";", ",", "\t", "|"]


def to_csv(header, rows, *, sep=";", encoding="utf-8-sig", quote_all=False, title=0, trailing=0) -> bytes:
    import csv
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n",
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for i in range(title):
        writer.writerow([f"Título {i}"])
    writer.writerow(header)
    writer.writerows(rows)
    for _ in range(trailing):
        writer.writerow([""] * len(header))
    return out.getvalue().encode(encoding, errors="replace")


def to_xlsx(header, rows, *, title=0) -> bytes:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    for i in range(title):
        sheet.append([f"Título {i}"])
    for row in [header, *rows]:
        # Strings only, and no control characters openpyxl refuses: the text is what is tested.
        sheet.append(["".join(ch for ch in v if ch >= " " or ch in "\t\n\r") for v in row])
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return without_timestamps(out.getvalue())


FIXED_STAMP = "2025-01-01T00:00:00Z"


def without_timestamps(data: bytes) -> bytes:
    """The workbook with its save time taken out, so one draw always gives the same bytes.

    openpyxl stamps the save time in docProps/core.xml and in every zip member's
    header; a file that changes between hypothesis's replays of one example makes
    it report the strategy as flaky (the byte mutations draw positions in the file).
    """
    import re
    import zipfile
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_STAMP.encode(), body)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0)), body,
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@st.composite
def table_mutations(draw, header: list[str], rows: list[list[str]]):
    """A valid table with a few structural changes."""
    header, rows = list(header), [list(r) for r in rows]
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["cell", "cell", "drop_column", "dup_row", "del_row", "rename", "short_row",
                                   "long_row"]))
        if op == "cell" and rows:
            r, c = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, len(header) - 1))
            if c < len(rows[r]):
                rows[r][c] = draw(cells)
        elif op == "drop_column" and len(header) > 1:
            c = draw(st.integers(0, len(header) - 1))
            header.pop(c)
            for row in rows:
                if c < len(row):
                    row.pop(c)
        elif op == "dup_row" and rows:
            rows.append(list(rows[draw(st.integers(0, len(rows) - 1))]))
        elif op == "del_row" and rows:
            rows.pop(draw(st.integers(0, len(rows) - 1)))
        elif op == "rename":
            c = draw(st.integers(0, len(header) - 1))
            header[c] = draw(st.sampled_from([header[c].upper(), f" {header[c]} ", *ALL_HEADERS]))
        elif op == "short_row" and rows:
            r = draw(st.integers(0, len(rows) - 1))
            rows[r] = rows[r][:draw(st.integers(0, len(rows[r])))]
        elif op == "long_row" and rows:
            rows[draw(st.integers(0, len(rows) - 1))].append(draw(cells))
    return header, rows


@st.composite
def serialised(draw, header, rows, file_name):
    """The table as bytes: CSV in some encoding and separator, or a workbook."""
    title, trailing = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    if draw(st.integers(0, 9)) == 0:
        return to_xlsx(header, rows, title=title), file_name.replace(".csv", ".xlsx")
    data = to_csv(header, rows, sep=draw(st.sampled_from(SEPARATORS)), encoding=draw(st.sampled_from(ENCODINGS)),
                  quote_all=draw(st.booleans()), title=title, trailing=trailing)
    return data, file_name


@st.composite
def byte_mutations(draw, data: bytes):
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if not data:
            break
        # A position as a share of the length: the draws never depend on how long the file came out.
        at = min(int(draw(st.floats(0, 1, exclude_max=True)) * len(data)), len(data) - 1)
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at:at + draw(st.integers(1, 16))]
    return bytes(data)


@st.composite
def mutated_files(draw):
    file_name, header, rows = draw(st.sampled_from(BASES))
    header, rows = draw(table_mutations(header, rows))
    data, file_name = draw(serialised(header, rows, file_name))
    if draw(st.booleans()):
        data = draw(byte_mutations(data))
    return data, file_name


@st.composite
def generated_files(draw):
    header = draw(st.lists(st.sampled_from(ALL_HEADERS), min_size=1, max_size=10))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(header) + 1), max_size=6))
    data, file_name = draw(serialised(header, rows, draw(st.sampled_from(["datos.csv", "x.txt", "p.tsv"]))))
    if draw(st.integers(0, 4)) == 0:
        data = draw(byte_mutations(data))
    return data, file_name


@pytest.fixture(scope="module")
def con(sample_db_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("properties") / "egov.duckdb"
    shutil.copy(sample_db_file, path)
    connection = db.connect(path)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def baseline(con):
    return content_digest(con)


def import_and_check(con, baseline, data: bytes, file_name: str, confirm: bool) -> None:
    result = import_file(con, data, file_name, user="propiedades", role="admin", confirm_changes=confirm)
    assert result.status in STATUSES
    bugs = [p for p in result.problems if p.code in BUG_CODES]
    assert not bugs, [(p.code, p.value) for p in bugs]
    if result.status != "imported":
        SEEN["refused"] += 1
        assert result.batch_id is None or result.status == "already_imported"
        assert all(p.problem_es and p.fix_es for p in result.problems)
        assert content_digest(con) == baseline, f"{result.status} changed the database"
        return
    SEEN["imported"] += 1
    assert batch_is_whole(con, result.batch_id)
    whole, why = file_is_wholly_stored(con, data, file_name)
    assert whole, why
    rows_total = con.execute("SELECT rows_total FROM import_batch WHERE batch_id = ?",
                             [result.batch_id]).fetchall()[0][0]
    assert rows_total == result.plan.total
    undo(con, result.batch_id, user="propiedades", role="admin")
    assert data_digest(con) == {t: v for t, v in baseline.items() if t not in
                                ("import_batch", "batch_change", "audit_log")}
    baseline.update({t: v for t, v in content_digest(con).items() if t in ("import_batch", "batch_change",
                                                                            "audit_log")})


SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


# A thousand files take 2-4 minutes on an idle machine but up to half an hour on a loaded one: the
# suite-wide timeout (600 s) is there to catch a hang, and for these two a hang is far longer.
PROPERTY_TIMEOUT = pytest.mark.timeout(2400)


@PROPERTY_TIMEOUT
@settings(max_examples=EXAMPLES["mutated"], **SETTINGS)
@given(file=mutated_files(), confirm=st.booleans())
def test_mutated_valid_files_are_imported_whole_or_refused_without_a_trace(con, baseline, file, confirm):
    SEEN["mutated"] += 1
    import_and_check(con, baseline, *file, confirm)


@PROPERTY_TIMEOUT
@settings(max_examples=EXAMPLES["generated"], **SETTINGS)
@given(file=generated_files(), confirm=st.booleans())
def test_generated_files_are_imported_whole_or_refused_without_a_trace(con, baseline, file, confirm):
    SEEN["generated"] += 1
    import_and_check(con, baseline, *file, confirm)


def test_at_least_a_thousand_files_were_thrown_and_both_outcomes_happened():
    if SEEN["mutated"] + SEEN["generated"] == 0:
        pytest.skip("run with the two property tests above")
    assert SEEN["mutated"] + SEEN["generated"] >= 1_000, SEEN
    assert SEEN["imported"] >= 50 and SEEN["refused"] >= 300, SEEN
