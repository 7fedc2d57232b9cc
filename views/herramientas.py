"""Herramientas de gobierno electrónico: who uses which tool and how, the adoption ladder (own mechanisms
beside it), the most common combinations and the interoperability network."""

import pandas as pd
import streamlit as st

from egov import framework, tools
from egov.charts import bars, findings, grids, network
from egov.charts.bars import entity_labels
from egov.charts.base import MAX_ENTITY_ROWS
from egov.i18n import t
from egov.ui import cache, filters, panels, show
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

chosen = filters.current()
lang = chosen.lang
lc = "en" if lang == "en" else "es"
st.title(t("page.herramientas", lang))
panels.require_round(chosen)

scope = chosen.scope()
ladder_rows = cache.load(tools.ladder, chosen.framework, chosen.period, **scope)
adoption = cache.load(tools.adoption, chosen.framework, chosen.period, **scope)
catalogue = cache.load(framework.tools, chosen.framework)
steps = cache.load(tools.steps, chosen.framework)
panels.scope_caption(chosen, len(ladder_rows))
# Labels, order and the own-mechanisms table are built once per data version and filters (cache.built):
# at national size they cost more than the rest of a cached run.
labels = cache.built("tools:labels", chosen, lambda: dict(zip(ladder_rows["entity_code"], entity_labels(ladder_rows)))
                     if not ladder_rows.empty else {})

# --- Entities × tools --------------------------------------------------------------------------
st.subheader(t("overview.tools.matrix", lang))
matrix_rows = cache.built("tools:matrix_rows", chosen, lambda: tools.matrix_order(ladder_rows))
panels.figure_or_notice(
    not adoption.empty,
    lambda: panels.fit_title(grids.tool_matrix(adoption, catalogue, matrix_rows[:MAX_ENTITY_ROWS],
                                               row_labels=labels, lang=lang, title=""),
                             findings.matrix_headline(adoption, catalogue, lang), top_extra=40),
    key="tools_matrix", empty_key="chart.empty.no_tools", lang=lang, clickable=True, depends=chosen)
panels.cut_note(MAX_ENTITY_ROWS, len(matrix_rows), lang)

# --- The ladder, own mechanisms beside it -------------------------------------------------------
st.subheader(t("overview.tools.ladder", lang))
has_tools = not adoption.empty
panels.figure_or_notice(
    has_tools, lambda: panels.fit_title(bars.ladder_steps(ladder_rows, steps, title="", lang=lang),
                                        findings.only_signature(ladder_rows, lang), top_extra=10),
    key="tools_ladder", empty_key="chart.empty.no_tools", lang=lang, depends=chosen)
with st.container(border=True):
    st.markdown("**" + t("overview.tools.own", lang) + "**")

    def own_table() -> pd.DataFrame:
        own = tools.own_mechanisms(ladder_rows) if has_tools else ladder_rows.iloc[0:0]
        step_names = dict(zip(steps["step"], steps[f"name_{lc}"]))
        return pd.DataFrame({
            t("overview.tools.col_entity", lang): [labels.get(c, c) for c in own["entity_code"]],
            t("overview.tools.col_step", lang): [f"{s}. {step_names.get(s, '')}" for s in own["step"]],
            t("overview.tools.col_own", lang): [", ".join(v) for v in own["own_tools"]],
            t("overview.tools.col_platform", lang): [", ".join(v) for v in own["platform_tools"]]})

    table = cache.built("tools:own", chosen, own_table)
    if table.empty:
        st.caption(t("overview.tools.own_none", lang) if has_tools else t("chart.empty.no_tools", lang))
    else:
        st.dataframe(show.arrow("tools:own", chosen, table), hide_index=True, width="stretch",
                     height=min(38 + 35 * len(table), 460))

# --- Combinations ------------------------------------------------------------------------------------
st.subheader(t("overview.tools.combinations", lang))
combos = cache.load(tools.combinations, chosen.framework, chosen.period, **scope)
panels.figure_or_notice(
    not combos.empty,
    lambda: panels.fit_title(bars.combinations(combos, title="", lang=lang),
                             findings.combinations_headline(combos, lang)),
    key="tools_combinations", empty_key="chart.empty.no_tools", lang=lang, depends=chosen)

# --- Interoperability network ------------------------------------------------------------------------
st.subheader(t("overview.tools.network", lang))
edges = cache.load(tools.network, chosen.framework, chosen.period, **scope)
panels.figure_or_notice(
    not edges.empty, lambda: panels.fit_title(network.interop_network(edges, title="", lang=lang),
                                              findings.network_headline(edges, lang)),
    key="tools_network", empty_key="chart.empty.no_partners", lang=lang, clickable=True, depends=chosen)
