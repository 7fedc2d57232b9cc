"""The spread of each area's scores across entities: a box with every entity as a dot."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.bars import entity_labels
from egov.charts.base import empty, figure, name_col
from egov.i18n import t


# Dots drawn per area at most: the lowest and the highest half of them. Ten thousand dots in a row
# are a smear nobody can hover, and sending them cost most of the page's run; the box still
# summarises every entity (``dotted`` says how many each area shows).
DOTS_PER_AREA = 200


def cuts_dots(areas: pd.DataFrame, limit: int | None = None) -> bool:
    """Whether some area has more scored entities than ``limit`` (DOTS_PER_AREA) dots."""
    scored = areas.dropna(subset=["area_score"])
    return not scored.empty and scored.groupby("area_code").size().max() > (DOTS_PER_AREA if limit is None else limit)


def dotted(areas: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The rows drawn as dots: every scored row of an area with at most ``limit`` (DOTS_PER_AREA),
    else its ``limit // 2`` lowest and highest scores (ties by entity code, so the choice is stable)."""
    limit = DOTS_PER_AREA if limit is None else limit
    df = areas.dropna(subset=["area_score"])
    if not cuts_dots(df, limit):
        return df
    ranked = df.sort_values(["area_code", "area_score", "entity_code"], kind="stable")
    place = ranked.groupby("area_code").cumcount()
    size = ranked.groupby("area_code")["area_code"].transform("size")
    return ranked[(place < limit // 2) | (place >= size - limit // 2)].sort_index()


def area_spread(areas: pd.DataFrame, *, title: str, lang: str, dots: int | None = None) -> go.Figure:
    """One row per area (in framework order): a box of its scores and a dot per entity (``dotted``).

    ``areas``: rows of queries/area_scores.sql joined with the entity's name and
    acronym. Dots are jittered vertically (seeded, so the picture is stable)
    and coloured by the score itself on the maturity scale.
    """
    scored = areas.dropna(subset=["area_score"])
    if scored.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df = dotted(scored, dots).copy()
    df["label"] = entity_labels(df)
    order = scored.drop_duplicates("area_code").sort_values("area_order")
    names = order[f"area_name_{lc}"].tolist()
    position = {code: i for i, code in enumerate(order["area_code"])}
    rng = np.random.default_rng(7)
    df["y"] = df["area_code"].map(position) + rng.uniform(-0.28, 0.28, len(df))
    fig = figure(title, lang, height=150 + 80 * len(names))
    for code, i in position.items():
        part = scored[scored["area_code"] == code]
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
