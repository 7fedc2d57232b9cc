"""The supervision record (issue 13): DIGEMIG as the report says, the life cycle's rules, the upgrade.

Real DuckDB files: the sample database built by the real importer, and a store made by the previous
version (tests/data/store_v002, exported from a database built with migrations 001–002 only).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from egov import followup, record, sample, scoring
from egov.ingest import import_file
from egov.storage import db, sql, store

DIGEMIG = "DIGEMIG"
REPORT = "K3/GP445/S24-G1"
OLD_STORE = Path(__file__).parent / "data" / "store_v002"
QUOTE = re.compile(r"«([^«»]+)»")


# --- DIGEMIG, faithfully -----------------------------------------------------------------------

def test_digemig_report_is_stored_with_its_own_objective_object_and_results(sample_con):
    cur = sample_con.cursor()
    found = record.report(cur, DIGEMIG, REPORT)
    assert found is not None and not found.is_synthetic
    assert found.objective.startswith("Evaluar las acciones realizadas por la Dirección General de Migración")
    assert "Ciudadanía" in found.objective and "Electrónico" in found.objective
    assert "para el periodo 2021 — 2025" in found.object and "ejecuta o presta" in found.object
    assert found.reference.startswith("Supervisión a las acciones realizadas para mejorar los trámites")
    assert found.issue_date == date(2024, 12, 12)
    # The scope limitation and the effects survive in the results as issued.
    assert list(found.results["area_code"]) == ["PLAN", "ORG", "INFRA", "PROC", "HERR"]
    assert "pese a la solicitud realizada" in found.text()
    assert "dilución de responsabilidades" in found.text()
    # Only OCR artefacts were corrected.
    for artefact in ("Electrénico", "gjecuta", "Ciudania", "propoésito", "disefio", "dilucidon", " Ila "):
        assert artefact not in found.text()


def test_every_quoted_sentence_of_digemigs_evidence_appears_in_the_stored_report(sample_con):
    cur = sample_con.cursor()
    text = record.report(cur, DIGEMIG, REPORT).text()
    evidence = sample_con.execute(
        "SELECT criterion_code, status, evidence FROM criterion_score WHERE entity_code = ?", [DIGEMIG]).fetchall()
    evidence += sample_con.execute(
        "SELECT tool_code, status, evidence FROM tool_adoption WHERE entity_code = ?", [DIGEMIG]).fetchall()
    quoted = 0
    for code, status, text_of in evidence:
        quotes = QUOTE.findall(text_of or "")
        if status in ("evaluado", "limitacion") or code in ("firma_digital", "interoperabilidad"):
            assert quotes, (code, text_of)  # every score is justified by the report's own words
        for quote in quotes:
            assert quote in text, (code, quote)
            quoted += 1
    assert quoted >= 15


def test_digemig_scores_agree_with_the_report_and_silence_is_unknown(sample_con):
    rows = dict((c, (s, v)) for c, s, v in sample_con.execute(
        "SELECT criterion_code, status, score FROM criterion_score WHERE entity_code = ?", [DIGEMIG]).fetchall())
    # No articulation with the PEI in force, no follow-up, no formal procedures, no consistent name: 0.
    for code in ("PLAN.2", "PLAN.4", "ORG.3", "ORG.4", "INFRA.3"):
        assert rows[code] == ("evaluado", 0.0), code
    # Approved but outdated (descriptor of level 2).
    for code in ("PLAN.1", "PROC.1", "PROC.2"):
        assert rows[code] == ("evaluado", 2.0), code
    # Where the report is silent, unknown.
    for code in ("PLAN.3", "INFRA.1", "INFRA.5", "PROC.3", "PROC.4"):
        assert rows[code] == ("desconocido", None), code
    # The PISI is a scope limitation: neither a 0 nor unknown, with the request recorded.
    assert rows["INFRA.4"] == ("limitacion", None)
    limits = record.limitations(sample_con.cursor(), DIGEMIG)
    assert list(limits["criterion_code"]) == ["INFRA.4"] and "solicitado" in limits.iloc[0]["request_note"]


def test_a_scope_limitation_is_left_out_of_the_index_and_lowers_coverage(sample_con):
    cur = sample_con.cursor()
    areas = scoring.area_scores(cur, "CGE-GE", "2024")
    infra = areas[(areas["entity_code"] == DIGEMIG) & (areas["area_code"] == "INFRA")].iloc[0]
    # INFRA.2 = 3, INFRA.3 = 0 and INFRA.6 = 3 are the only assessed criteria: 6 / 12 of the scale = 50.
    assert infra["area_score"] == pytest.approx(50.0)
    assert infra["criteria_assessed"] == 3 and infra["coverage"] == pytest.approx(3 / 6)


def test_digemig_recommendations_are_verbatim_grouped_without_deadline_acceptance_or_follow_up(sample_con):
    cur = sample_con.cursor()
    recs = record.report(cur, DIGEMIG, REPORT).recommendations
    assert len(recs) == 6
    assert list(recs["group_heading_es"].fillna("")) == ["", "", "En el marco de su RE-SOA:",
                                                         "En el marco de su RE-SOA:", "", ""]
    assert recs.iloc[2]["text_es"] == "Diseñar y formalizar procesos y procedimientos del “Área de Sistemas”."
    six = recs.iloc[5]
    assert "mantener actualizado información correspondiente" in six["text_es"]  # as issued
    assert "mantener actualizada la información" in six["corrected_text_es"]  # the correction beside it
    state = followup.recommendations(cur, entity_code=DIGEMIG, as_of=date(2026, 12, 1))
    assert state["due_date"].isna().all() and not state["is_overdue"].any()
    assert set(state["stage"]) == {"sin_aceptar"}
    for table in ("recommendation_acceptance", "implementation_schedule", "recommendation_status"):
        assert sample_con.execute(f"SELECT count(*) FROM {table} WHERE entity_code = ?",
                                  [DIGEMIG]).fetchall()[0][0] == 0, table


def test_digemig_findings_keep_their_effects_and_the_recommendations_that_answer_them(sample_con):
    found = record.findings(sample_con.cursor(), DIGEMIG)
    org = found[found["area_code"] == "ORG"].set_index("finding_no")
    assert org.loc[3, "effect_es"].startswith("lo que genera riesgos") and org.loc[3, "criterion_es"] == "RE-SOA"
    assert org.loc[4, "effect_es"] == "lo que puede dar lugar a una dilución de responsabilidades"
    assert list(org.loc[3, "answered_by"]) == [3] and list(org.loc[4, "answered_by"]) == [5]
    assert found["cause_es"].isna().all()  # the report states no cause


def test_digemig_partners_are_named_as_the_report_names_them(sample_con):
    partners = [r[0] for r in sample_con.execute(
        "SELECT partner_name FROM interop_partner WHERE entity_code = ? ORDER BY 1", [DIGEMIG]).fetchall()]
    assert partners == ["Dirección General de la Fuerza Especial de Lucha contra el Narcotráfico",
                        "Ministerio de Justicia y Transparencia Interinstitucional",
                        "Ministerio de Relaciones Exteriores", "Policía Boliviana",
                        "Servicio General de Identificación Personal"]
    scope = sample_con.execute("SELECT scope FROM tool_adoption WHERE entity_code = ? AND tool_code = "
                               "'interoperabilidad'", [DIGEMIG]).fetchall()[0][0]
    assert "relaciones interinstitucionales" in scope.lower() and "puede no estar completa" in scope
    assert "convenio" not in scope.lower()


def test_the_demonstration_set_covers_every_stage_on_synthetic_entities_only(sample_con):
    cur = sample_con.cursor()
    recs = followup.recommendations(cur, as_of=date(2026, 11, 24))
    assert set(followup.STAGES) <= set(recs["stage"])
    lived = recs[recs["stage"] != "sin_aceptar"]
    assert lived["is_synthetic"].all()
    real = followup.recommendations(cur, as_of=date(2026, 11, 24), real_only=True)
    assert set(real["entity_code"]) == {DIGEMIG}


# --- the life cycle's rules at import ------------------------------------------------------------

def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    return ("\n".join(";".join(r) for r in [header, *rows]) + "\n").encode("utf-8")


def _one_synthetic_schedule(con) -> tuple[str, str, int, date]:
    return tuple(con.execute(
        "SELECT s.entity_code, s.report_number, s.rec_no, s.deadline FROM implementation_schedule s"
        " WHERE s.deadline > DATE '2024-06-01' AND s.deadline < DATE '2026-06-01'"
        " ORDER BY 1, 2, 3 LIMIT 1").fetchall()[0])


def test_import_refuses_no_cumplida_before_the_agreed_deadline_naming_the_row(sample_con):
    entity, report, number, deadline = _one_synthetic_schedule(sample_con)
    before = sample_con.execute("SELECT count(*) FROM recommendation_status").fetchall()[0][0]
    early = date.fromordinal(deadline.toordinal() - 10).strftime("%d/%m/%Y")
    data = _csv(["entidad", "informe", "numero", "fecha", "estado", "evidencia", "informe_seguimiento"],
                [[entity, report, str(number), early, "no_cumplida", "Sin avance", "SEG-X-1"]])
    result = import_file(sample_con, data, "seguimiento.csv")
    assert result.status == "refused"
    problem = next(p for p in result.problems if p.code == "not_met_before_deadline")
    assert problem.row == 2 and problem.column == "fecha"
    assert "antes del plazo acordado" in problem.problem_es and deadline.strftime("%d/%m/%Y") in problem.problem_es
    assert sample_con.execute("SELECT count(*) FROM recommendation_status").fetchall()[0][0] == before


def test_import_refuses_a_follow_up_of_a_recommendation_without_acceptance(sample_con):
    data = _csv(["entidad", "informe", "numero", "fecha", "estado", "evidencia"],
                [[DIGEMIG, REPORT, "1", "01/06/2025", "en_proceso", "Avance"],
                 [DIGEMIG, REPORT, "2", "01/06/2025", "cumplida", "Acta"]])
    result = import_file(sample_con, data, "seguimiento.csv")
    assert result.status == "refused"
    assert [(p.row, p.code) for p in result.problems] == [(2, "followup_not_accepted"), (3, "followup_not_accepted")]
    assert "sin aceptación registrada" in result.problems[0].problem_es
    # A schedule is refused as well until the recommendation is accepted.
    data = _csv(["entidad", "informe", "numero", "plazo", "acciones"], [[DIGEMIG, REPORT, "1", "30/06/2026", "x"]])
    assert [p.code for p in import_file(sample_con, data, "cronograma.csv").problems] == ["schedule_not_accepted"]


def test_acceptance_then_schedule_then_rating_walks_the_stages(sample_con):
    cur = sample_con.cursor()

    def stage(as_of):
        recs = followup.recommendations(cur, entity_code=DIGEMIG, as_of=as_of)
        return recs.set_index("rec_no").loc[1, "stage"]

    accept = _csv(["entidad", "informe", "numero", "fecha_recepcion", "decision", "fecha_decision", "firmante"],
                  [[DIGEMIG, REPORT, "1", "16/12/2024", "aceptada", "27/12/2024", "Director General"]])
    assert import_file(sample_con, accept, "aceptacion.csv").status == "imported"
    assert stage(date(2025, 1, 5)) == "sin_cronograma"
    plan = _csv(["entidad", "informe", "numero", "revision", "fecha_presentacion", "acciones", "responsable",
                 "plazo", "motivo"],
                [[DIGEMIG, REPORT, "1", "1", "10/01/2025", "Actualizar el PIIGE", "Área de Sistemas", "30/06/2025", ""],
                 [DIGEMIG, REPORT, "1", "2", "20/06/2025", "Reprogramado", "Área de Sistemas", "31/12/2025",
                  "Cambio del PEI"]])
    assert import_file(sample_con, plan, "cronograma.csv").status == "imported"
    assert stage(date(2025, 8, 1)) == "en_plazo"  # the rescheduled deadline counts
    assert stage(date(2026, 1, 15)) == "plazo_vencido"
    rating = _csv(["entidad", "informe", "numero", "fecha", "estado", "evidencia", "informe_seguimiento",
                   "gestion_seguimiento"],
                  [[DIGEMIG, REPORT, "1", "20/01/2026", "no_cumplida", "Sin PIIGE nuevo", "K3/SP12/S26", "2026"]])
    result = import_file(sample_con, rating, "seguimiento.csv")
    assert result.status == "imported", [p.problem_es for p in result.problems]
    assert stage(date(2026, 2, 1)) == "no_cumplida"
    events = followup.timeline(cur, DIGEMIG, REPORT)
    mine = events[events["rec_no"] == 1]
    assert list(mine["event"]) == ["emision", "recepcion", "aceptada", "cronograma", "reprogramacion",
                                   "calificacion"]
    assert mine.iloc[-1]["followup_number"] == "K3/SP12/S26"
    # The other five still have no deadline.
    others = followup.recommendations(cur, entity_code=DIGEMIG, as_of=date(2026, 2, 1))
    assert others[others["rec_no"] != 1]["due_date"].isna().all()


# --- an existing store upgrades in place --------------------------------------------------------

@pytest.fixture
def old_store(tmp_path) -> Path:
    """A store made by the previous version (migrations 001–002), loaded from its export."""
    path = tmp_path / "anterior.duckdb"
    con = db.connect(path, migrate_schema=False)
    try:
        con.execute(f"IMPORT DATABASE '{OLD_STORE}'")
        assert db.schema_version(con) == 2
    finally:
        con.close()
    return path


def test_a_store_from_the_previous_version_upgrades_in_place_and_keeps_its_due_dates(old_store):
    con = db.connect(old_store)
    try:
        assert db.schema_version(con) >= 3
        cur = con.cursor()
        recs = followup.recommendations(cur, as_of=date(2026, 12, 1))
        assert len(recs) == 24 and recs["due_date"].notna().all()
        assert set(recs["schedule_source"]) == {"modelo_anterior"}
        digemig = recs[recs["entity_code"] == DIGEMIG].set_index("rec_no")
        assert digemig.loc[1, "due_date"].date() == date(2026, 6, 30)  # the later batch's due date
        # An overdue recommendation of the earlier model stays overdue; unrated, its stage says so.
        unrated = recs["is_overdue"] & recs["status"].isin(["pendiente", "en_proceso"])
        assert unrated.any() and set(recs.loc[unrated, "stage"]) == {"plazo_vencido"}
        # Provenance: the synthetic batches' rows are synthetic.
        assert recs.groupby("entity_code")["is_synthetic"].all().to_dict() == {
            "ABC": True, "AGEMED": True, "AN": True, DIGEMIG: False}
        scores = scoring.entity_scores(cur, "CGE-GE", "2024")
        assert DIGEMIG in set(scores["entity_code"])
    finally:
        con.close()


def test_undo_on_an_upgraded_store_restores_the_earlier_due_date_and_then_removes_it(old_store):
    con = db.connect(old_store)
    try:
        deadline = "SELECT deadline FROM implementation_schedule WHERE entity_code = 'DIGEMIG' AND rec_no = 1"
        store.undo_batch(con, 10)  # the later batch that moved recommendation 1's due date
        assert con.execute(deadline).fetchall() == [(date(2025, 12, 12),)]
        # Undo the original recommendations batch: recommendation and schedule entry go together.
        rec_batch = con.execute("SELECT batch_id FROM recommendation WHERE entity_code = 'DIGEMIG' AND rec_no = 2"
                                ).fetchall()[0][0]
        store.undo_batch(con, rec_batch)
        assert con.execute(deadline).fetchall() == []
        assert con.execute("SELECT count(*) FROM recommendation WHERE entity_code = 'DIGEMIG'").fetchall() == [(0,)]
        # New imports after the upgrade work, with the new kinds.
        loaded = sample._import(con, sample.DATA_DIR / "sample" / "digemig" / "informes.csv", synthetic=False)
        assert loaded.status == "imported"
    finally:
        con.close()


def test_undo_of_a_synthetic_batch_on_an_upgraded_store_keeps_provenance(old_store):
    con = db.connect(old_store)
    try:
        removed = sample.remove_demo(con)
        assert removed
        assert con.execute("SELECT count(*) FROM criterion_score WHERE is_synthetic").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM implementation_schedule WHERE entity_code <> 'DIGEMIG'"
                           ).fetchall() == [(0,)]
        assert sql.run(con.cursor(), "integrity_orphans").empty
    finally:
        con.close()


def test_the_new_kinds_read_messy_office_files_like_the_others(sample_con):
    """cp1252, a title row above the header, ';', headers written by hand: DIGEMIG's findings, unchanged."""
    source = (sample.DATA_DIR / "sample" / "digemig" / "hallazgos.csv").read_text(encoding="utf-8").splitlines()
    header = "Entidad;Gestión;Marco;N° Informe;Número;Área;Condición;Criterio;Causa;Efecto"
    import csv
    import io

    rows = list(csv.reader(io.StringIO("\n".join(source[1:]))))
    text = "\r\n".join(["Contraloría General del Estado — hallazgos del informe K3/GP445/S24-G1;;;;;;;;;", "",
                        header, *[";".join(r) for r in rows], ";;;;;;;;;"])
    result = import_file(sample_con, text.encode("cp1252"), "hallazgos digemig.csv")
    assert result.status == "imported", [p.problem_es for p in result.problems]
    assert result.kind == "hallazgos" and result.rows == 7
    assert result.plan.unchanged == 7 and result.plan.new == 0
    assert any("windows-1252" in n.lower() or "cp1252" in n.lower() for n in result.notes), result.notes
