"""Evolución: the index and each area across rounds, one entity highlighted, and who moved most."""

import pandas as pd
import streamlit as st

from egov import framework, profile, scoring, trends
from egov.charts import bars, lines
from egov.i18n import fmt_signed, t
from egov.ui import cache, filters, profile_view, safe, show
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

f = filters.current()
lang = f.lang
st.title(t("trends.title", lang))

if f.framework is None or not f.periods:
    st.info(t("ui.no_framework", lang) if f.framework is None else t("ui.no_assessments", lang))
    st.stop()

series = cache.load(trends.series, f.framework, **f.scope())
bands = cache.load(framework.bands, f.framework)
rounds_versions = cache.load(trends.versions, f.framework, **f.scope())
# What the page works out of the data, once per data version and filters (shared by every session).
breaks = cache.built("trends:breaks", f, lambda: trends.breaks(rounds_versions))
versions = cache.built("trends:versions", f, lambda: " · ".join(
    f"{period}: {' / '.join(names)}" for period, names in zip(rounds_versions["period"], rounds_versions["versions"])))
st.caption(safe.t("trends.version_break_note" if breaks else "trends.version_note", lang, framework=f.framework,
             versions=versions))
counts = cache.built("trends:counts", f, lambda: " · ".join(
    f"{p}: {int(n)}" for p, n in series.loc[series["series_code"] == "INDEX", ["period", "n"]].itertuples(index=False)))
st.caption(safe.t("trends.n_note", lang, counts=counts))
if len(f.periods) < 2:
    st.info(t("chart.empty.no_history", lang))

entities = cache.built("trends:entities", f, lambda: f.narrow(cache.shared(scoring.assessed_entities, f.framework)))
labels = cache.built("trends_highlight_labels", f, lambda: profile.names(entities))
highlight = st.selectbox(t("trends.highlight", lang), list(labels), index=None, key="trends_highlight",
                         format_func=labels.get, placeholder=t("trends.highlight_placeholder", lang))

labelled = cache.built("trends:labelled", f, lambda: trends.labelled(series, lang))
mean_label = t("trends.index_series", lang)
index_lines = cache.built("trends:index_lines", f, lambda: labelled[labelled["series"] == mean_label])
strong = mean_label
if highlight:
    rounds = cache.load(profile.rounds, f.framework, highlight)
    name = profile.label(entities[entities["entity_code"] == highlight].iloc[0])
    mine = pd.DataFrame({"period": rounds["period"], "series": name, "value": rounds["index_value"], "n": 1})
    index_lines = pd.concat([index_lines, mine], ignore_index=True)
    strong = name
show.chart(lambda: lines.trends(index_lines, title=trends.index_title(series, f.period, f.previous_period, lang),
                                lang=lang, highlight=strong, bands=bands, breaks=breaks),
           key="trends_index", depends=(f, highlight))
show.chart(lambda: lines.trends(labelled, title=trends.areas_title(series, f.period, f.previous_period, lang),
                                lang=lang, highlight=mean_label, y_title=t("chart.axis.area_score", lang),
                                breaks=breaks),
           key="trends_areas", depends=f)
if highlight:
    areas = cache.load(profile.area_scores, f.framework, [highlight], None)
    show.chart(lines.trends(profile.history_series(rounds, areas, lang),
                            title=profile.history_title(rounds, name, lang), lang=lang,
                            highlight=t("entity.index", lang), bands=bands, breaks=breaks), key="trends_entity")

st.subheader(t("trends.movers.heading", lang))
if not f.previous_period:
    st.info(safe.t("trends.no_previous", lang, period=f.period or "—"))
    st.stop()
changes = cache.load(trends.movers, f.framework, f.previous_period, f.period, **f.scope())
top = cache.built("trends:top", f, lambda: trends.top_movers(changes, 5))
show.chart(lambda: bars.movers(top, title=trends.movers_title(top, f.previous_period, lang), lang=lang),
           key="trends_movers", clickable=True, depends=f)
st.caption(safe.t("trends.movers.note", lang, n=len(changes), previous=f.previous_period, period=f.period))
with st.expander(safe.t("trends.movers.all", lang, n=len(changes))):
    lc = "en" if lang == "en" else "es"
    show.table("trends_all_changes", f, lambda: pd.DataFrame({
        t("entity.col.entity", lang): profile.labels(changes),
        f.previous_period: profile_view.nums(changes["index_from"], lang, 2),
        f.period: profile_view.nums(changes["index_to"], lang, 2),
        t("trends.col.change", lang): [fmt_signed(v, 2, lang) for v in changes["change"]],
        t("trends.col.band_change", lang): changes[f"band_from_{lc}"].fillna("—") + " → "
        + changes[f"band_to_{lc}"].fillna("—")}), lang=lang, limit=None, hide_index=True, width="stretch",
        key="trends_all_changes")
