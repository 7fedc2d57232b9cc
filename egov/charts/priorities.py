"""The priority list as a chart: each entity's priority split into what each factor adds to it."""

from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.bars import entity_labels
from egov.charts.base import LEGEND_ROOM, TOP_AXIS_ROOM, bar_height, empty, figure
from egov.i18n import t

# The factors are categories, not levels: the theme's colour-blind-safe categorical palette, one colour each.
FACTOR_COLORS = dict(zip(("madurez", "caida", "vencidas", "tiempo", "limitaciones", "ciudadania", "criticidad"),
                         theme.OKABE_ITO))


def contributions(ranked: pd.DataFrame, weights: Mapping[str, float], *, title: str, lang: str,
                  limit: int = 25) -> go.Figure:
    """Stacked bars, highest priority at the top: the points each factor adds (weight × factor × 100 / Σ weights)."""
    if ranked.empty:
        return empty(t("priorities.page.none", lang), lang, title)
    df = ranked.head(limit).copy()
    df["label"] = entity_labels(df)
    df = df.iloc[::-1]
    total = sum(weights.values())
    fig = figure(title, lang, height=bar_height(len(df)) + LEGEND_ROOM, top_extra=TOP_AXIS_ROOM)
    for factor, colour in FACTOR_COLORS.items():
        points = 100 * weights[factor] * df[f"f_{factor}"].astype(float) / total
        fig.add_bar(x=points, y=df["label"], orientation="h", name=t(f"priorities.factor.{factor}", lang),
                    marker=dict(color=colour, line=dict(color="#4A4A4A", width=0.4)),
                    customdata=df[["entity_code"]].to_numpy(),
                    hovertemplate="%{y}: %{x:.1f}<extra>" + t(f"priorities.factor.{factor}", lang) + "</extra>")
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.08),
                      xaxis=dict(title=t("priorities.page.axis", lang), range=[0, 100], side="top"))
    return fig
