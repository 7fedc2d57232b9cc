"""The index of compliance with recommendations (egov.compliance), worked out by hand on a small record.

Rows go through the store (``store.write_batch`` on ``kinds.to_tables`` frames), the path an import takes.
"""

from __future__ import annotations

import hashlib
from datetime import date
from itertools import count

import pandas as pd
import pytest

from egov import compliance, kinds
from egov.storage import db, store

_files = count(1)
DUE = date(2023, 12, 31)          # the agreed deadline of recommendations 1–6
LATER = date(2024, 12, 31)        # recommendation 7's deadline, not passed on AS_OF
AS_OF = date(2024, 3, 1)
EARLY, LATE = date(2023, 11, 1), date(2024, 2, 1)


def write(con, kind: str, rows: list[dict]) -> int:
    frames = kinds.to_tables(kind, pd.DataFrame(rows), recorded_by="tester")
    digest = hashlib.sha256(f"{kind}-{next(_files)}-{rows!r}".encode()).hexdigest()
    return store.write_batch(con, store.BatchInfo(kind, f"{kind}.csv", digest), frames)


@pytest.fixture
def con(new_store):
    c = db.connect(new_store)
    rows = [{"marco": "FW", "tipo": "marco", "nombre": "FW", "version": "1"},
            {"marco": "FW", "tipo": "banda", "codigo": "B", "nombre": "B", "limite_inferior": 0,
             "limite_superior": 100, "orden": 1},
            {"marco": "FW", "tipo": "area", "codigo": "PLAN", "nombre": "PLAN", "peso": 1, "orden": 1},
            {"marco": "FW", "tipo": "criterio", "codigo": "PLAN1", "area": "PLAN", "nombre": "PLAN", "peso": 1,
             "escala_min": 0, "escala_max": 4, "orden": 1}]
    write(c, "marco", rows)
    write(c, "entidades", [{"entidad": e, "nombre": f"Entidad {e}", "sector": "Salud", "nivel": "central"}
                           for e in ("E1", "E2")])
    for entity in ("E1", "E2"):
        write(c, "puntajes", [{"entidad": entity, "gestion": "2023", "marco": "FW", "criterio": "PLAN1",
                               "puntaje": 2, "informe": f"{entity}-2023", "fecha_emision": date(2023, 6, 1)}])
    recs = [(1, DUE), (2, DUE), (3, DUE), (4, DUE), (5, DUE), (6, DUE), (7, LATER), (8, None), (9, DUE)]
    write(c, "recomendaciones", [
        {"entidad": "E1", "gestion": "2023", "marco": "FW", "informe": "E1-2023", "tipo": "recomendacion",
         "numero": n, "area": "PLAN", "texto": f"Recomendación {n}", "fecha_limite": due} for n, due in recs])
    # Recommendation 8 has no schedule: the entity accepted it, and it was met, but it has no deadline.
    write(c, "aceptacion", [{"entidad": "E1", "informe": "E1-2023", "numero": 8, "decision": "aceptada",
                             "fecha_decision": date(2023, 7, 1)}])
    write(c, "recomendaciones", [
        {"entidad": "E2", "gestion": "2023", "marco": "FW", "informe": "E2-2023", "tipo": "recomendacion",
         "numero": 1, "area": "PLAN", "texto": "Recomendación 1", "fecha_limite": LATER}])

    def rating(n, day, status, report):
        return {"entidad": "E1", "informe": "E1-2023", "numero": n, "fecha": day, "estado": status,
                "evidencia": "Nota de respaldo", "informe_seguimiento": report, "fecha_informe_seguimiento": day}
    write(c, "seguimiento", [rating(1, EARLY, "cumplida", "SEG-1")])
    write(c, "seguimiento", [rating(2, LATE, "cumplida", "SEG-2"), rating(3, LATE, "parcialmente_cumplida", "SEG-2"),
                             rating(4, LATE, "no_cumplida", "SEG-2"), rating(5, LATE, "no_aplicable", "SEG-2"),
                             rating(7, LATE, "en_proceso", "SEG-2"), rating(8, LATE, "cumplida", "SEG-2"),
                             rating(9, LATE, "cumplida", "SEG-2")])
    # Recommendation 9 was reported met on 01/12/2023, before its deadline, in a progress note (no follow-up
    # report); SEG-2 rated it after the deadline: it was met on time.
    write(c, "seguimiento", [{"entidad": "E1", "informe": "E1-2023", "numero": 9, "fecha": date(2023, 12, 1),
                              "estado": "cumplida", "evidencia": "Acta de implementación"}])
    yield c
    c.close()


@pytest.fixture
def cur(con):
    c = con.cursor()
    yield c
    c.close()


def test_index_equals_the_hand_computation_with_every_status(cur):
    # Credit: 1 met early (1), 2 met late (1), 3 partly met (0.5), 4 not met (0), 6 pendiente past its
    # deadline (0), 8 met without a schedule (1), 9 met early by its progress note (1); 5 is not applicable
    # (left out), 7 is in time (not counted).
    # degree = 100 × 4.5 / 7 = 64.2857…; timeliness: of the met with a deadline (1, 2, 9) two were on time
    # = 66.666…; index = 0.7 × 64.2857… + 0.3 × 66.666… = 45 + 20 = 65 → group «medio».
    row = compliance.of_entity(cur, "E1", as_of=AS_OF)
    assert (row["total"], row["not_applicable"], row["counted"], row["not_yet_due"]) == (9, 1, 7, 1)
    assert (row["in_time"], row["without_deadline"]) == (1, 0)  # 7 has a deadline, not passed yet
    assert (row["met"], row["partly_met"], row["not_met"], row["overdue_open"]) == (4, 1, 1, 1)
    assert (row["met_with_deadline"], row["met_on_time"], row["met_without_deadline"]) == (3, 2, 1)
    assert row["degree"] == pytest.approx(100 * 4.5 / 7)
    assert row["timeliness"] == pytest.approx(100 * 2 / 3)
    assert row["compliance_index"] == pytest.approx(65.0)
    assert row["group"] == "medio"


def test_the_partial_share_and_the_degree_weight_are_parameters(cur):
    # partial credit 1: degree = 100 × 5 / 7 = 71.428…; degree weight 1: the index is the degree.
    row = compliance.of_entity(cur, "E1", as_of=AS_OF, partial_credit=1.0, degree_weight=1.0)
    assert row["degree"] == pytest.approx(100 * 5 / 7)
    assert row["compliance_index"] == pytest.approx(100 * 5 / 7)
    with pytest.raises(ValueError):
        compliance.by_entity(cur, as_of=AS_OF, partial_credit=1.5)


def test_nothing_due_means_no_index_never_zero(cur):
    row = compliance.of_entity(cur, "E2", as_of=AS_OF)
    assert row["counted"] == 0 and row["degree"] is None and row["compliance_index"] is None
    assert row["group"] == compliance.NO_DATA
    table = compliance.groups(compliance.by_entity(cur, as_of=AS_OF))
    assert dict(zip(table["group"], table["entities"])) == {"alto": 0, "medio": 1, "bajo": 0, "sin_datos": 1}


def test_before_any_rating_or_deadline_nothing_is_known(cur):
    # Read as of 2023-10-01 nothing is rated and no deadline has passed: nothing is counted, nothing is known.
    early = compliance.of_entity(cur, "E1", as_of=date(2023, 10, 1))
    assert early["counted"] == 0 and early["timeliness"] is None and early["compliance_index"] is None


def test_evolution_reads_the_index_at_each_follow_up_report(cur):
    # SEG-1 (2023-11-01): only 1 is rated, met before its deadline: degree 100, timeliness 100, index 100
    # (6 is not yet past 2023-12-31). SEG-2 (2024-02-01): the same record as on AS_OF, index 65.
    frame = compliance.evolution(cur, ["E1"])
    assert [d for d in frame["as_of"]] == [EARLY, LATE]
    assert frame["compliance_index"].tolist() == pytest.approx([100.0, 65.0])
    assert frame["counted"].tolist() == [1, 7]


# --- on the pages (AppTest, sample data) ---------------------------------------------


def _page(path: str, **params):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def test_seguimiento_shows_the_index_per_entity_and_its_groups_as_the_core_counts(sample_db, use_db):
    use_db(sample_db)
    at = _page("views/seguimiento.py")
    c = db.connect(sample_db)
    try:
        cur = c.cursor()
        from egov import scoring
        expected = compliance.by_entity(cur, as_of=date.today(), framework=scoring.default_framework(cur))
    finally:
        c.close()
    assert (expected["counted"] > 0).any()
    tables = [d.value for d in at.dataframe]
    table = next(v for v in tables if "Índice de cumplimiento" in v.columns)
    assert len(table) == len(expected)
    groups = next(v for v in tables if list(v.columns) == ["Grupo", "Entidades"])
    assert groups["Entidades"].sum() == len(expected)
    # Sample follow-up is synthetic demonstration data: the tab says so.
    assert expected["any_synthetic"].any()
    assert any(m.value.startswith(":orange-badge[") and "Datos de demostración" in m.value for m in at.markdown)


def test_metodologia_writes_out_the_compliance_formula(sample_db, use_db):
    use_db(sample_db)
    at = _page("views/metodologia.py")
    text = " ".join(m.value for m in at.markdown)
    assert "Grado de cumplimiento" in text and "0,7 × grado + 0,3 × oportunidad" in text


def test_the_sample_mixes_recommendations_met_on_time_late_and_not_yet_due(sample_con):
    # The demonstration follow-up (scripts/build_sample_data.py): a rescheduled recommendation is met within
    # its new deadline, and about half of the others are reported met before theirs (a progress note
    # «cumplida»), the Contraloría rating them later. Figures measured with this core on the sample.
    with db.cursor(sample_con) as cur:
        frame = compliance.by_entity(cur, as_of=date(2026, 11, 30), framework="CGE-GE")
    assert (int(frame["met_with_deadline"].sum()), int(frame["met_on_time"].sum())) == (64, 49)
    timeliness = frame["timeliness"].dropna()
    assert (timeliness == 100).sum() > 0 and (timeliness == 0).sum() > 0
    assert ((timeliness > 0) & (timeliness < 100)).sum() > 0
    assert int(frame["not_yet_due"].sum()) > 0
    assert compliance.groups(frame).set_index("group")["entities"].to_dict() == {
        "alto": 4, "medio": 28, "bajo": 9, "sin_datos": 1}
    # DIGEMIG, the real report, gives no acceptance, schedule or follow-up: nothing is known, never a 0.
    digemig = frame.set_index("entity_code").loc["DIGEMIG"]
    assert digemig["counted"] == 0 and pd.isna(digemig["timeliness"]) and pd.isna(digemig["compliance_index"])
    # Its six recommendations are not «in time»: no schedule gives them a deadline at all.
    assert (digemig["in_time"], digemig["without_deadline"], digemig["not_yet_due"]) == (0, 6, 6)
    assert not digemig["any_synthetic"]


def _e2_rating(day: date, status: str) -> dict:
    return {"entidad": "E2", "informe": "E2-2023", "numero": 1, "fecha": day, "estado": status,
            "evidencia": "Nota de respaldo"}


def test_met_on_the_deadline_day_itself_is_on_time(con):
    # E2's one recommendation is due on 31/12/2024 and reported met that very day: met on or before the
    # agreed deadline, so timeliness = 100 × 1/1 = 100, degree = 100, index = 100.
    write(con, "seguimiento", [_e2_rating(LATER, "cumplida")])
    row = compliance.of_entity(con.cursor(), "E2", as_of=LATER)
    assert (row["met_with_deadline"], row["met_on_time"]) == (1, 1)
    assert row["timeliness"] == pytest.approx(100.0)
    assert row["compliance_index"] == pytest.approx(100.0)


def test_a_recommendation_met_again_after_falling_back_is_met_from_its_latest_run(con):
    # Reported met on 01/03/2024 (before its 31/12/2024 deadline), back «en proceso» on 01/06/2024, met
    # again on 01/02/2025 (after the deadline): it was met late, so timeliness = 0 of 1 = 0;
    # index = 0.7 × 100 + 0.3 × 0 = 70.
    write(con, "seguimiento", [_e2_rating(date(2024, 3, 1), "cumplida"), _e2_rating(date(2024, 6, 1), "en_proceso"),
                               _e2_rating(date(2025, 2, 1), "cumplida")])
    row = compliance.of_entity(con.cursor(), "E2", as_of=date(2025, 3, 1))
    assert (row["met"], row["met_with_deadline"], row["met_on_time"]) == (1, 1, 0)
    assert row["timeliness"] == pytest.approx(0.0)
    assert row["compliance_index"] == pytest.approx(70.0)
