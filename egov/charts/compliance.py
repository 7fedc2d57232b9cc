"""The index of compliance with recommendations as charts (egov.compliance): per entity, and across follow-ups.

A group (alto, medio, bajo) is a maturity-like order, so it takes the reversed viridis scale of the theme
(more ink = more compliance); an unknown value is never drawn as a bar of 0.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from egov import compliance
from egov.charts import theme
from egov.charts.bars import entity_labels
from egov.charts.base import empty, figure
from egov.i18n import t

# Best first, as compliance.GROUPS: the darkest colour for «alto».
GROUP_COLORS = dict(zip([name for name, _ in compliance.GROUPS][::-1], theme.ordered_colors(len(compliance.GROUPS))))


def index_bars(frame: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """One column per entity with a known index (rows of ``compliance.by_entity``), best on the left.

    Columns, as the ranking slide: forty entities and more keep a readable label each on a projector.
    """
    known = frame[frame["compliance_index"].notna()]
    if known.empty:
        return empty(t("compliance.none", lang), lang, title)
    df = known.sort_values(["compliance_index", "entity_code"], ascending=[False, True]).copy()
    df["label"] = entity_labels(df)
    fig = figure(title, lang, height=520)
    for name, _ in compliance.GROUPS:
        part = df[df["group"] == name]
        if part.empty:
            continue
        fig.add_bar(x=part["label"], y=part["compliance_index"].astype(float), name=t(f"compliance.group.{name}", lang),
                    marker=dict(color=GROUP_COLORS[name], line=dict(color="#4A4A4A", width=0.4)),
                    customdata=part[["entity_code", "degree", "timeliness"]].to_numpy(),
                    hovertemplate=("<b>%{x}</b>: %{y:.1f}<br>" + t("compliance.col.degree", lang)
                                   + ": %{customdata[1]:.1f}<br>" + t("compliance.col.timeliness", lang)
                                   + ": %{customdata[2]:.1f}<extra></extra>"))
    fig.update_layout(legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0), bargap=0.15)
    fig.update_xaxes(title="", categoryorder="array", categoryarray=df["label"].tolist(), tickangle=-60)
    fig.update_yaxes(title=t("compliance.col.index", lang), range=[0, 100])
    return fig


def evolution(steps: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """The index, its degree and its timeliness at each follow-up report (rows of ``compliance.evolution``).

    A timeliness not known at a date leaves a gap in its line, never a 0.
    """
    if steps.empty:
        return empty(t("compliance.none", lang), lang, title)
    df = steps.sort_values("as_of")
    fig = figure(title, lang, height=420)
    for column, key, dash in (("compliance_index", "compliance.col.index", "solid"),
                              ("degree", "compliance.col.degree", "dash"),
                              ("timeliness", "compliance.col.timeliness", "dot")):
        values = pd.to_numeric(df[column], errors="coerce")
        fig.add_scatter(x=pd.to_datetime(df["as_of"]), y=values, mode="lines+markers", name=t(key, lang),
                        line=dict(dash=dash), connectgaps=False,
                        hovertemplate="%{x|%d/%m/%Y}: %{y:.1f}<extra>" + t(key, lang) + "</extra>")
    fig.update_layout(legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0))
    fig.update_xaxes(title=t("compliance.axis.as_of", lang), tickformat="%d/%m/%Y")
    fig.update_yaxes(title="0–100", range=[0, 105])
    return fig
