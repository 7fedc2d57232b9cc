"""Comparar: two to six entities side by side (``?comparar=A&comparar=B``): index, areas, tools."""

import pandas as pd
import streamlit as st

from egov import compare, framework, profile, scoring
from egov.charts import bars, findings, grids
from egov.i18n import fmt_number, fmt_percent, t
from egov.ui import cache, filters, peers_view, profile_view, safe, sensitivity_view, show
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

KEY, PARAM, URL_READ = "compare_choice", "comparar", "compare_url_read"

f = filters.current()
lang = f.lang
lc = "en" if lang == "en" else "es"
st.title(t("compare.title", lang))

if f.framework is None or not f.period:
    st.info(t("ui.no_framework", lang) if f.framework is None else t("ui.no_assessments", lang))
    st.stop()

entities = cache.load(scoring.assessed_entities, f.framework)
scoped = f.narrow(entities)
# every assessed entity's label and short name, once per data version (a national store has thousands)
labels, short = cache.built("compare:labels", f.framework, lambda: (
    profile.names(entities), dict(zip(entities["entity_code"], profile.labels(entities)))))

# The choice travels in the URL: a new session starts from it, later runs write it.
if not st.session_state.get(URL_READ):
    st.session_state[URL_READ] = True
    from_url = [c for c in st.query_params.get_all(PARAM) if c in labels]
    if from_url:
        st.session_state[KEY] = from_url
    elif f.entities and compare.MIN_ENTITIES <= len(f.entities) <= compare.MAX_ENTITIES:
        st.session_state[KEY] = list(f.entities)
kept = [c for c in st.session_state.get(KEY, []) if c in labels]
options = cache.built("compare:options", (f, kept),
                      lambda: kept + [c for c in scoped["entity_code"] if c not in kept])
if KEY in st.session_state and kept != st.session_state[KEY]:
    st.session_state[KEY] = kept
chosen = st.multiselect(t("compare.choose", lang), options, key=KEY, format_func=labels.get,
                        placeholder=t("compare.choose_placeholder", lang),
                        help=t("compare.choose_help", lang))
if chosen:
    st.query_params[PARAM] = chosen
elif PARAM in st.query_params:
    del st.query_params[PARAM]

if len(chosen) < compare.MIN_ENTITIES:
    st.info(safe.t("compare.too_few", lang, n=len(chosen)))
    st.stop()
if len(chosen) > compare.MAX_ENTITIES:
    st.warning(safe.t("compare.too_many", lang, n=len(chosen)))
    st.stop()

scores = cache.load(compare.scores, f.framework, f.period, chosen)
missing = [labels[c] for c in chosen if c not in set(scores["entity_code"])]
if missing:
    st.warning(safe.t("compare.not_assessed", lang, period=f.period, names="; ".join(missing)))
if scores.empty:
    st.stop()

st.subheader(safe.t("compare.table.title", lang, period=f.period))
st.dataframe(pd.DataFrame({
    t("entity.col.entity", lang): [labels[c] for c in scores["entity_code"]],
    t("entity.col.index", lang): profile_view.nums(scores["index_value"], lang, 2),
    t("entity.col.band", lang): scores[f"band_name_{lc}"].fillna("—"),
    t("entity.col.rank", lang): [t("entity.rank_of", lang, rank=int(r), n=int(n)) if pd.notna(r) else "—"
                                 for r, n in zip(scores["rank_in_period"], scores["ranked_in_period"])],
    t("sens.col.rank_range", lang): sensitivity_view.rank_ranges(f, scores["entity_code"].tolist()),
    t("entity.col.coverage", lang): [fmt_percent(v, 0, lang) for v in scores["coverage"]],
    t("entity.col.criteria", lang): [t("compare.criteria_of", lang, a=int(a), n=int(n)) for a, n
                                     in zip(scores["criteria_assessed"], scores["criteria_total"])],
}), hide_index=True, width="stretch", key="compare_table")
best = scores.dropna(subset=["index_value"])
if not best.empty:
    top = best.loc[best["index_value"].idxmax()]
    st.caption(safe.t("compare.leader", lang, entity=labels[top["entity_code"]],
                 index=fmt_number(top["index_value"], 1, lang)))

areas = cache.load(compare.areas, f.framework, f.period, chosen)
show.chart(lambda: bars.compare_areas(areas, title=compare.areas_title(areas, lang), lang=lang),
           key="compare_areas", clickable=True, depends=(f, chosen))

peers_view.reference(f, scores.iloc[0]["entity_code"], profile.label(scores.iloc[0]), f.period,
                     key="compare_peer_by")

adoption = cache.load(compare.tools, f.framework, f.period, chosen)
recorded = adoption.dropna(subset=["status"])  # a tool with no record stays a grey cell
tool_list = cache.load(framework.tools, f.framework)
rows = [c for c in chosen if c in set(adoption["entity_code"])]
show.chart(lambda: grids.tool_matrix(recorded, tool_list, rows, lang=lang, row_labels=short,
                                     title=findings.matrix_headline(recorded, tool_list, lang)),
           key="compare_tools", clickable=True, depends=(f, chosen))
