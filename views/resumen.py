"""Resumen: the round in one screen — how many entities, how mature, which tools, what is overdue."""

import streamlit as st

from egov import framework, scoring, sensitivity, tools
from egov.charts import bars, findings
from egov.charts.base import extremes
from egov.i18n import fmt_number, fmt_percent, t
from egov.overview import overview
from egov.ui import cache, filters, panels, safe, sensitivity_view
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

chosen = filters.current()
lang = chosen.lang
lc = "en" if lang == "en" else "es"
st.title(t("page.resumen", lang))
panels.require_round(chosen)

scope = chosen.scope()
summary = cache.shared(overview, chosen.framework, chosen.period, chosen.previous_period, **scope)
panels.scope_caption(chosen, summary.entities)
if not summary.entities:
    st.info(t("overview.empty.selection", lang), icon=":material/filter_alt_off:")
    st.stop()

# --- Key figures --------------------------------------------------------------------------
cols = st.columns(5)
cols[0].metric(t("overview.kpi.entities", lang), summary.entities,
               help=t("overview.kpi.entities_help", lang, period=chosen.period))
change = summary.change
if chosen.previous_period and summary.mean_index_before is not None:
    index_help = t("overview.kpi.mean_index_help", lang, previous=chosen.previous_period, n=summary.entities_before)
else:
    index_help = t("overview.kpi.mean_index_help_first", lang)
cols[1].metric(t("overview.kpi.mean_index", lang), fmt_number(summary.mean_index, 1, lang),
               delta=None if change is None else f"{'+' if change >= 0 else '-'}{fmt_number(abs(change), 1, lang)}",
               delta_color="normal" if change is None or change != 0 else "off", help=index_help)
cols[2].metric(t("overview.kpi.coverage", lang), fmt_percent(summary.mean_coverage, 0, lang),
               help=t("overview.kpi.coverage_help", lang))
follow = summary.followup
cols[3].metric(t("overview.kpi.open", lang), follow.get("open", 0), help=t("overview.kpi.open_help", lang))
cols[4].metric(t("overview.kpi.overdue", lang), follow.get("overdue", 0),
               help=t("overview.kpi.overdue_help", lang, n=follow.get("entities_with_overdue", 0)))
st.caption(safe.plain(findings.index_change(summary.mean_index, summary.mean_index_before, lang)))
coverage_note = cache.load(scoring.insufficient_coverage_note, chosen.framework, chosen.period, lc, **scope)
if coverage_note:  # entities under the framework's minimum coverage: named, and left out of every figure above
    st.info(safe.plain(coverage_note), icon=":material/rule:")

st.subheader(t("overview.levels.heading", lang))
band_metrics = cache.built("resumen:band_metrics", chosen, lambda: [  # (label, value), once per data and filters
    (safe.plain(getattr(band, f"name_{lc}")),
     t("overview.levels.metric", lang, n=band.entities, share=fmt_percent(band.share, 0, lang)))
    for band in summary.bands.itertuples()])
for col, (label, value) in zip(st.columns(max(len(band_metrics), 1)), band_metrics):
    col.metric(label, value)

st.subheader(t("overview.ladder.heading", lang))
ladder_rows = cache.load(tools.ladder, chosen.framework, chosen.period, **scope)
signature = cache.built("resumen:signature", chosen, lambda: findings.only_signature(ladder_rows, lang, with_own=True))
st.markdown("**" + safe.plain(signature) + "**")
step_metrics = cache.built("resumen:step_metrics", chosen, lambda: [
    (safe.plain(f"{step.step}. {getattr(step, f'name_{lc}')}"),
     t("overview.levels.metric", lang, n=step.entities, share=fmt_percent(step.share, 0, lang)))
    for step in summary.steps.itertuples()])
for col, (label, value) in zip(st.columns(max(len(step_metrics), 1)), step_metrics):
    col.metric(label, value)

# --- Charts --------------------------------------------------------------------------------
scores = cache.load(scoring.entity_scores, chosen.framework, chosen.period, **scope)
bands = cache.load(framework.bands, chosen.framework)
steps = cache.load(tools.steps, chosen.framework)
has_scores = bool(scores["index_value"].notna().any())
left, right = st.columns(2)
with left:
    panels.figure_or_notice(
        has_scores, lambda: panels.fit_title(bars.level_distribution(scores, bands, title="", lang=lang),
                                             findings.levels_headline(scores, lang, bands), width=55),
        key="resumen_levels", empty_key="chart.empty.no_scores", lang=lang, depends=chosen)
with right:
    panels.figure_or_notice(
        not ladder_rows.empty,
        lambda: panels.fit_title(bars.ladder_steps(ladder_rows, steps, title="", lang=lang, show_names=False),
                                 findings.only_signature(ladder_rows, lang), width=55, top_extra=10),
        key="resumen_ladder", empty_key="chart.empty.no_tools", lang=lang, depends=chosen)


# Positions within the uncertainty (as on Sensibilidad): entities whose position intervals overlap, or whose
# indices are equal, read as tied at their group's best official position.
ties = sensitivity_view.tied_ranks(chosen.framework, chosen.period) if has_scores else {}


def ranked_rows():
    shown = extremes(scores, "index_value")  # the best and the lowest when there are too many to read
    return shown.assign(position_shown=[t("sens.tied", lang, rank=ties[c]) if c in ties else r
                                        for c, r in zip(shown["entity_code"], shown["rank_in_period"])])


ranked = cache.built("resumen:ranked", chosen, ranked_rows)
has_ties = bool(set(ranked["entity_code"]) & set(ties))


def ranking_figure():
    fig = bars.ranking(ranked, bands, title="", lang=lang)
    # Coverage beside the index when some criteria were not assessed, and the tie when there is one.
    for trace in fig.data:
        if trace.customdata is None:
            continue
        full = fmt_percent(1.0, 0, lang)
        trace.text = [fmt_number(x, 1, lang) + ("" if row[5] == full else " · " + t(
            "overview.ranking.coverage", lang, coverage=row[5]))
            + (" · " + t("overview.ranking.tied", lang, rank=ties[row[0]]) if row[0] in ties else "")
            for x, row in zip(trace.x, trace.customdata)]
        trace.texttemplate = "%{text}"
    return panels.fit_title(fig, findings.ranking_headline(scores, lang), top_extra=50)


st.subheader(t("overview.ranking.heading", lang))
panels.figure_or_notice(has_scores, ranking_figure, key="resumen_ranking", empty_key="chart.empty.no_scores",
                        lang=lang, clickable=True, depends=chosen)
panels.cut_note(len(ranked), int(scores["index_value"].notna().sum()), lang, extremes=True)
if has_ties:
    st.caption(t("overview.ranking.ties_note", lang, spread=fmt_percent(sensitivity.DEFAULT_SPREAD, 0, lang)))
