"""Programa de supervisión: the supervisions programmed per gestión, their state, and the follow-ups due.

A thin page over ``egov.programme`` (the same list as ``egov programa listar``): a gestión, offices and
states chosen here, the sidebar's sector, level and entities. The forms that change the programme are shown
only to roles that may (analysts and administrators); the core checks the role again.
"""

from datetime import date

import streamlit as st

from egov import programme
from egov.charts import programme as charts
from egov.export import tables
from egov.i18n import fmt_number, t
from egov.ui import cache, chrome, filters, programme_view, show
from egov.ui.guard import require_page

user = require_page()  # every role may read

f = filters.current()
lang = f.lang
today = date.today()
st.title(t("programme.page.title", lang))
st.caption(t("programme.page.intro", lang))
for level, message in st.session_state.pop(programme_view.FLASH, []):
    getattr(st, level)(message)
may_edit = programme.can_edit(user.role)

periods = cache.load(programme.periods)
if not periods:
    st.info(t("programme.page.empty", lang))
if may_edit:
    registered = cache.load(programme.entities)
    if not registered.empty:
        with st.expander(t("programme.page.add", lang), expanded=not periods):
            programme_view.add_form(registered, programme.next_period(f.period) or (periods[0] if periods else None),
                                    user, lang)
if not periods:
    st.stop()

a, b, c = st.columns([1, 2, 2])
period = a.selectbox(t("programme.page.period", lang), periods, key="programme_period")
offices = b.multiselect(t("programme.page.offices", lang), cache.load(programme.offices), key="programme_offices",
                        placeholder=t("programme.page.all", lang))
states = c.multiselect(t("programme.page.states", lang), list(programme.STATES), key="programme_states",
                       format_func=lambda s: t(f"programme.state.{s}", lang),
                       placeholder=t("programme.page.all_states", lang))
scope = f.scope()
shown = cache.load(programme.programme, period=period, offices=offices or None, states=states or None, **scope)
due = cache.load(programme.followups_due, period, as_of=today, **scope)
if not f.any_synthetic:  # app.py already shows the badge when the sidebar's selection holds demonstration data
    chrome.demo_badge(bool(shown["is_synthetic"].any()) or bool(due["is_synthetic"].any()), lang)

per_state = programme.counts(shown)
top = st.columns(4)
top[0].metric(t("programme.page.metric.total", lang), fmt_number(len(shown), 0, lang))
top[1].metric(t("programme.page.metric.due", lang), fmt_number(len(due), 0, lang),
              help=t("programme.page.metric.due_help", lang))
for col, (name, n) in zip(st.columns(4), per_state.items()):
    col.metric(t(f"programme.state.{name}", lang), fmt_number(n, 0, lang))
if programme.gestion_window(period) is None:
    st.caption(t("programme.page.not_a_year", lang, period=period))

done = per_state["informe_emitido"] + per_state["seguimiento_programado"]
depends = (f, period, offices, states, today)
show.chart(lambda: charts.timeline(shown, due, lang=lang, window=programme.gestion_window(period),
                                   title=t("programme.page.chart_title", lang, period=period, n=len(shown),
                                           done=done, due=len(due))),
           key="programme_timeline", clickable=True, depends=depends)
undated = shown[shown["planned_start"].isna() | shown["planned_end"].isna()]
if not undated.empty:
    st.caption(t("programme.page.undated", lang, n=len(undated),
                 entities=", ".join(programme_view.display_table(undated, lang)[t("programme.col.entity", lang)])))

st.subheader(t("programme.page.table", lang))
if shown.empty:
    st.info(t("programme.page.none_selected", lang))
else:
    programme_view.show_table(shown, lang, key="programme_table")
    filters_text = (", ".join(offices + [t(f"programme.state.{s}", lang) for s in states])
                    or t("programme.page.all", lang))
    st.download_button(t("programme.page.download", lang),
                       lambda: tables.to_xlsx_bytes(programme_view.export_frame(shown), "programa",
                                                    notes=programme_view.notes(period, filters_text,
                                                                               bool(shown["is_synthetic"].any()),
                                                                               lang)),
                       file_name=f"programa_{period}.xlsx", mime=tables.XLSX_MIME, key="programme_download")

st.subheader(t("programme.page.due_table", lang, period=period))
if due.empty:
    st.info(t("programme.page.no_due", lang, period=period))
else:
    st.dataframe(programme_view.due_table(due, lang), hide_index=True, width="stretch", key="programme_due_table",
                 column_config={t("programme.col.due_date", lang): st.column_config.DateColumn(
                     t("programme.col.due_date", lang), format="DD/MM/YYYY")})

if may_edit and not shown.empty:
    with st.expander(t("programme.page.edit", lang)):
        programme_view.state_form(shown, user, lang)
elif not may_edit:
    st.caption(t("programme.page.read_only", lang))
