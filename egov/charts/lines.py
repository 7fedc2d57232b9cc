"""Lines across rounds: the index and each area, for a selection or one entity."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.base import empty, figure
from egov.i18n import t


def trends(series: pd.DataFrame, *, title: str, lang: str, y_title: str | None = None,
           highlight: str | None = None, bands: pd.DataFrame | None = None,
           breaks: list[tuple[str, str]] | None = None) -> go.Figure:
    """``series``: period, series (label), value, and optionally n (entities behind a mean).

    One line per series in the order first seen; ``highlight`` is drawn thick
    and dark (e.g. the index among its areas); ``bands`` draws the band
    limits as dotted guides; ``breaks`` (round, framework version) marks where
    the methodology changed, so a jump there is not read as progress.
    """
    df = series.dropna(subset=["value"])
    if df.empty:
        return empty(t("chart.empty.no_history", lang), lang, title)
    periods = sorted(df["period"].astype(str).unique())
    fig = figure(title, lang, height=420)
    palette = [c for c in theme.OKABE_ITO if c != "#000000"]
    for i, (name, part) in enumerate(df.groupby("series", sort=False)):
        part = part.sort_values("period")
        strong = name == highlight
        colour = "#000000" if strong else palette[i % len(palette)]
        counts = part["n"].astype(int).astype(str).radd(" · n = ").tolist() if "n" in part else [""] * len(part)
        fig.add_scatter(x=part["period"].astype(str), y=part["value"], name=str(name), mode="lines+markers",
                        line=dict(color=colour, width=4 if strong else 2),
                        marker=dict(size=9 if strong else 7), customdata=counts,
                        # The series name comes from data: the template names it, it is not pasted in.
                        hovertemplate="<b>%{fullData.name}</b><br>%{x}: %{y:.1f}%{customdata}<extra></extra>")
    if bands is not None:
        for bound in sorted(bands["lower_bound"].tolist())[1:]:
            fig.add_hline(y=bound, line=dict(color=theme.MUTED_COLOR, width=1, dash="dot"))
    for period, version in breaks or []:
        if period in periods:
            fig.add_vline(x=periods.index(period) - 0.5, line=dict(color=theme.TEXT_COLOR, width=1.5, dash="dash"))
            fig.add_annotation(x=periods.index(period) - 0.5, y=99, yanchor="top", xanchor="left", xshift=4,
                               showarrow=False,
                               text=t("chart.note.series_break", lang, version=version),
                               font=dict(size=11, color=theme.TEXT_COLOR), bgcolor="#FFFFFF")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods,
                     title=t("chart.axis.period", lang))
    fig.update_yaxes(range=[0, 100], title=y_title or t("chart.axis.index", lang))
    fig.update_layout(legend=dict(orientation="h", y=-0.2, yanchor="top", x=0))
    return fig
