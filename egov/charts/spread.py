"""The spread of each area's scores across entities: a box with every entity as a dot."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.bars import entity_labels
from egov.charts.base import empty, figure, name_col
from egov.i18n import t


def area_spread(areas: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """One row per area (in framework order): a box of its scores and a dot per entity.

    ``areas``: rows of queries/area_scores.sql joined with the entity's name and
    acronym. Dots are jittered vertically (seeded, so the picture is stable)
    and coloured by the score itself on the maturity scale.
    """
    df = areas.dropna(subset=["area_score"]).copy()
    if df.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df["label"] = entity_labels(df)
    order = df.drop_duplicates("area_code").sort_values("area_order")
    names = order[f"area_name_{lc}"].tolist()
    position = {code: i for i, code in enumerate(order["area_code"])}
    rng = np.random.default_rng(7)
    df["y"] = df["area_code"].map(position) + rng.uniform(-0.28, 0.28, len(df))
    fig = figure(title, lang, height=150 + 80 * len(names))
    for code, i in position.items():
        part = df[df["area_code"] == code]
        fig.add_box(x=part["area_score"], y0=i, orientation="h", name=names[i], boxpoints=False,
                    fillcolor="rgba(0,0,0,0)", line=dict(color=theme.MUTED_COLOR, width=1.2), width=0.75,
                    showlegend=False, hoverinfo="skip")
    fig.add_scatter(
        x=df["area_score"], y=df["y"], mode="markers", showlegend=False,
        marker=dict(size=8 if len(df) < 600 else 5, color=df["area_score"], cmin=0, cmax=100,
                    colorscale=theme.MATURITY_COLORSCALE, line=dict(color="#4A4A4A", width=0.5), opacity=0.9),
        customdata=df[["entity_code", "name", f"area_name_{lc}"]].to_numpy(),
        hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}: %{x:.1f}<extra></extra>")
    fig.update_yaxes(tickvals=list(range(len(names))), ticktext=names, autorange="reversed", showgrid=False,
                     zeroline=False, title="")
    fig.update_xaxes(range=[-3, 103], title=t("chart.axis.area_score", lang))
    return fig
