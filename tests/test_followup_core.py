"""Follow-up of recommendations: status derived from histories, overdue against a fixed date.

Rows are written through the store (``egov.storage.store.write_batch`` on frames from
``egov.kinds.to_tables``), the same path an import takes; every figure below
is worked out by hand from the rows each test writes.
"""

from __future__ import annotations

import hashlib
from datetime import date
from itertools import count

import pandas as pd
import pytest

from egov import auth, followup, kinds
from egov.storage import db, store

pytestmark = pytest.mark.both_backends

_files = count(1)
ISSUED_2023 = date(2023, 6, 1)
ISSUED_2024 = date(2024, 6, 1)
DUE = date(2023, 12, 31)


def write(con, kind: str, rows: list[dict], *, user: str = "tester") -> int:
    frames = kinds.to_tables(kind, pd.DataFrame(rows), recorded_by=user)
    digest = hashlib.sha256(f"{kind}-{next(_files)}-{rows!r}".encode()).hexdigest()
    return store.write_batch(con, store.BatchInfo(kind, f"{kind}.csv", digest), frames)


def framework(con) -> None:
    rows = [{"marco": "FW", "tipo": "marco", "nombre": "FW", "version": "1"},
            {"marco": "FW", "tipo": "banda", "codigo": "B", "nombre": "B", "limite_inferior": 0,
             "limite_superior": 100, "orden": 1}]
    for order, area in enumerate(("PLAN", "ORG"), 1):
        rows.append({"marco": "FW", "tipo": "area", "codigo": area, "nombre": area, "peso": 1, "orden": order})
        rows.append({"marco": "FW", "tipo": "criterio", "codigo": area + "1", "area": area, "nombre": area,
                     "peso": 1, "escala_min": 0, "escala_max": 4, "orden": 1})
    write(con, "marco", rows)


def assess(con, entity: str, period: str, issued: date, plan: float, org: float) -> None:
    write(con, "puntajes", [
        {"entidad": entity, "gestion": period, "marco": "FW", "criterio": c, "puntaje": s,
         "informe": f"{entity}-{period}", "fecha_emision": issued}
        for c, s in (("PLAN1", plan), ("ORG1", org))])


def recommend(con, entity: str, period: str, recs: list[tuple[int, str, date]]) -> None:
    write(con, "recomendaciones", [
        {"entidad": entity, "gestion": period, "marco": "FW", "informe": f"{entity}-{period}",
         "tipo": "recomendacion", "numero": n, "area": area, "texto": f"Recomendación {n}", "fecha_limite": due}
        for n, area, due in recs])


def follow(con, entity: str, period: str, rows: list[tuple[int, date, str, str | None]], **kw) -> int:
    return write(con, "seguimiento", [
        {"entidad": entity, "informe": f"{entity}-{period}", "numero": n, "fecha": d, "estado": s,
         "evidencia": e} for n, d, s, e in rows], **kw)


@pytest.fixture
def con(new_store):
    connection = db.connect(new_store)
    framework(connection)
    write(connection, "entidades", [
        {"entidad": "E1", "nombre": "Entidad uno", "sector": "Salud", "nivel": "central"},
        {"entidad": "E2", "nombre": "Entidad dos", "sector": "Educación", "nivel": "municipal"}])
    assess(connection, "E1", "2023", ISSUED_2023, plan=1, org=2)
    assess(connection, "E2", "2023", ISSUED_2023, plan=2, org=2)
    yield connection
    connection.close()


@pytest.fixture
def cur(con):
    c = con.cursor()
    yield c
    c.close()


def current(cur, entity="E1", as_of=date(2024, 3, 1)) -> dict[int, dict]:
    frame = followup.recommendations(cur, entity_code=entity, as_of=as_of)
    return {int(r["rec_no"]): r for r in frame.to_dict("records")}


# --- status derivation -------------------------------------------------------------


def test_current_status_is_the_latest_status_date_even_when_recorded_out_of_order(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    # The later status arrives first, the earlier one in a later batch.
    follow(con, "E1", "2023", [(1, date(2024, 2, 1), "cumplida", "Acta de aprobación")])
    follow(con, "E1", "2023", [(1, date(2023, 9, 1), "en_proceso", "Informe de avance")])
    row = current(cur)[1]
    assert row["status"] == "cumplida"
    assert row["updates"] == 2
    assert pd.Timestamp(row["status_date"]).date() == date(2024, 2, 1)
    assert not row["is_open"] and row["is_met"] and not row["is_overdue"]
    history = followup.history(cur, "E1", "E1-2023", 1)
    assert history["status"].tolist() == ["en_proceso", "cumplida"]  # oldest first, whatever the load order
    assert history["is_current"].tolist() == [False, True]


def test_a_status_set_back_reopens_the_recommendation_and_is_marked(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    follow(con, "E1", "2023", [(1, date(2023, 9, 1), "en_proceso", None),
                               (1, date(2023, 11, 1), "cumplida", "Acta"),
                               (1, date(2024, 1, 10), "en_proceso", "El plan aprobado fue derogado")])
    row = current(cur)[1]
    assert row["status"] == "en_proceso" and row["is_open"] and not row["is_met"]
    assert row["is_overdue"] and row["days_overdue"] == (date(2024, 3, 1) - DUE).days
    history = followup.history(cur, "E1")
    assert history["set_back"].tolist() == [False, False, True]
    assert history["previous_status"].tolist()[1:] == ["en_proceso", "cumplida"]


def test_the_history_is_read_as_it_stood_on_the_as_of_date(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    follow(con, "E1", "2023", [(1, date(2023, 9, 1), "en_proceso", None),
                               (1, date(2024, 2, 1), "cumplida", "Acta")])
    assert current(cur, as_of=date(2023, 8, 31))[1]["status"] == "pendiente"
    assert current(cur, as_of=date(2023, 9, 1))[1]["status"] == "en_proceso"
    assert current(cur, as_of=date(2024, 1, 31))[1]["status"] == "en_proceso"
    assert current(cur, as_of=date(2024, 2, 1))[1]["status"] == "cumplida"


def test_a_recommendation_without_follow_up_is_pending_since_the_report(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    row = current(cur)[1]
    assert row["status"] == "pendiente" and row["status_implied"] and row["updates"] == 0
    assert row["is_open"] and row["is_overdue"]
    assert followup.history(cur, "E1").empty


# --- overdue against a fixed date ------------------------------------------------------


def test_overdue_starts_the_day_after_the_due_date_and_counts_days(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    on_due = current(cur, as_of=DUE)[1]
    assert not on_due["is_overdue"] and pd.isna(on_due["days_overdue"])
    assert current(cur, as_of=date(2024, 1, 1))[1]["days_overdue"] == 1
    assert current(cur, as_of=date(2024, 12, 31))[1]["days_overdue"] == 366  # 2024 is a leap year


def test_only_open_statuses_can_be_overdue(con, cur):
    recommend(con, "E1", "2023", [(n, "PLAN", DUE) for n in range(1, 7)])
    follow(con, "E1", "2023", [(n, date(2023, 10, 1), s, "Respaldo")
                               for n, s in enumerate(kinds.REC_STATUSES, 1)])
    rows = current(cur)
    overdue = {rows[n]["status"] for n in rows if rows[n]["is_overdue"]}
    assert overdue == set(followup.OPEN_STATUSES)
    assert not rows[3]["is_overdue"] and not rows[6]["is_overdue"]  # cumplida, no_aplicable
    listed = followup.overdue(cur, "FW", as_of=date(2024, 3, 1))
    assert sorted(listed["rec_no"]) == [1, 2, 4, 5]
    assert set(listed["days_overdue"]) == {61}


def test_summary_counts_and_share_met_leave_not_applicable_out(con, cur):
    # E1: 1 cumplida, 1 no_aplicable, 1 pendiente (overdue), 1 en_proceso not yet due.
    recommend(con, "E1", "2023", [(1, "PLAN", DUE), (2, "PLAN", DUE), (3, "ORG", DUE),
                                  (4, "ORG", date(2024, 12, 31))])
    follow(con, "E1", "2023", [(1, date(2023, 10, 1), "cumplida", "Acta"),
                               (2, date(2023, 10, 1), "no_aplicable", "Norma derogada"),
                               (4, date(2023, 10, 1), "en_proceso", None)])
    got = followup.summary(cur, "FW", as_of=date(2024, 3, 1))
    assert (got["total"], got["open"], got["overdue"], got["met"]) == (4, 2, 1, 1)
    assert got["applicable"] == 3 and got["no_aplicable"] == 1
    assert got["share_met"] == pytest.approx(1 / 3)
    assert got["max_days_overdue"] == 61
    assert got["entities_with_overdue"] == 1 and not got["any_synthetic"]
    assert got["as_of"] == date(2024, 3, 1)
    by_round = followup.share_met_by_round(cur, "FW", as_of=date(2024, 3, 1)).set_index("period")
    assert by_round.loc["2023", "share_met"] == pytest.approx(1 / 3)
    assert by_round.loc["2023", "not_applicable"] == 1


def test_nothing_applicable_gives_no_share_rather_than_zero(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    follow(con, "E1", "2023", [(1, date(2023, 10, 1), "no_aplicable", "Norma derogada")])
    got = followup.summary(cur, "FW", as_of=date(2024, 3, 1))
    assert got["total"] == 1 and got["applicable"] == 0 and got["share_met"] is None


def test_summary_and_list_count_the_same_under_every_filter(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE), (2, "ORG", DUE), (3, "ORG", date(2025, 1, 1))])
    recommend(con, "E2", "2023", [(1, "PLAN", DUE), (2, "PLAN", DUE)])
    follow(con, "E1", "2023", [(1, date(2023, 10, 1), "cumplida", "Acta")])
    follow(con, "E2", "2023", [(2, date(2023, 10, 1), "parcialmente_cumplida", None)])
    as_of = date(2024, 3, 1)
    for filters in ({}, {"sectors": ["Salud"]}, {"levels": ["municipal"]}, {"entities": ["E2"]},
                    {"areas": ["ORG"]}, {"period": "2023"}, {"period": "2024"}):
        got = followup.summary(cur, "FW", as_of=as_of, **filters)
        listed = followup.recommendations(cur, framework="FW", as_of=as_of, **filters)
        assert got["total"] == len(listed), filters
        assert got["open"] == int(listed["is_open"].sum()), filters
        assert got["overdue"] == int(listed["is_overdue"].sum()), filters
        assert got["met"] == int(listed["is_met"].sum()), filters
    assert followup.summary(cur, "FW", as_of=as_of, sectors=["Salud"])["total"] == 3
    assert followup.summary(cur, "FW", as_of=as_of, areas=["PLAN"])["overdue"] == 2  # E2's two
    assert followup.summary(cur, "FW", as_of=as_of, period="2024")["total"] == 0
    by_entity = followup.status_by(cur, "entity", "FW", as_of=as_of).set_index("entity_code")
    assert by_entity.loc["E2", "overdue"] == 2 and by_entity.loc["E1", "cumplida"] == 1
    by_area = followup.status_by(cur, "area", "FW", as_of=as_of).set_index("area_code")
    assert by_area.loc["ORG", "open"] == 2 and by_area.loc["ORG", "overdue"] == 1


def test_entity_code_narrows_within_the_shared_entity_filter(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    recommend(con, "E2", "2023", [(1, "PLAN", DUE)])
    assert len(followup.recommendations(cur, entity_code="E1")) == 1
    assert followup.recommendations(cur, entity_code="E1", entities=["E2"]).empty


def test_ageing_buckets_have_inclusive_upper_bounds_and_always_come_back(con, cur):
    as_of = date(2024, 12, 31)
    days = {1: 0, 2: 1, 3: 90, 4: 91, 5: 180, 6: 181, 7: 365, 8: 366}
    recommend(con, "E1", "2023", [(n, "PLAN", date.fromordinal(as_of.toordinal() - d)) for n, d in days.items()])
    buckets = followup.ageing(cur, "FW", as_of=as_of).set_index("bucket")["recommendations"]
    assert list(buckets.index) == list(followup.AGEING_BUCKETS)
    assert buckets.to_dict() == {"al_dia": 1, "1_90": 2, "91_180": 2, "181_365": 2, "mas_365": 1}
    follow(con, "E1", "2023", [(n, date(2023, 10, 1), "cumplida", "Acta") for n in days])
    assert followup.ageing(cur, "FW", as_of=as_of)["recommendations"].sum() == 0  # met ones are not ageing


# --- tie-back to maturity -------------------------------------------------------------------


def test_tie_back_compares_the_area_in_the_round_and_the_next_round(con, cur):
    assess(con, "E1", "2024", ISSUED_2024, plan=3, org=1)  # PLAN 25 -> 75, ORG 50 -> 25
    assess(con, "E2", "2024", ISSUED_2024, plan=2, org=2)  # PLAN unchanged
    recommend(con, "E1", "2023", [(1, "PLAN", DUE), (2, "ORG", DUE), (3, "PLAN", DUE)])
    recommend(con, "E2", "2023", [(1, "PLAN", DUE)])
    recommend(con, "E1", "2024", [(1, "PLAN", date(2025, 6, 1))])
    follow(con, "E1", "2023", [(1, date(2024, 2, 1), "cumplida", "Acta"),
                               (2, date(2024, 2, 1), "cumplida", "Acta"),
                               (3, date(2024, 2, 1), "parcialmente_cumplida", None)])
    follow(con, "E2", "2023", [(1, date(2024, 7, 1), "cumplida", "Acta")])
    follow(con, "E1", "2024", [(1, date(2024, 8, 1), "cumplida", "Acta")])
    got = followup.tie_back(cur, "FW", as_of=date(2024, 9, 1))
    rows = {(r["entity_code"], r["period"], r["rec_no"]): r for r in got.to_dict("records")}
    assert set(rows) == {("E1", "2023", 1), ("E1", "2023", 2), ("E2", "2023", 1), ("E1", "2024", 1)}
    improved = rows[("E1", "2023", 1)]
    assert (improved["area_score"], improved["next_area_score"], improved["change"]) == (25.0, 75.0, 50.0)
    assert improved["outcome"] == "mejoro" and improved["next_period"] == "2024" and improved["met_before_next"]
    assert rows[("E1", "2023", 2)]["outcome"] == "empeoro"
    same = rows[("E2", "2023", 1)]
    assert same["outcome"] == "igual" and not same["met_before_next"]  # met after the 2024 report
    assert rows[("E1", "2024", 1)]["outcome"] == "sin_ronda_siguiente"
    only_2024 = followup.tie_back(cur, "FW", as_of=date(2024, 9, 1), period="2024")
    assert only_2024["period"].tolist() == ["2024"]


# --- recording one status on the page ---------------------------------------------------------


def batches(con) -> int:
    return con.execute("SELECT count(*) FROM import_batch").fetchall()[0][0]


def test_record_status_writes_one_audited_undoable_registro_batch(con, cur):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    done = followup.record_status(con, "E1", "E1-2023", 1, "en_proceso", date(2023, 10, 2),
                                  "Informe de avance", "ana", "analyst", today=date(2024, 1, 1))
    batch = con.execute("SELECT kind, user_name, user_role, rows_new, length(sha256) FROM import_batch"
                        " WHERE batch_id = ?", [done.batch_id]).fetchall()[0]
    assert batch == ("registro", "ana", "analyst", 1, 64)
    audit_rows = con.execute("SELECT action, user_name FROM audit_log WHERE batch_id = ?",
                             [done.batch_id]).fetchall()
    assert audit_rows == [("import", "ana")]
    history = followup.history(cur, "E1")
    assert history[["status", "evidence", "recorded_by", "batch_kind"]].values.tolist() == [
        ["en_proceso", "Informe de avance", "ana", "registro"]]
    assert current(cur, as_of=date(2024, 1, 1))[1]["status"] == "en_proceso"
    store.undo_batch(con, done.batch_id, user="admin", role="admin")
    assert followup.history(cur, "E1").empty
    assert current(cur, as_of=date(2024, 1, 1))[1]["status"] == "pendiente"


def test_two_records_of_the_same_content_are_two_batches(con):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE), (2, "PLAN", DUE)])
    first = followup.record_status(con, "E1", "E1-2023", 1, "en_proceso", date(2023, 10, 2), None, "ana",
                                   "analyst", today=date(2024, 1, 1))
    second = followup.record_status(con, "E1", "E1-2023", 2, "en_proceso", date(2023, 10, 2), None, "ana",
                                    "analyst", today=date(2024, 1, 1))
    shas = con.execute("SELECT sha256 FROM import_batch WHERE batch_id IN (?, ?)",
                       [first.batch_id, second.batch_id]).fetchall()
    assert len({s[0] for s in shas}) == 2


@pytest.mark.parametrize("change, code", [
    ({"status": "terminada"}, "bad_status"),
    ({"status_date": date(2024, 1, 2)}, "future_date"),
    ({"status": "no_aplicable", "evidence": "  "}, "evidence_required"),
    ({"rec_no": 9}, "unknown_recommendation"),
    ({"report": "E1-1999"}, "unknown_recommendation"),
    ({"status_date": date(2023, 5, 31)}, "before_issue"),
    ({"status_date": date(2023, 9, 1)}, "same_date"),
])
def test_record_status_refuses_and_writes_nothing(con, change, code):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    follow(con, "E1", "2023", [(1, date(2023, 9, 1), "en_proceso", None)])
    before = batches(con)
    args = {"entity": "E1", "report": "E1-2023", "rec_no": 1, "status": "cumplida",
            "status_date": date(2023, 12, 1), "evidence": "Acta", **change}
    with pytest.raises(followup.FollowUpError) as refused:
        followup.record_status(con, args["entity"], args["report"], args["rec_no"], args["status"],
                               args["status_date"], args["evidence"], "ana", "analyst", today=date(2024, 1, 1))
    assert refused.value.code == code
    assert refused.value.text("en") and str(refused.value) == refused.value.text("es")
    assert batches(con) == before


def test_a_viewer_may_not_record(con):
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    before = batches(con)
    with pytest.raises(auth.PermissionDenied):
        followup.record_status(con, "E1", "E1-2023", 1, "cumplida", date(2023, 12, 1), "Acta", "vera", "viewer")
    assert batches(con) == before
    assert followup.can_record("analyst") and followup.can_record("admin") and not followup.can_record("viewer")


def test_the_check_alone_refuses_a_second_status_on_a_recorded_date(con, cur):
    # The page checks before it offers to save; the check itself must see the recorded date.
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    follow(con, "E1", "2023", [(1, date(2023, 9, 1), "en_proceso", None)])
    with pytest.raises(followup.FollowUpError) as refused:
        followup.check_status(cur, "E1", "E1-2023", 1, "cumplida", date(2023, 9, 1), "Acta", today=date(2024, 1, 1))
    assert refused.value.code == "same_date"
    followup.check_status(cur, "E1", "E1-2023", 1, "cumplida", date(2023, 9, 2), "Acta", today=date(2024, 1, 1))


def test_a_status_recorded_meanwhile_for_the_same_day_is_never_overwritten(con, monkeypatch):
    # Two analysts at once: the other one's status for the same day lands between this check and this write.
    recommend(con, "E1", "2023", [(1, "PLAN", DUE)])
    checked = followup.check_status

    def check_then_the_other_analyst_writes(*args, **kwargs):
        checked(*args, **kwargs)
        follow(con, "E1", "2023", [(1, date(2023, 12, 1), "en_proceso", "Avance")], user="otra")

    monkeypatch.setattr(followup, "check_status", check_then_the_other_analyst_writes)
    before = batches(con)
    with pytest.raises(followup.FollowUpError) as refused:
        followup.record_status(con, "E1", "E1-2023", 1, "cumplida", date(2023, 12, 1), "Acta", "ana", "analyst",
                               today=date(2024, 1, 1))
    assert refused.value.code == "same_date"
    assert batches(con) == before + 1  # the other analyst's batch only
    stored = con.execute("SELECT status, evidence FROM recommendation_status").fetchall()
    assert stored == [("en_proceso", "Avance")]


# --- the gestión and entities narrowed early (national size) give what narrowing late gives ---------


def test_narrowing_by_gestion_or_entity_inside_the_query_gives_the_rows_narrowing_after_it_gives(sample_con):
    # recommendation_current applies $period and $entities to the status history and the schedules
    # before their window and aggregate, and the tie-back computes area scores from $rec_period on only;
    # on the sample (several gestiones, rescheduled recommendations, long histories) each answer must be
    # exactly the unnarrowed answer filtered afterwards.
    def same(narrow: pd.DataFrame, wide: pd.DataFrame) -> None:
        assert len(narrow) > 0
        # (a column all empty in the narrow answer comes back with another dtype: the values count)
        def values(frame: pd.DataFrame) -> pd.DataFrame:
            frame = frame.reset_index(drop=True).astype(object)
            return frame.where(frame.notna(), None)
        pd.testing.assert_frame_equal(values(narrow), values(wide))

    with db.cursor(sample_con) as cur:
        as_of = date(2026, 11, 30)
        every = followup.recommendations(cur, framework="CGE-GE", as_of=as_of)
        periods = sorted(every["period"].unique())
        assert len(periods) >= 3 and every["updates"].max() >= 3 and every["schedule_revision"].max() >= 2
        for period in periods:
            same(followup.recommendations(cur, framework="CGE-GE", as_of=as_of, period=period),
                 every[every["period"] == period])
        chosen = sorted(every.loc[every["updates"] >= 2, "entity_code"].unique())[:3]
        same(followup.recommendations(cur, framework="CGE-GE", as_of=as_of, entities=chosen),
             every[every["entity_code"].isin(chosen)])
        same(followup.recommendations(cur, entity_code=chosen[0], as_of=as_of),
             followup.recommendations(cur, as_of=as_of).query("entity_code == @chosen[0]"))
        # Seguimiento narrows the one frame in pandas (followup.narrow): the same rows as the query's filters
        statuses = sorted(every["status"].unique())[:2]
        areas = sorted(every["area_code"].dropna().unique())[:2]
        stages = sorted(every["stage"].unique())[:3]
        for filters in ({"overdue_only": True}, {"statuses": statuses}, {"areas": areas}, {"stages": stages},
                        {"statuses": statuses, "areas": areas, "overdue_only": True}):
            same(followup.narrow(every, **filters),
                 followup.recommendations(cur, framework="CGE-GE", as_of=as_of, **filters))
        ties = followup.tie_back(cur, "CGE-GE", as_of=as_of)
        for period in periods:
            narrow = followup.tie_back(cur, "CGE-GE", as_of=as_of, period=period)
            if len(narrow):
                same(narrow, ties[ties["period"] == period])
        assert ties["next_period"].notna().sum() > 0  # some met recommendation has a later round to compare
