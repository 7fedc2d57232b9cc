"""The Seguimiento page, the entity profile's recommendations block and Resumen's follow-up counts (AppTest).

Every expected figure is computed by the core (``egov.followup``) on the same
database file, so the page is checked against one definition of "open",
"overdue" and "met"; the recording tests change the real file through the form.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from egov import followup, ingest, scoring
from egov.storage import audit, db
from egov.i18n import t
from tests.support import roles as R

PAGE = "views/seguimiento.py"
DIGEMIG, REPORT = "DIGEMIG", "K3/GP445/S24-G1"
OVERDUE_TABLE, LIST_TABLE = 0, 1  # the page's tables in drawing order (AppTest gives tables no key)


def _app() -> AppTest:
    return AppTest.from_file("../app.py", default_timeout=90)


def _page(at: AppTest) -> AppTest:
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.main.metric}


def _core(path, func, *args, **kwargs):
    """``func(cursor, *args, **kwargs)`` on the file the app uses, with the default framework."""
    con = db.connect(path)  # the same process: DuckDB shares the app's open database
    try:
        cur = con.cursor()
        return func(cur, *args, framework=scoring.default_framework(cur), **kwargs)
    finally:
        con.close()


def _summary(path, **kwargs) -> dict:
    return _core(path, followup.summary, **kwargs)


def _rec(path, entity: str, report: str, rec_no: int):
    recs = _core(path, followup.recommendations, entity_code=entity)
    return recs[(recs["report_number"] == report) & (recs["rec_no"] == rec_no)].iloc[0]


def _lived(path, stage: str, *, overdue: bool | None = None) -> tuple[str, str, int]:
    """A synthetic recommendation of the sample in ``stage`` (DIGEMIG's real ones have no follow-up)."""
    recs = _core(path, followup.recommendations)
    recs = recs[(recs["stage"] == stage) & recs["is_synthetic"]]
    if overdue is not None:
        recs = recs[recs["is_overdue"] == overdue]
    row = recs.sort_values(["entity_code", "report_number", "rec_no"]).iloc[0]
    return row["entity_code"], row["report_number"], int(row["rec_no"])


def _expected_metrics(s: dict) -> dict[str, str]:
    return {"Recomendaciones": str(s["total"]), "Abiertas": str(s["open"]), "Con plazo vencido": str(s["overdue"]),
            "Cumplimiento": f"{round(s['share_met'] * 100)} %",
            "Entidades con plazos vencidos": str(s["entities_with_overdue"])}


def test_the_page_on_the_sample_data_shows_the_cores_counts_four_charts_and_the_overdue_list(sample_db, use_db):
    use_db(sample_db)
    at = _page(_app().run())
    expected = _summary(sample_db)
    assert expected["overdue"] > 0 and expected["met"] > 0
    assert _metrics(at) == _expected_metrics(expected)
    assert at.title[0].value == "Seguimiento de recomendaciones"
    assert len(at.get("plotly_chart")) == 4  # by entity, by area, ageing, share met per round
    overdue_table = at.dataframe[OVERDUE_TABLE]
    assert len(overdue_table.value) == expected["overdue"]
    days = [int(d.replace(".", "")) for d in overdue_table.value["days_overdue"]]
    assert days == sorted(days, reverse=True) and min(days) > 0


def test_the_list_writes_dates_as_people_read_them_and_a_dash_where_no_schedule_gave_a_deadline(sample_db, use_db):
    """A date column would print a missing deadline as «None»: an accepted recommendation has none yet."""
    use_db(sample_db)
    at = _page(_app().run())
    table = at.dataframe[LIST_TABLE].value
    recs = _core(sample_db, followup.recommendations)
    assert recs["due_date"].isna().any() and recs["due_date"].notna().any()
    for column in ("due_date", "status_date"):
        values = table[column].tolist()
        assert "None" not in values and "NaT" not in values
        assert all(v == "—" or (len(v) == 10 and v[2] == v[5] == "/") for v in values), values[:5]
    assert table["due_date"].tolist().count("—") == int(recs["due_date"].isna().sum())
    dated = recs.dropna(subset=["due_date"]).iloc[0]
    row = table[(table["report"] == dated["report_number"]) & (table["rec_no"] == int(dated["rec_no"]))
                & (table["entity"] == (dated["acronym"] or dated["entity_code"]))].iloc[0]
    assert row["due_date"] == pd.Timestamp(dated["due_date"]).strftime("%d/%m/%Y")


@pytest.fixture
def no_recommendations_db(empty_db):
    """DIGEMIG's real assessment imported without its recommendations (an empty store would get the sample)."""
    con = db.connect(empty_db)
    try:
        for name in ("entidades.csv", "digemig/puntajes.csv"):
            path = db.PROJECT_ROOT / "data" / "sample" / name
            assert ingest.import_file(con, path.read_bytes(), path.name).status == "imported"
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return empty_db


def test_the_page_without_recommendations_says_there_is_nothing_to_follow_and_draws_no_chart(
        no_recommendations_db, use_db):
    use_db(no_recommendations_db)
    at = _page(_app().run())
    assert [i.value for i in at.info] == [t("followup.empty", "es")]
    assert not at.get("plotly_chart") and not at.main.metric


def test_the_sidebar_sector_filter_changes_the_figures_to_that_sectors_entities(sample_db, use_db):
    use_db(sample_db)
    at = _page(_app().run())
    before = _metrics(at)
    sector = sorted(at.sidebar.multiselect(key="filter_sectors").options)[0]
    at.sidebar.multiselect(key="filter_sectors").set_value([sector]).run()
    assert not at.exception
    expected = _summary(sample_db, sectors=[sector])
    assert 0 < expected["total"] < _summary(sample_db)["total"]
    assert _metrics(at)["Recomendaciones"] == str(expected["total"]) != before["Recomendaciones"]
    assert _metrics(at)["Con plazo vencido"] == str(expected["overdue"])


def test_the_round_chosen_on_the_page_narrows_to_that_reports_recommendations(sample_db, use_db):
    use_db(sample_db)
    at = _page(_app().run())
    at.selectbox(key="followup_round").set_value("2023").run()
    assert _metrics(at) == _expected_metrics(_summary(sample_db, period="2023"))


def test_the_list_filters_by_status_area_and_overdue_only(sample_db, use_db):
    use_db(sample_db)
    at = _page(_app().run())

    def listed() -> int:
        return len(at.dataframe[LIST_TABLE].value)

    assert listed() == _summary(sample_db)["total"]
    at.multiselect(key="followup_statuses").set_value(["cumplida"]).run()
    assert listed() == _summary(sample_db)["met"]
    at.multiselect(key="followup_statuses").set_value([]).run()
    at.multiselect(key="followup_areas").set_value(["PLAN"]).run()
    assert listed() == _summary(sample_db, areas=["PLAN"])["total"]
    at.checkbox(key="followup_overdue_only").check().run()
    assert listed() == _summary(sample_db, areas=["PLAN"])["overdue"] > 0


def _record(at: AppTest, rec_key: str, status: str, evidence: str, when: date | None = None) -> AppTest:
    at.selectbox(key="followup_form_rec").set_value(rec_key)
    at.selectbox(key="followup_form_status").set_value(status)
    at.date_input(key="followup_form_date").set_value(when or date.today())
    at.text_area(key="followup_form_evidence").input(evidence)
    next(b for b in at.button if b.label == "Registrar estado").click()
    return at.run()


def test_an_analyst_records_a_status_through_the_form_and_the_derived_status_and_audit_change(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = R.sign_in(_app().run(), "analyst", R.PASSWORDS["analyst"])
    at = _page(at)
    entity, report, number = _lived(sample_db, "no_cumplida", overdue=True)
    before = _rec(sample_db, entity, report, number)
    assert before["status"] == "no_cumplida" and before["is_overdue"]
    summary_before = _summary(sample_db)
    at = _record(at, f"{entity}|{report}|{number}", "cumplida", "PIIGE re-alineado aprobado por RM 045/2026.")
    assert not at.exception and not at.error
    assert at.success[0].value.startswith(f"Registrado: {entity} {report} n.º {number} → Cumplida")
    after = _rec(sample_db, entity, report, number)
    assert (after["status"], after["recorded_by"], bool(after["is_overdue"])) == ("cumplida", "analyst", False)
    assert after["evidence"] == "PIIGE re-alineado aprobado por RM 045/2026."
    summary_after = _summary(sample_db)
    assert (summary_after["met"], summary_after["overdue"]) == (summary_before["met"] + 1,
                                                                summary_before["overdue"] - 1)
    assert _metrics(at)["Con plazo vencido"] == str(summary_after["overdue"])  # the cached figures were dropped
    con = db.connect(sample_db)
    try:
        cur = con.cursor()
        latest = audit.entries(cur, user="analyst", limit=1).iloc[0]
        assert (latest["action"], latest["kind"], latest["user_role"]) == ("import", "registro", "analyst")
        history = followup.history(cur, entity, report, number)
        assert history["status"].tolist()[-1] == "cumplida" and int(history["batch_id"].iloc[-1]) == latest["batch_id"]
    finally:
        con.close()


def test_no_aplicable_without_evidence_is_refused_in_spanish_and_nothing_is_written(sample_db, use_db):
    use_db(sample_db)  # no accounts: the single local administrator
    at = _page(_app().run())
    entity, report, number = _lived(sample_db, "en_plazo")
    before = _core(sample_db, followup.recommendations, entity_code=entity)["updates"].sum()
    at = _record(at, f"{entity}|{report}|{number}", "no_aplicable", "   ")
    assert [e.value for e in at.error] == [t("followup.error.evidence_required", "es")]
    assert not at.success
    assert _core(sample_db, followup.recommendations, entity_code=entity)["updates"].sum() == before


def test_a_follow_up_of_digemigs_real_recommendations_is_refused_they_were_never_accepted(sample_db, use_db):
    use_db(sample_db)
    at = _page(_app().run())
    at = _record(at, f"{DIGEMIG}|{REPORT}|2", "cumplida", "Acta")
    assert at.error and "sin aceptación registrada" in at.error[0].value
    assert not at.success and _rec(sample_db, DIGEMIG, REPORT, 2)["status_implied"]


def test_a_second_status_on_the_same_day_is_refused_and_says_how_to_correct_it(sample_db, use_db):
    use_db(sample_db)
    at = _page(_app().run())
    entity, report, number = _lived(sample_db, "plazo_vencido")
    _record(at, f"{entity}|{report}|{number}", "cumplida", "Procedimientos aprobados.")
    at = _record(at, f"{entity}|{report}|{number}", "en_proceso", "Corrección.")
    assert at.error and at.error[0].value.startswith("Ya hay un estado registrado el")
    assert _rec(sample_db, entity, report, number)["status"] == "cumplida"


def test_a_viewer_sees_the_follow_up_but_not_the_form(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _page(R.sign_in(_app().run(), "viewer", R.PASSWORDS["viewer"]))
    assert _metrics(at)["Con plazo vencido"] == str(_summary(sample_db)["overdue"])
    assert "Registrar seguimiento" not in [tab.label for tab in at.tabs]
    assert not [b for b in at.button if b.label == "Registrar estado"]


def test_the_resumen_pages_open_and_overdue_counts_are_followup_summary_and_match_this_page(sample_db, use_db):
    use_db(sample_db)
    at = _app().run()
    at.switch_page("views/resumen.py").run()
    assert not at.exception
    resumen = _metrics(at)
    expected = _summary(sample_db)
    assert resumen[t("overview.kpi.open", "es")] == str(expected["open"])
    assert resumen[t("overview.kpi.overdue", "es")] == str(expected["overdue"])
    page = _metrics(_page(at))
    assert (page["Abiertas"], page["Con plazo vencido"]) == (str(expected["open"]), str(expected["overdue"]))


def _profile_block():
    import os

    from egov.ui.recommendations import entity_recommendations

    entity_recommendations(os.environ.get("EGOV_TEST_ENTITY", "DIGEMIG"), "es")


def test_the_entity_block_lists_each_recommendation_with_its_status_and_its_whole_history(sample_db, use_db,
                                                                                        monkeypatch):
    use_db(sample_db)
    entity, report, number = _lived(sample_db, "cumplida")
    monkeypatch.setenv("EGOV_TEST_ENTITY", entity)
    at = AppTest.from_function(_profile_block, default_timeout=60).run()
    assert not at.exception
    recs = _core(sample_db, followup.recommendations, entity_code=entity)
    table = at.dataframe[0].value
    assert table["rec_no"].tolist() == recs["rec_no"].astype(int).tolist()
    assert table["status"].tolist() == [t("followup.status.implied", "es") if implied else
                                        t(f"followup.status.{s}", "es")
                                        for s, implied in zip(recs["status"], recs["status_implied"])]
    assert len(at.expander) == len(recs)
    con = db.connect(sample_db)
    try:
        history = followup.history(con.cursor(), entity, report, number)
    finally:
        con.close()
    position = [i for i, (r, n) in enumerate(zip(recs["report_number"], recs["rec_no"]))
                if (r, int(n)) == (report, number)][0]
    shown = at.expander[position].dataframe[0].value
    assert len(shown) == len(history) >= 1
    assert shown["recorded_by"].tolist() == history["recorded_by"].tolist()


def test_digemigs_recommendations_without_follow_up_show_as_pending_since_issue(sample_db, use_db):
    use_db(sample_db)
    at = AppTest.from_function(_profile_block, default_timeout=60).run()
    assert at.dataframe[0].value["status"].tolist() == [t("followup.status.implied", "es")] * 6
    assert [c.value for c in at.expander[5].caption] == [t("followup.no_history", "es")]


@pytest.mark.parametrize("lang", ["en"])
def test_the_page_speaks_english_when_asked(sample_db, use_db, lang):
    use_db(sample_db)
    at = _app()
    at.query_params["lang"] = lang
    at = _page(at.run())
    assert at.title[0].value == "Follow-up of recommendations"
    assert "Overdue" in _metrics(at)
