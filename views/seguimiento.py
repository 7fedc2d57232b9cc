"""Seguimiento: which recommendations are met, in progress or overdue, and recording a follow-up.

A thin page over ``egov.followup`` (the same counts as Resumen and the CLI):
the sidebar's framework, sector, level and entities, a round of the issuing
report and an as-of date chosen here. The form is shown only to roles that
may record follow-up; the core checks the role again.
"""

from datetime import date

import streamlit as st

from egov import auth, followup
from egov.charts import followup as charts
from egov.export import tables
from egov.i18n import fmt_number, fmt_percent, t
from egov.ui import cache, compliance_view, filters, safe, show, state
from egov.ui.guard import require_page
from egov.ui.recommendations import show_list, show_tie_back
from egov.ui.session import current_user

require_page()  # every role may read; a signed-out or stale session is stopped here

ENTITY_LIMIT = 50
f = filters.current()
lang = f.lang
user = current_user()
today = date.today()

st.title(t("followup.title", lang))
for level, message in st.session_state.pop("followup_flash", []):
    getattr(st, level)(message)
left, right = st.columns(2)
as_of = left.date_input(t("followup.as_of", lang), value=today, max_value=today, format="DD/MM/YYYY",
                        key="followup_as_of", help=t("followup.as_of_help", lang))
period = right.selectbox(t("followup.filter.round", lang), [None, *f.periods], key="followup_round",
                         format_func=lambda p: p or t("followup.filter.all_rounds", lang))
st.caption(safe.t("followup.caption", lang, date=as_of.strftime("%d/%m/%Y")) + " " + t("followup.page.scope_note", lang))

scope = dict(framework=f.framework, as_of=as_of, **f.scope())
shown_with = (f, as_of, period)  # what every figure and table below depends on besides the data
FORM_LIMIT = 2_000  # recommendations the form offers at once (a longer list is narrowed with the List tab)
summary = cache.load(followup.summary, period=period, **scope)
if not summary["total"]:
    st.info(t("followup.empty", lang))
    st.stop()

cols = st.columns(5)
cols[0].metric(t("followup.metric.total", lang), fmt_number(summary["total"], 0, lang))
cols[1].metric(t("followup.metric.open", lang), fmt_number(summary["open"], 0, lang))
cols[2].metric(t("followup.metric.overdue", lang), fmt_number(summary["overdue"], 0, lang),
               help=t("followup.metric.overdue_help", lang, date=as_of.strftime("%d/%m/%Y")))
cols[3].metric(t("followup.metric.share_met", lang), fmt_percent(summary["share_met"], 0, lang),
               help=t("followup.metric.share_met_help", lang))
cols[4].metric(t("followup.metric.entities_with_overdue", lang),
               fmt_number(summary["entities_with_overdue"], 0, lang))

may_record = auth.allowed(user.role, auth.Action.RECORD_FOLLOWUP)
names = ["status", "overdue", "list", "tie_back", "compliance"] + (["record"] if may_record else [])
tabs = dict(zip(names, st.tabs([t(f"followup.tab.{n}", lang) for n in names])))

with tabs["status"]:
    by_entity = cache.load(followup.status_by, "entity", period=period, **scope)
    show.chart(lambda: charts.status_bars(by_entity, dimension="entity", title=charts.by_entity_title(summary, lang),
                                          lang=lang, limit=ENTITY_LIMIT),
               key="followup_by_entity", clickable=True, depends=shown_with)
    st.caption(safe.t("followup.page.entities_shown", lang, shown=ENTITY_LIMIT, total=len(by_entity))
               if len(by_entity) > ENTITY_LIMIT else t("followup.page.click_hint", lang))
    by_area = cache.load(followup.status_by, "area", period=period, **scope)
    show.chart(lambda: charts.status_bars(by_area, dimension="area", title=charts.by_area_title(by_area, lang),
                                          lang=lang),
               key="followup_by_area", depends=shown_with)
    left, right = st.columns(2)
    ageing = cache.load(followup.ageing, period=period, **scope)
    with left:
        show.chart(lambda: charts.ageing_bars(ageing, title=charts.ageing_title(ageing, lang), lang=lang,
                                              title_width=55),
                   key="followup_ageing", depends=shown_with)
    rounds = cache.load(followup.share_met_by_round, f.framework, as_of=as_of, **f.scope())
    with right:
        show.chart(lambda: charts.share_met_bars(rounds, title=charts.share_met_title(rounds, lang), lang=lang,
                                                 title_width=55),
                   key="followup_share", depends=shown_with)

# Every recommendation in scope, read once: the lists below and the form narrow it (followup.narrow)
every = cache.shared(followup.recommendations, period=period, **scope)

with tabs["overdue"]:
    late = cache.built("followup_overdue", shown_with, lambda: followup.narrow(every, overdue_only=True))
    st.subheader(t("followup.overdue_list", lang))
    if late.empty:
        st.info(safe.t("followup.no_overdue", lang, date=as_of.strftime("%d/%m/%Y")))
    else:
        most_overdue_first = cache.built("followup_overdue_sorted", shown_with,
                                   lambda: late.sort_values("days_overdue", ascending=False, kind="stable"))
        show_list(most_overdue_first, lang, key="followup_overdue_table", depends=shown_with)

with tabs["list"]:
    area_names = dict(zip(by_area["area_code"], by_area["area_name_en" if lang == "en" else "area_name_es"]))
    stages = st.multiselect(t("followup.filter.stage", lang), list(followup.STAGES), key="followup_stages",
                            format_func=lambda s: t(f"followup.stage.{s}", lang), placeholder=t("filters.all", lang))
    a, b, c = st.columns([2, 2, 1])
    statuses = a.multiselect(t("followup.filter.status", lang), list(charts.STATUS_ORDER), key="followup_statuses",
                             format_func=lambda s: charts.status_name(s, lang), placeholder=t("filters.all", lang))
    areas = b.multiselect(t("followup.filter.area", lang), list(area_names), key="followup_areas",
                          format_func=area_names.get, placeholder=t("filters.all_f", lang))
    overdue_only = c.checkbox(t("followup.filter.overdue_only", lang), key="followup_overdue_only")
    listed = cache.built("followup_listed", (shown_with, statuses, areas, overdue_only, stages),
                         lambda: followup.narrow(every, statuses=statuses, areas=areas, stages=stages,
                                                 overdue_only=overdue_only))
    st.caption(safe.t("followup.list_count", lang, n=fmt_number(len(listed), 0, lang)))
    show_list(listed, lang, key="followup_list_table", depends=(shown_with, statuses, areas, overdue_only, stages))
    st.download_button(t("followup.download", lang), lambda: tables.to_csv_bytes(listed), file_name="seguimiento.csv",
                       mime="text/csv", key="followup_download")

with tabs["tie_back"]:
    st.caption(t("followup.tie_back_intro", lang))
    tie = (cache.shared(followup.tie_back, f.framework, period=period, as_of=as_of, **f.scope())
           if f.framework else None)
    if tie is None or tie.empty:
        st.info(t("followup.tie_back_none", lang))
    else:
        compared = tie["outcome"].isin(["mejoro", "igual", "empeoro"])
        st.markdown(safe.t("followup.tie_back_summary", lang, compared=int(compared.sum()),
                      improved=int((tie["outcome"] == "mejoro").sum())))
        show_tie_back(tie, lang, key="followup_tie_back_table", depends=shown_with)

with tabs["compliance"]:
    compliance_view.tab(f, as_of, period)

if may_record:
    with tabs["record"]:
        st.caption(t("followup.form.intro", lang))
        narrowed = len(every) > FORM_LIMIT
        if narrowed:
            st.caption(t("followup.page.form_narrow", lang, total=fmt_number(len(every), 0, lang),
                         shown=fmt_number(min(len(listed), FORM_LIMIT), 0, lang)))

        def form_labels() -> dict[str, str]:
            options = (listed if narrowed else every).head(FORM_LIMIT)
            names = {s: charts.status_name(s, lang) for s in charts.STATUS_ORDER}
            return {f"{code}|{report}|{int(no)}":
                    f"{acronym if isinstance(acronym, str) and acronym else code} · "
                    f"{report} n.º {int(no)} ({names.get(status, status)}) — {text[:70]}"
                    for code, acronym, report, no, status, text in zip(
                        options["entity_code"], options["acronym"], options["report_number"], options["rec_no"],
                        options["status"], options["text_es"])}

        labels = cache.built("followup_form_labels",
                             (shown_with, (statuses, areas, overdue_only, stages) if narrowed else None),
                             form_labels)
        with st.form("followup_record", clear_on_submit=False):
            chosen = st.selectbox(t("followup.form.recommendation", lang), list(labels), format_func=labels.get,
                                  key="followup_form_rec")
            status = st.selectbox(t("followup.form.status", lang), list(charts.STATUS_ORDER), index=None,
                                  placeholder=t("followup.page.status_placeholder", lang),
                                  format_func=lambda s: charts.status_name(s, lang), key="followup_form_status")
            when = st.date_input(t("followup.form.date", lang), value=today, max_value=today, format="DD/MM/YYYY",
                                 key="followup_form_date")
            evidence = st.text_area(t("followup.form.evidence", lang), key="followup_form_evidence",
                                    help=t("followup.form.evidence_help", lang))
            submitted = st.form_submit_button(t("followup.form.submit", lang), type="primary")
        if submitted and (not chosen or not status):
            st.error(t("followup.page.pick_status", lang))
        elif submitted:
            entity, report, number = chosen.split("|")
            try:
                done = followup.record_status(state.connection(), entity, report, int(number), status, when,
                                              evidence, user.name, user.role)
            except followup.FollowUpError as exc:
                st.error(safe.plain(exc.text(lang)))
            except auth.PermissionDenied:
                st.error(safe.t("followup.page.refused", lang, role=t(f"auth.role.{user.role}", lang)))
            else:
                state.data_changed()
                st.session_state["followup_flash"] = [("success", safe.t(
                    "followup.form.done", lang, entity=entity, report=report, rec_no=number,
                    status=charts.status_name(status, lang), date=done.status_date.strftime("%d/%m/%Y"),
                    batch=done.batch_id))]
                st.rerun()
