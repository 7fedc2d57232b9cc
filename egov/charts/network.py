"""The interoperability network: entities and partner institutions, by channel.

networkx is not a dependency: a circular layout computed with numpy is enough
for a few hundred nodes and keeps every position reproducible.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.base import empty, figure
from egov.i18n import t

CHANNELS = ("plataforma", "bilateral")


def circular_layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes evenly on the unit circle, the first at 12 o'clock, clockwise."""
    n = len(nodes)
    angles = np.pi / 2 - 2 * np.pi * np.arange(n) / max(n, 1)
    return {node: (float(math.cos(a)), float(math.sin(a))) for node, a in zip(nodes, angles)}


def interop_network(edges: pd.DataFrame, *, title: str, lang: str, max_labels: int = 70) -> go.Figure:
    """``edges``: source_code, source_label, source_name, target_key, target_label, target_name,
    target_code (entity code when the partner is itself an entity, else None), channel.

    Nodes are ordered by kind (assessed entities, then partners outside the
    selection) and by name, placed on a circle; a node's size grows with its
    number of links; the channel is both a colour and a line style.
    """
    if edges.empty:
        return empty(t("chart.empty.no_partners", lang), lang, title)
    sources = edges.drop_duplicates("source_code")
    nodes = {r.source_code: dict(label=r.source_label, name=r.source_name, code=r.source_code, kind="entity")
             for r in sources.itertuples()}
    for r in edges.drop_duplicates("target_key").itertuples():
        if r.target_key not in nodes:
            code = r.target_code if isinstance(r.target_code, str) else ""
            nodes[r.target_key] = dict(label=r.target_label, name=r.target_name, code=code,
                                       kind="entity" if code else "partner")
    degree = pd.concat([edges["source_code"], edges["target_key"]]).value_counts().to_dict()
    order = sorted(nodes, key=lambda k: (nodes[k]["kind"] != "entity", str(nodes[k]["label"]).lower()))
    pos = circular_layout(order)
    fig = figure(title, lang, height=720)
    for channel in CHANNELS:
        part = edges[edges["channel"] == channel]
        if part.empty:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        for r in part.itertuples():
            (x0, y0), (x1, y1) = pos[r.source_code], pos[r.target_key]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                        name=t(f"chart.channel.{channel}", lang) + f" ({len(part)})",
                        line=dict(color=theme.CHANNEL_COLORS[channel], width=1.4,
                                  dash="solid" if channel == "plataforma" else "dash"), opacity=0.7)
    show_all = len(order) <= max_labels
    threshold = sorted(degree.values(), reverse=True)[min(max_labels, len(degree)) - 1] if degree else 0
    for kind in ("entity", "partner"):
        keys = [k for k in order if nodes[k]["kind"] == kind]
        if not keys:
            continue
        xs = [pos[k][0] for k in keys]
        ys = [pos[k][1] for k in keys]
        labels = [nodes[k]["label"] if show_all or degree.get(k, 0) >= threshold else "" for k in keys]
        fig.add_scatter(
            x=xs, y=ys, mode="markers+text", text=labels,
            textposition=["middle right" if x >= 0 else "middle left" for x in xs], textfont=dict(size=11),
            name=t(f"chart.node.{kind}", lang),
            marker=dict(size=[7 + 2.2 * math.sqrt(degree.get(k, 1)) for k in keys],
                        symbol="circle" if kind == "entity" else "diamond",
                        color=theme.scale_color(0.75) if kind == "entity" else theme.NO_DATA_COLOR,
                        line=dict(color="#4A4A4A", width=0.8)),
            customdata=[[nodes[k]["code"], nodes[k]["name"], degree.get(k, 0)] for k in keys],
            hovertemplate="<b>%{customdata[1]}</b><br>" + t("chart.hover.links", lang)
            + ": %{customdata[2]}<extra></extra>")
    fig.update_xaxes(visible=False, range=[-1.6, 1.6])
    fig.update_yaxes(visible=False, range=[-1.2, 1.2], scaleanchor="x", scaleratio=1)
    fig.update_layout(legend=dict(orientation="h", y=-0.02, yanchor="top", x=0))
    return fig
