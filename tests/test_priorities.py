"""Priorities (egov.priorities and `egov prioridades`), worked out by hand on three entities.

A: assessed 2023 (index 50) and 2024 (index 25), issued 01/06/2024, no recommendation.
B: assessed 2024 (index 75), issued 01/06/2024, five recommendations past their deadline (31/12/2024).
C: in the register, never assessed nor supervised.
None has a criticality group (migration 011) unless a test gives one: the factor adds 0 but its default
weight 2 stays in the sum of weights (12).
Read on 01/06/2025: A's and B's last supervision was 365 days before.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from itertools import count

import pandas as pd
import pytest
from click.testing import CliRunner

from egov import kinds, priorities
from egov.cli import main
from egov.storage import db, store

_files = count(1)
AS_OF = date(2025, 6, 1)
YEARS = 365 / 365.25                 # A's and B's time since the last supervision
TIME = YEARS / 4                     # its factor (4 years = 1)


def write(con, kind: str, rows: list[dict]) -> int:
    frames = kinds.to_tables(kind, pd.DataFrame(rows), recorded_by="tester")
    digest = hashlib.sha256(f"{kind}-{next(_files)}-{rows!r}".encode()).hexdigest()
    return store.write_batch(con, store.BatchInfo(kind, f"{kind}.csv", digest), frames)


@pytest.fixture
def store_path(new_store):
    c = db.connect(new_store)
    try:
        write(c, "marco", [
            {"marco": "FW", "tipo": "marco", "nombre": "FW", "version": "1"},
            {"marco": "FW", "tipo": "banda", "codigo": "B", "nombre": "B", "limite_inferior": 0,
             "limite_superior": 100, "orden": 1},
            {"marco": "FW", "tipo": "area", "codigo": "PLAN", "nombre": "Planificación", "peso": 1, "orden": 1},
            {"marco": "FW", "tipo": "criterio", "codigo": "PLAN1", "area": "PLAN", "nombre": "P", "peso": 1,
             "escala_min": 0, "escala_max": 4, "orden": 1}])
        write(c, "entidades", [{"entidad": e, "nombre": f"Entidad {e}", "sector": "Salud", "nivel": "central"}
                               for e in ("A", "B", "C")])
        for entity, period, score, issued in (("A", "2023", 2, date(2023, 6, 1)), ("A", "2024", 1, date(2024, 6, 1)),
                                              ("B", "2024", 3, date(2024, 6, 1))):
            write(c, "puntajes", [{"entidad": entity, "gestion": period, "marco": "FW", "criterio": "PLAN1",
                                   "puntaje": score, "informe": f"{entity}-{period}", "fecha_emision": issued}])
        write(c, "recomendaciones", [
            {"entidad": "B", "gestion": "2024", "marco": "FW", "informe": "B-2024", "tipo": "recomendacion",
             "numero": n, "area": "PLAN", "texto": f"Recomendación {n}", "fecha_limite": date(2024, 12, 31)}
            for n in range(1, 6)])
        c.execute("CHECKPOINT")
    finally:
        c.close()
    return new_store


def ranked(path, **weights) -> pd.DataFrame:
    c = db.connect(path)
    try:
        cur = c.cursor()
        return priorities.priorities(cur, "FW", "2024", as_of=AS_OF, weights=weights)
    finally:
        c.close()


def test_factors_are_read_from_the_record_as_documented(store_path):
    rows = ranked(store_path).set_index("entity_code")
    # A: maturity 1 − (25 + 25)/200 = 0.75; fall 50 − 25 = 25 points ≥ 20 → 1; time 365/365.25/4.
    assert rows.loc["A", "f_madurez"] == pytest.approx(0.75) and rows.loc["A", "fall"] == 25
    assert rows.loc["A", "f_caida"] == 1 and rows.loc["A", "f_tiempo"] == pytest.approx(TIME)
    # B: maturity 1 − 150/200 = 0.25; five overdue → 1; no previous round → no fall.
    assert rows.loc["B", "f_madurez"] == pytest.approx(0.25) and rows.loc["B", "overdue"] == 5
    assert rows.loc["B", "f_vencidas"] == 1 and pd.isna(rows.loc["B", "fall"]) and rows.loc["B", "f_caida"] == 0
    # C: never supervised → time factor 1; nothing known about its maturity → 0.
    assert rows.loc["C", "never_supervised"] and rows.loc["C", "f_tiempo"] == 1 and rows.loc["C", "f_madurez"] == 0
    for code in "ABC":
        shares = [rows.loc[code, f"share_{f}"] for f in priorities.FACTORS]
        assert sum(shares) == pytest.approx(1)


def test_default_weights_rank_as_the_hand_computation(store_path):
    # Weights sum 12 (madurez 3, caida 1, vencidas 2, tiempo 2, limitaciones 1, ciudadania 1, criticidad 2):
    # A = 100 × (3×0.75 + 1×1 + 2×TIME)/12 = 31.2472; B = 100 × (3×0.25 + 2×1 + 2×TIME)/12 = 27.0805;
    # C = 100 × 2×1/12 = 16.67. No criticality recorded: it adds 0 to each.
    rows = ranked(store_path)
    assert rows["entity_code"].tolist() == ["A", "B", "C"]
    assert rows["priority"].tolist() == pytest.approx([100 * (2.25 + 1 + 2 * TIME) / 12,
                                                       100 * (0.75 + 2 + 2 * TIME) / 12, 100 * 2 / 12])
    # A's share of maturity: 2.25 / (2.25 + 1 + 2×TIME).
    assert rows.iloc[0]["share_madurez"] == pytest.approx(2.25 / (3.25 + 2 * TIME))
    assert rows.iloc[0]["reason"].startswith("Puesto 1 de 3 (prioridad 31,2): pesan sobre todo la baja madurez")
    assert all(r.endswith("Criticidad no registrada: no suma ni se supone baja.") for r in rows["reason"])
    assert "5 recomendaciones con plazo vencido" in rows.iloc[1]["reason"]
    assert "nunca fue supervisada" in rows.iloc[2]["reason"]


def test_taking_the_fall_out_puts_the_entity_with_overdue_recommendations_first(store_path):
    # caida = 0 (weights sum 11): B = 100 × (0.75 + 2 + 2×TIME)/11 = 29.54 > A = 100 × (2.25 + 2×TIME)/11 = 25.00
    # > C = 18.18.
    rows = ranked(store_path, caida=0)
    assert rows["entity_code"].tolist() == ["B", "A", "C"]
    assert rows["priority"].tolist() == pytest.approx([100 * (2.75 + 2 * TIME) / 11, 100 * (2.25 + 2 * TIME) / 11,
                                                       100 * 2 / 11])


def test_a_heavy_time_weight_puts_the_never_supervised_entity_first(store_path):
    # tiempo = 8 (weights sum 18): C = 100 × 8/18 = 44.4 > A = 100 × (2.25 + 1 + 8×TIME)/18 = 29.2
    # > B = 100 × (0.75 + 2 + 8×TIME)/18 = 26.4.
    rows = ranked(store_path, tiempo=8)
    assert rows["entity_code"].tolist() == ["C", "A", "B"]
    assert rows.iloc[0]["priority"] == pytest.approx(800 / 18)


def give_criticality(path, groups: dict[str, str | None]) -> None:
    """Re-import the register with a criticality group per entity (None = left empty)."""
    c = db.connect(path)
    try:
        write(c, "entidades", [{"entidad": e, "nombre": f"Entidad {e}", "sector": "Salud", "nivel": "central",
                                "grupo_criticidad": g} for e, g in groups.items()])
        c.execute("CHECKPOINT")
    finally:
        c.close()


def test_the_criticality_weight_moves_the_order_as_the_hand_computation(store_path):
    # B alta (factor 1), C baja (1/3), A not recorded (0). Default weights (sum 12):
    # B = 100 × (0.75 + 2 + 2×TIME + 2×1)/12 = 43.75 > A = 100 × (3.25 + 2×TIME)/12 = 31.25
    # > C = 100 × (2 + 2×1/3)/12 = 22.22.
    give_criticality(store_path, {"A": None, "B": "alta", "C": "baja"})
    rows = ranked(store_path).set_index("entity_code")
    assert rows.index.tolist() == ["B", "A", "C"]
    assert rows["f_criticidad"].tolist() == pytest.approx([1.0, 0.0, 1 / 3])
    assert rows["priority"].tolist() == pytest.approx([100 * (4.75 + 2 * TIME) / 12, 100 * (3.25 + 2 * TIME) / 12,
                                                       100 * (2 + 2 / 3) / 12])
    # B's share of criticality: 2 / (0.75 + 2 + 2×TIME + 2); it ties with its overdue recommendations.
    assert rows.loc["B", "share_criticidad"] == pytest.approx(2 / (4.75 + 2 * TIME))
    assert "la criticidad alta que le asignó la institución (38 %)" in rows.loc["B", "reason"]
    assert "que nunca fue supervisada (75 %) y la criticidad baja que le asignó la institución (25 %)" \
        in rows.loc["C", "reason"]
    assert rows.loc["A", "reason"].endswith("Criticidad no registrada: no suma ni se supone baja.")
    assert not rows.loc["B", "reason"].endswith("no se supone baja.")
    # criticidad = 0 (sum 10): A = 37.50 > B = 32.50 > C = 20, the order without the factor.
    off = ranked(store_path, criticidad=0)
    assert off["entity_code"].tolist() == ["A", "B", "C"]
    assert off["priority"].tolist() == pytest.approx([100 * (3.25 + 2 * TIME) / 10, 100 * (2.75 + 2 * TIME) / 10,
                                                      20.0])
    assert not any("Criticidad no registrada" in r for r in off["reason"])
    # criticidad = 6 (sum 16): B = 100 × (2.75 + 2×TIME + 6)/16 = 57.81 > C = 100 × (2 + 6/3)/16 = 25
    # > A = 100 × (3.25 + 2×TIME)/16 = 23.43: a «baja» adds a third of the weight, an unknown adds nothing.
    heavy = ranked(store_path, criticidad=6)
    assert heavy["entity_code"].tolist() == ["B", "C", "A"]
    assert heavy["priority"].tolist() == pytest.approx([100 * (8.75 + 2 * TIME) / 16, 25.0,
                                                        100 * (3.25 + 2 * TIME) / 16])


@pytest.mark.both_backends
def test_the_criticality_group_is_checked_on_import_and_kept_apart_from_unknown(new_store):
    from egov.ingest import import_file
    c = db.connect(new_store)
    try:
        bad = ("entidad,nombre,sector,nivel,grupo_criticidad\n"
               "A,Entidad A,Salud,central,Alto\nB,Entidad B,Salud,central,muy alta\nC,Entidad C,Salud,central,\n")
        result = import_file(c, bad.encode(), "entidades.csv")
        assert result.status != "imported"
        problems = list(result.problems)
        assert [(p.row, p.column, p.value, p.code) for p in problems] == [(3, "grupo_criticidad", "muy alta",
                                                                           "bad_choice")]
        assert "alta, media, baja" in problems[0].fix_es
        assert c.execute("SELECT count(*) FROM entity").fetchall()[0][0] == 0  # all or nothing
        good = bad.replace("muy alta", "baja")
        assert import_file(c, good.encode(), "entidades.csv").status == "imported"
        stored = dict(c.execute("SELECT entity_code, criticality FROM entity ORDER BY 1").fetchall())
        assert stored == {"A": "alta", "B": "baja", "C": None}  # «Alto» read as alta; empty stays unknown
    finally:
        c.close()


def test_bad_weights_are_refused_in_spanish():
    with pytest.raises(priorities.PriorityError, match="No existe el factor «urgencia»"):
        priorities.Weights.of({"urgencia": 1})
    with pytest.raises(priorities.PriorityError, match="mayor o igual que cero"):
        priorities.Weights.of({"tiempo": -1})
    with pytest.raises(priorities.PriorityError, match="Todos los pesos son cero"):
        priorities.Weights.of({f: 0 for f in priorities.FACTORS})


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="egov")


def test_the_command_prints_every_factor_and_follows_a_changed_weight(store_path):
    shown = run("--db", str(store_path), "prioridades", "--fecha", "01/06/2025", "--format", "json")
    assert shown.exit_code == 0, shown.output
    rows = json.loads(shown.output)
    assert [r["entidad"] for r in rows] == ["A", "B", "C"]
    for f in priorities.FACTORS:
        assert f"factor_{f}" in rows[0] and f"parte_{f}" in rows[0]
    assert rows[2]["nunca_supervisada"] is True and rows[2]["ultima_supervision"] is None
    moved = json.loads(run("--db", str(store_path), "prioridades", "--fecha", "2025-06-01", "--peso", "caida=0",
                           "--format", "json").output)
    assert [r["entidad"] for r in moved] == ["B", "A", "C"]
    table = run("--db", str(store_path), "prioridades", "--fecha", "01/06/2025")
    assert table.exit_code == 0 and "Madurez" in table.output and "A: Puesto 1 de 3" in table.output
    refused = CliRunner().invoke(main, ["--db", str(store_path), "prioridades", "--peso", "urgencia=1"],
                                 prog_name="egov")
    assert refused.exit_code != 0 and "No existe el factor" in refused.output


# --- the page (AppTest, sample data) ------------------------------------------------------------------------


def _core(path, **weights) -> pd.DataFrame:
    from egov import scoring
    c = db.connect(path)
    try:
        cur = c.cursor()
        fw = scoring.default_framework(cur)
        return priorities.priorities(cur, fw, scoring.periods(cur, fw)[0], as_of=date.today(), weights=weights)
    finally:
        c.close()


def test_the_page_lists_every_entity_as_the_core_ranks_it_and_follows_a_slider(sample_db, use_db):
    from streamlit.testing.v1 import AppTest
    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    at.switch_page("views/prioridades.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Prioridades de supervisión"
    expected = _core(sample_db)
    table = at.dataframe[0].value
    assert len(table) == len(expected)
    assert table["Entidad"].iloc[0] == (expected.iloc[0]["acronym"] or expected.iloc[0]["entity_code"])
    assert table["Por qué"].iloc[0] == expected.iloc[0]["reason"]
    # The sample's follow-up and most assessments are synthetic: the page says so.
    assert expected["is_synthetic"].any()
    assert any(m.value.startswith(":orange-badge[") and "Datos de demostración" in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 1
    at.slider(key="prio_weight_madurez").set_value(0.0).run()
    at.slider(key="prio_weight_tiempo").set_value(5.0).run()
    assert not at.exception, at.exception
    moved = _core(sample_db, madurez=0.0, tiempo=5.0)
    assert at.dataframe[0].value["Por qué"].tolist() == moved["reason"].tolist()
    assert moved["entity_code"].tolist() != expected["entity_code"].tolist()


def test_the_excel_export_holds_every_factor_its_share_and_the_weights(store_path):
    import io

    from openpyxl import load_workbook

    from egov.export import tables
    from egov.ui import priorities_view
    rows = ranked(store_path, caida=0)
    data = tables.to_xlsx_bytes(priorities_view.export_frame(rows, "es"), "prioridades",
                                notes=priorities_view.notes("2024", AS_OF, priorities.Weights.of({"caida": 0}).values,
                                                            False, "es"))
    book = load_workbook(io.BytesIO(data))
    sheet = book["prioridades"]
    header = [c.value for c in sheet[1]]
    assert {f"factor_{f}" for f in priorities.FACTORS} <= set(header)
    assert [sheet.cell(row=r, column=header.index("entidad") + 1).value for r in (2, 3, 4)] == ["B", "A", "C"]
    assert sheet.cell(row=3, column=header.index("ultima_supervision") + 1).value == "01/06/2024"
    notes = " ".join(str(c.value) for row in book.worksheets[1].iter_rows() for c in row if c.value)
    assert "caida = 0,0" in notes and "al 01/06/2025" in notes


def test_on_the_sample_every_factor_is_a_column_and_digemig_reads_as_its_report(sample_db):
    import csv
    import io
    shown = run("--db", str(sample_db), "prioridades", "--period", "2024", "--format", "csv")
    assert shown.exit_code == 0, shown.output
    rows = list(csv.DictReader(io.StringIO(shown.output)))
    assert len(rows) == 52  # every entity of the register, the ten never assessed too
    assert {f"factor_{f}" for f in priorities.FACTORS} | {f"parte_{f}" for f in priorities.FACTORS} <= set(rows[0])
    digemig = next(r for r in rows if r["entidad"] == "DIGEMIG")
    # The real report: index 46.92, one scope limitation, recommendations never accepted (so none overdue).
    assert (digemig["indice"], digemig["limitaciones"], digemig["vencidas"], digemig["sintetico"]) == \
        ("46.92", "1.0", "0", "False")
    assert [int(r["posicion"]) for r in rows] == list(range(1, 53))
    table = run("--db", str(sample_db), "prioridades", "--period", "2024")
    assert "datos sintéticos de demostración" in table.output
