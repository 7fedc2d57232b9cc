"""Prioridades: where to supervise next — a priority for every entity, each factor with its share, and why.

A thin page over ``egov.priorities`` (the same list as ``egov prioridades``): the sidebar's framework
and gestión, a cut-off date and the factor weights chosen here. Nothing is written to the store.
"""

from datetime import date

import streamlit as st

from egov import priorities
from egov.charts import priorities as charts
from egov.export import tables
from egov.i18n import t
from egov.ui import cache, chrome, filters, priorities_view, programme_view, show
from egov.ui.guard import require_page

user = require_page()  # every role may read; analysts may also take an entity into the programme

f = filters.current()
lang = f.lang
today = date.today()
st.title(t("priorities.page.title", lang))
st.caption(t("priorities.page.intro", lang))

if f.framework is None:
    st.info(t("ui.no_framework", lang))
    st.stop()
if not f.period:
    st.info(t("priorities.page.no_round", lang))
    st.stop()

as_of = st.date_input(t("priorities.page.as_of", lang), value=today, max_value=today, format="DD/MM/YYYY",
                      key="prio_as_of", help=t("priorities.page.as_of_help", lang))
chosen = priorities_view.weights(lang)
if sum(chosen.values()) <= 0:
    st.warning(t("priorities.error.all_zero", lang))
    st.stop()

ranked = cache.load(priorities.priorities, f.framework, f.period, as_of=as_of, weights=chosen, lang=lang)
synthetic = bool(ranked["is_synthetic"].any()) if not ranked.empty else False
chrome.demo_badge(synthetic, lang)
shown = priorities_view.in_scope(ranked, f.sectors, f.levels, f.entities)
if shown.empty:
    st.info(t("priorities.page.none", lang))
    st.stop()

depends = (f, as_of, sorted(chosen.items()))
show.chart(lambda: charts.contributions(shown, chosen, title=t("priorities.page.chart_title", lang,
                                                                 period=f.period, n=min(len(shown), 25)),
                                        lang=lang),
           key="prio_chart", clickable=True, depends=depends)
show.table("prio", depends, lambda: priorities_view.display_table(shown, lang), lang=lang, hide_index=True,
           width="stretch", key="prio_table")
st.download_button(t("priorities.page.download", lang),
                   lambda: tables.to_xlsx_bytes(priorities_view.export_frame(shown, lang), "prioridades",
                                                notes=priorities_view.notes(f.period, as_of, chosen, synthetic,
                                                                            lang)),
                   file_name=f"prioridades_{f.period}.xlsx", mime=tables.XLSX_MIME, key="prio_download")
with st.expander(t("priorities.page.method", lang)):
    st.markdown(priorities_view.method_text(lang))
programme_view.from_priorities(shown, f.period, user, lang, depends=depends)  # analysts: into the next programme
