"""The radar of one entity's areas against its peer group."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.base import TOP_AXIS_ROOM, empty, figure, name_col
from egov.i18n import t


def radar(areas: pd.DataFrame, *, title: str, lang: str, entity_label: str, peer_label: str) -> go.Figure:
    """``areas``: area_code, area_name_es/en, area_order, entity_score, peer_score (0–100).

    An area without a score is drawn at the centre and said so on hover,
    never as a silent zero.
    """
    if areas.empty or areas["entity_score"].isna().all():
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df = areas.sort_values("area_order")
    names = df[f"area_name_{lc}"].tolist()
    closed = names + names[:1]
    fig = figure(title, lang, height=480, top_extra=TOP_AXIS_ROOM)  # the first area's label sits above the circle
    for column, name, colour, fill in (("peer_score", peer_label, theme.OKABE_ITO[1], "none"),
                                       ("entity_score", entity_label, theme.OKABE_ITO[0], "toself")):
        values = df[column].tolist()
        shown = [v if v == v else 0 for v in values]
        hover = [f"{v:.1f}" if v == v else t("chart.status.sin_dato", lang) for v in values]
        fig.add_scatterpolar(r=shown + shown[:1], theta=closed, name=name, fill=fill, mode="lines+markers",
                             line=dict(color=colour, width=2.5, dash="dash" if fill == "none" else "solid"),
                             fillcolor="rgba(0,114,178,0.15)", customdata=hover + hover[:1],
                             hovertemplate="%{theta}: %{customdata}<extra>%{fullData.name}</extra>")
    fig.update_layout(polar=dict(radialaxis=dict(range=[0, 100], tickvals=[25, 50, 75, 100], angle=90,
                                                 tickfont=dict(size=10)),
                                 angularaxis=dict(direction="clockwise", rotation=90)),
                      legend=dict(orientation="h", y=-0.05, yanchor="top", x=0.5, xanchor="center"),
                      margin=dict(l=70, r=70))
    return fig
