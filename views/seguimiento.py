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
from egov.ui import cache, filters, safe, show, state
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
names = ["status", "overdue", "list", "tie_back"] + (["record"] if may_record else [])
tabs = dict(zip(names, st.tabs([t(f"followup.tab.{n}", lang) for n in names])))

with tabs["status"]:
    by_entity = cache.load(followup.status_by, "entity", period=period, **scope)
    show.chart(charts.status_bars(by_entity, dimension="entity", title=charts.by_entity_title(summary, lang),
                                  lang=lang, limit=ENTITY_LIMIT), key="followup_by_entity", clickable=True)
    st.caption(safe.t("followup.page.entities_shown", lang, shown=ENTITY_LIMIT, total=len(by_entity))
               if len(by_entity) > ENTITY_LIMIT else t("followup.page.click_hint", lang))
    by_area = cache.load(followup.status_by, "area", period=period, **scope)
    show.chart(charts.status_bars(by_area, dimension="area", title=charts.by_area_title(by_area, lang), lang=lang),
               key="followup_by_area")
    left, right = st.columns(2)
    ageing = cache.load(followup.ageing, period=period, **scope)
    with left:
        show.chart(charts.ageing_bars(ageing, title=charts.ageing_title(ageing, lang), lang=lang,
                                      title_width=55),
                   key="followup_ageing")
    rounds = cache.load(followup.share_met_by_round, f.framework, as_of=as_of, **f.scope())
    with right:
        show.chart(charts.share_met_bars(rounds, title=charts.share_met_title(rounds, lang), lang=lang,
                                         title_width=55),
                   key="followup_share")

with tabs["overdue"]:
    late = cache.load(followup.recommendations, period=period, overdue_only=True, **scope)
    st.subheader(t("followup.overdue_list", lang))
    if late.empty:
        st.info(safe.t("followup.no_overdue", lang, date=as_of.strftime("%d/%m/%Y")))
    else:
        show_list(late.sort_values("days_overdue", ascending=False), lang, key="followup_overdue_table")

with tabs["list"]:
    area_names = dict(zip(by_area["area_code"], by_area["area_name_en" if lang == "en" else "area_name_es"]))
    a, b, c = st.columns([2, 2, 1])
    statuses = a.multiselect(t("followup.filter.status", lang), list(charts.STATUS_ORDER), key="followup_statuses",
                             format_func=lambda s: charts.status_name(s, lang), placeholder=t("filters.all", lang))
    areas = b.multiselect(t("followup.filter.area", lang), list(area_names), key="followup_areas",
                          format_func=area_names.get, placeholder=t("filters.all_f", lang))
    overdue_only = c.checkbox(t("followup.filter.overdue_only", lang), key="followup_overdue_only")
    listed = cache.load(followup.recommendations, period=period, statuses=statuses or None, areas=areas or None,
                        overdue_only=overdue_only, **scope)
    st.caption(safe.t("followup.list_count", lang, n=fmt_number(len(listed), 0, lang)))
    show_list(listed, lang, key="followup_list_table")
    st.download_button(t("followup.download", lang), lambda: tables.to_csv_bytes(listed), file_name="seguimiento.csv",
                       mime="text/csv", key="followup_download")

with tabs["tie_back"]:
    st.caption(t("followup.tie_back_intro", lang))
    tie = (cache.load(followup.tie_back, f.framework, period=period, as_of=as_of, **f.scope())
           if f.framework else None)
    if tie is None or tie.empty:
        st.info(t("followup.tie_back_none", lang))
    else:
        compared = tie["outcome"].isin(["mejoro", "igual", "empeoro"])
        st.markdown(safe.t("followup.tie_back_summary", lang, compared=int(compared.sum()),
                      improved=int((tie["outcome"] == "mejoro").sum())))
        show_tie_back(tie, lang, key="followup_tie_back_table")

if may_record:
    with tabs["record"]:
        st.caption(t("followup.form.intro", lang))
        options = cache.load(followup.recommendations, period=period, **scope)
        labels = {f"{r.entity_code}|{r.report_number}|{int(r.rec_no)}":
                  f"{r.acronym if isinstance(r.acronym, str) and r.acronym else r.entity_code} · "
                  f"{r.report_number} n.º {int(r.rec_no)} ({charts.status_name(r.status, lang)}) — {r.text_es[:70]}"
                  for r in options.itertuples()}
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
