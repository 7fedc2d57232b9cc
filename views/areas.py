"""Áreas de supervisión: which entities lag in which area, how uneven each area is, by group, and the
criteria most entities fall short of."""

import streamlit as st

from egov import areas, framework, scoring
from egov.charts import bars, findings, grids, spread
from egov.charts.base import MAX_ENTITY_ROWS, wrap
from egov.i18n import t
from egov.ui import cache, filters, panels, verification_view
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

chosen = filters.current()
lang = chosen.lang
lc = "en" if lang == "en" else "es"
st.title(t("page.areas", lang))
panels.require_round(chosen)

scope = chosen.scope()
area_rows = cache.load(areas.area_scores, chosen.framework, chosen.period, **scope)
scores = cache.load(scoring.entity_scores, chosen.framework, chosen.period, **scope)
bands = cache.load(framework.bands, chosen.framework)


def facts():
    """How many entities, whether any area is scored, the lowest band's bound, the areas in order."""
    n = int(area_rows["entity_code"].nunique()) if not area_rows.empty else 0
    scored = bool(area_rows["area_score"].notna().any()) if not area_rows.empty else False
    bound = float(bands.sort_values("sort_order")["upper_bound"].iloc[0]) if not bands.empty else 25.0
    names = area_rows.drop_duplicates("area_code").sort_values("area_order") if scored else area_rows
    return n, scored, bound, names


# worked out once per data version and filters, shared by every session
entity_count, has_scores, threshold, area_names = cache.built("areas:facts", chosen, facts)
panels.scope_caption(chosen, entity_count)

# --- Entities × areas ------------------------------------------------------------------------
st.subheader(t("overview.areas.heatmap", lang))
sort_options = ["index", "name"] + area_names["area_code"].tolist()
sort_labels = {"index": t("overview.areas.sort_index", lang), "name": t("overview.areas.sort_name", lang)}
sort_labels.update({r.area_code: t("overview.areas.sort_area", lang, area=getattr(r, f"area_name_{lc}"))
                    for r in area_names.itertuples()})
sort_by = st.selectbox(t("overview.areas.sort", lang), sort_options, format_func=lambda k: sort_labels.get(k, k),
                       key="areas_sort")


def readable(fig, title: str, rows: int):
    """Area names on two lines, one readable row per entity or group, room for the axis on top."""
    fig.update_xaxes(ticktext=[wrap(str(x), 20) for x in fig.data[0].x], tickvals=list(fig.data[0].x))
    fig.update_traces(textfont_size=11)
    fig.update_layout(height=max(300, 190 + 23 * rows))
    return panels.fit_title(fig, title, top_extra=48)


def heatmap():
    values, codes, names = areas.matrix(area_rows, scores, sort_by=sort_by, lang=lang)
    shown = MAX_ENTITY_ROWS  # the first rows in the chosen order; the headline covers every entity
    fig = grids.score_heatmap(values.iloc[:shown], title="", lang=lang, x_title="",
                              y_title=t("chart.axis.entity", lang), codes=codes[:shown], row_names=names[:shown])
    return readable(fig, findings.heatmap_headline(area_rows, lang, threshold=threshold), min(len(values), shown))


panels.figure_or_notice(has_scores, heatmap, key="areas_heatmap", empty_key="chart.empty.no_scores", lang=lang,
                        clickable=True, depends=(chosen, sort_by))
if has_scores:
    panels.cut_note(MAX_ENTITY_ROWS, entity_count, lang)

# --- Spread of each area -----------------------------------------------------------------------
st.subheader(t("overview.areas.spread", lang))
panels.figure_or_notice(
    has_scores, lambda: panels.fit_title(spread.area_spread(area_rows, title="", lang=lang),
                                         findings.spread_headline(area_rows, lang)),
    key="areas_spread", empty_key="chart.empty.no_scores", lang=lang, clickable=True, depends=chosen)
spread_note = cache.built("areas:spread_note", (chosen, lang), lambda: panels.spread_note(area_rows, lang))
if spread_note:  # worked out once per data version and filters, like the chart
    st.caption(spread_note)

# --- By group ------------------------------------------------------------------------------------
st.subheader(t("overview.areas.groups", lang))
dimension = st.segmented_control(t("overview.areas.group_by", lang), list(areas.DIMENSIONS), default="gov_level",
                                 format_func=lambda d: t(f"overview.areas.group_axis_{d}", lang),
                                 key="areas_group_by") or "gov_level"
groups = cache.load(areas.by_group, chosen.framework, chosen.period, dimension, **scope)


def group_heatmap():
    frame = groups.copy()
    frame["group_label"] = [filters.level_name(v, lang) if dimension == "gov_level" else v
                            for v in frame["group_value"]]
    order = frame.drop_duplicates("group_label")["group_label"].tolist()
    names = frame.drop_duplicates("area_code").sort_values("area_order")
    wide = frame.pivot_table(index="group_label", columns="area_code", values="mean_score", aggfunc="first",
                             dropna=False).reindex(index=order, columns=names["area_code"])
    counts = frame.pivot_table(index="group_label", columns="area_code", values="entities", aggfunc="first",
                               dropna=False).reindex(index=order, columns=names["area_code"]).fillna(0)
    wide.columns = counts.columns = names[f"area_name_{lc}"].tolist()
    title = findings.groups_headline(frame, lang, dimension=t(f"overview.areas.dim_{dimension}", lang))
    fig = grids.score_heatmap(wide, title="", lang=lang, x_title="",
                              y_title=t(f"overview.areas.group_axis_{dimension}", lang), counts=counts)
    return readable(fig, title, len(wide))


panels.figure_or_notice(not groups.empty and groups["mean_score"].notna().any(), group_heatmap,
                        key="areas_groups", empty_key="chart.empty.no_scores", lang=lang, depends=(chosen, dimension))

def short_labels(fig, limit: int = 44):
    """Criterion labels cut with an ellipsis (the full name is in the hover) so none is clipped."""
    fig.update_traces(y=[y if len(y) <= limit else y[:limit - 1].rstrip() + "…" for y in fig.data[0].y])
    return fig


# --- Criteria most entities fail ------------------------------------------------------------------
st.subheader(t("overview.areas.failed", lang), help=t("overview.areas.failed_help", lang))
failed = cache.load(areas.failed_criteria, chosen.framework, chosen.period, **scope)
panels.figure_or_notice(
    not failed.empty and bool((failed["assessed"] > 0).any()),
    lambda: panels.fit_title(short_labels(bars.failed_criteria(failed, title="", lang=lang, limit=12)),
                             findings.failed_criteria_headline(failed, lang)),
    key="areas_failed", empty_key="chart.empty.no_scores", lang=lang, depends=chosen)

# --- Self-assessment against verification ---------------------------------------------------------
verification_view.section(chosen)
