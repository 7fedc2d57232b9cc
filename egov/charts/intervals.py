"""Position intervals: how far each entity's position could move under other reasonable weights.

One row per entity (best official position at the top): a bar from the
lowest to the highest position of its uncertainty interval (5th–95th
percentile of the runs, see ``egov.sensitivity``), coloured by its official
maturity band with the one scale of ``theme``, and a dot at its official
position. Entities carry their code in ``customdata[0]`` so a click opens the
profile.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.base import TOP_AXIS_ROOM, bar_height, empty, figure, name_col
from egov.charts.bars import entity_labels
from egov.i18n import fmt_number, fmt_percent, t


def position_intervals(table: pd.DataFrame, bands: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """``table``: rows of ``sensitivity.uncertainty`` (rank_low, rank_high, rank_in_period, band_code…)."""
    df = table.dropna(subset=["rank_low"]).copy()
    if df.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    # Names and acronyms come from the data: Plotly renders HTML in labels and hovers, so escape them.
    df["label"] = entity_labels(df).map(html.escape)
    df = df.sort_values(["rank_in_period", "label"], ascending=[False, False])
    fig = figure(title, lang, height=bar_height(len(df)), top_extra=TOP_AXIS_ROOM)
    ordered = bands.sort_values("sort_order")
    colours = theme.band_colors(ordered["band_code"].tolist())
    hover = ("<b>%{customdata[1]}</b><br>" + t("chart.sens.hover.official", lang) + ": %{customdata[2]}<br>"
             + t("chart.sens.hover.interval", lang) + ": %{customdata[3]}–%{customdata[4]}<br>"
             + t("chart.sens.hover.index", lang) + ": %{customdata[5]}<br>"
             + t("chart.sens.hover.band_kept", lang) + ": %{customdata[6]}<extra></extra>")
    for band in ordered.itertuples():
        part = df[df["band_code"] == band.band_code]
        if part.empty:
            continue
        custom = pd.DataFrame({
            "code": part["entity_code"], "name": part["name"].map(lambda v: html.escape(str(v))), "official": part["rank_in_period"].astype(int),
            "low": part["rank_low"].astype(int), "high": part["rank_high"].astype(int),
            "index": [f"{fmt_number(a, 1, lang)}–{fmt_number(b, 1, lang)}"
                      for a, b in zip(part["index_low"], part["index_high"])],
            "kept": [fmt_percent(v, 0, lang) for v in part["band_kept"]]})
        fig.add_bar(x=(part["rank_high"] - part["rank_low"] + 0.8), base=part["rank_low"] - 0.4, y=part["label"],
                    orientation="h", name=getattr(band, f"name_{lc}"),
                    marker=dict(color=colours[band.band_code], line=dict(color="#4A4A4A", width=0.4)),
                    customdata=custom.to_numpy(), hovertemplate=hover)
    fig.add_scatter(x=df["rank_in_period"], y=df["label"], mode="markers", name=t("chart.sens.official", lang),
                    marker=dict(color=theme.TEXT_COLOR, size=7, symbol="diamond"),
                    customdata=df[["entity_code"]].to_numpy(), hoverinfo="skip")
    fig.update_layout(barmode="overlay", legend=dict(orientation="h", yanchor="top", y=-0.02, x=0))
    top = float(max(df["rank_high"].max(), df["rank_in_period"].max()))
    fig.update_xaxes(title=t("chart.sens.axis", lang), side="top", range=[0.4, top + 0.6],
                     dtick=max(1, round(len(df) / 10)))
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=df["label"].tolist())
    return fig
