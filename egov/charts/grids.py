"""Grids: entities × areas scores, groups × areas averages, entities × tools adoption."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.base import LEGEND_ROOM, TOP_AXIS_ROOM, empty, figure
from egov.i18n import fmt_number, t

# A glyph per adoption status, so the matrix does not rely on colour alone.
STATUS_GLYPHS = {"ninguna": "", "planificada": "○", "propia": "◐", "plataforma": "●"}


def _click_layer(fig: go.Figure, x: list[str], y: list[str], custom: np.ndarray, cells: np.ndarray,
                 hovertemplate: str) -> None:
    """One invisible marker on each cell that holds data, carrying the cell's customdata.

    Streamlit returns no selected point for a click on a heatmap trace (streamlit/streamlit#8760),
    so a click on a cell would open nothing; a click on a marker comes back with its customdata
    (the entity code), and the marker answers the hover the same way the cell would.
    """
    rows, cols = np.nonzero(cells)
    if not len(rows):
        return
    # Category axes pinned to the cells: markers would otherwise pad the autorange with an empty band.
    fig.update_xaxes(range=[-0.5, len(x) - 0.5])
    fig.update_yaxes(range=[len(y) - 0.5, -0.5], autorange=False)
    fig.add_scatter(x=[x[j] for j in cols], y=[y[i] for i in rows], mode="markers",
                    marker=dict(size=16, symbol="square", color="rgba(0,0,0,0)"),
                    customdata=[list(custom[i, j]) for i, j in zip(rows, cols)],
                    hovertemplate=hovertemplate, showlegend=False, name="")


def score_heatmap(values: pd.DataFrame, *, title: str, lang: str, x_title: str, y_title: str,
                  codes: list[str] | None = None, row_names: list[str] | None = None,
                  counts: pd.DataFrame | None = None) -> go.Figure:
    """Scores 0–100 as coloured cells with their value; an empty cell is grey ("sin dato").

    ``values``: rows (entities or groups) × columns (areas), already ordered,
    first row drawn at the top. ``codes`` puts each row's entity code in the
    cells' customdata (a click opens its profile); ``row_names`` is the long
    name shown on hover; ``counts`` (same shape) the number of entities behind
    an average.
    """
    if values.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    n_rows, n_cols = values.shape
    z = values.to_numpy(dtype=float)
    names = row_names or [str(i) for i in values.index]
    custom = np.empty((n_rows, n_cols, 4), dtype=object)
    for i in range(n_rows):
        for j in range(n_cols):
            custom[i, j, 0] = codes[i] if codes else ""
            custom[i, j, 1] = names[i]
            custom[i, j, 2] = "" if counts is None else f" (n = {int(counts.iat[i, j])})"
            custom[i, j, 3] = "" if np.isnan(z[i, j]) else fmt_number(z[i, j], 1, lang)
    text_size = 12 if n_rows <= 40 else 10
    fig = figure(title, lang, height=max(300, 150 + (22 if n_rows <= 40 else 16) * n_rows),
                 top_extra=TOP_AXIS_ROOM)
    fig.add_heatmap(
        z=z, x=[str(c) for c in values.columns], y=[str(i) for i in values.index], zmin=0, zmax=100,
        colorscale=theme.MATURITY_COLORSCALE, xgap=2, ygap=2, customdata=custom,
        texttemplate="%{z:.0f}" if n_rows * n_cols <= 1500 else None, textfont=dict(size=text_size),
        colorbar=dict(title=dict(text=t("chart.axis.score_short", lang), side="top"), thickness=12, len=0.6,
                      y=1, yanchor="top"),
        hovertemplate=("<b>%{customdata[1]}</b><br>%{x}: %{z:.1f}%{customdata[2]}<extra></extra>"),
        hoverongaps=False)
    fig.update_layout(plot_bgcolor=theme.NO_DATA_COLOR)
    fig.update_yaxes(autorange="reversed", title=y_title, showgrid=False, type="category")
    fig.update_xaxes(side="top", title=x_title, showgrid=False, type="category", tickangle=0)
    if codes:
        x, y = [str(c) for c in values.columns], [str(i) for i in values.index]
        _click_layer(fig, x, y, custom, ~np.isnan(z),
                     "<b>%{customdata[1]}</b><br>%{x}: %{customdata[3]}%{customdata[2]}<extra></extra>")
    return fig


def tool_matrix(adoption: pd.DataFrame, tools: pd.DataFrame, row_order: list[str], *, title: str,
                lang: str, row_labels: dict[str, str] | None = None) -> go.Figure:
    """Entities (rows, in ``row_order``) × tools (columns), each cell coloured by its adoption status.

    ``adoption``: rows of queries/tool_status.sql (entity_code, name, tool_code,
    status, scope, procedures_count); ``tools``: tool_code, name_es, name_en,
    sort_order. A missing cell (no row for that tool) is grey: not recorded.
    """
    if adoption.empty or not row_order:
        return empty(t("chart.empty.no_tools", lang), lang, title)
    lc = "en" if lang == "en" else "es"
    tools = tools.sort_values("sort_order")
    tool_codes = tools["tool_code"].tolist()
    status_index = {s: i for i, s in enumerate(theme.TOOL_STATUS_ORDER)}
    cells = adoption.set_index(["entity_code", "tool_code"])
    names = adoption.drop_duplicates("entity_code").set_index("entity_code")["name"].to_dict()
    n_rows, n_cols = len(row_order), len(tool_codes)
    z = np.full((n_rows, n_cols), np.nan)
    text = np.full((n_rows, n_cols), "", dtype=object)
    custom = np.empty((n_rows, n_cols, 4), dtype=object)
    for i, code in enumerate(row_order):
        for j, tool in enumerate(tool_codes):
            status, scope = None, ""
            if (code, tool) in cells.index:
                row = cells.loc[(code, tool)]
                # A NULL status (no rating recorded) arrives as NaN: treat it as "sin dato".
                status = row["status"] if isinstance(row["status"], str) else None
                scope = row["scope"] if isinstance(row["scope"], str) else ""
            z[i, j] = status_index[status] if status in status_index else np.nan
            text[i, j] = STATUS_GLYPHS.get(status, "")
            custom[i, j, 0] = code
            custom[i, j, 1] = names.get(code, code)
            custom[i, j, 2] = t(f"chart.status.{status}", lang) if status else t("chart.status.sin_dato", lang)
            custom[i, j, 3] = ("<br>" + scope[:90]) if scope else ""
    colours = [theme.TOOL_STATUS_COLORS[s] for s in theme.TOOL_STATUS_ORDER]
    labels = [row_labels.get(c, c) if row_labels else c for c in row_order]
    fig = figure(title, lang, height=max(320, 170 + 22 * n_rows), top_extra=2 * LEGEND_ROOM)  # legend on top (two rows on narrow charts)
    fig.add_heatmap(
        z=z, x=tools[f"name_{lc}"].tolist(), y=labels, zmin=-0.5, zmax=len(colours) - 0.5,
        colorscale=theme.discrete_colorscale(colours), showscale=False, xgap=2, ygap=2, customdata=custom,
        text=text, texttemplate="%{text}", textfont=dict(size=13),
        hovertemplate="<b>%{customdata[1]}</b><br>%{x}: %{customdata[2]}%{customdata[3]}<extra></extra>",
        hoverongaps=False)
    # The legend: one invisible marker per status (a heatmap has no categorical legend of its own).
    for status in theme.TOOL_STATUS_ORDER:
        fig.add_scatter(x=[None], y=[None], mode="markers", name=(STATUS_GLYPHS[status] + " " if
                        STATUS_GLYPHS[status] else "") + t(f"chart.status.{status}", lang),
                        marker=dict(size=12, symbol="square", color=theme.TOOL_STATUS_COLORS[status],
                                    line=dict(color="#4A4A4A", width=0.5)))
    fig.update_layout(plot_bgcolor=theme.NO_DATA_COLOR,
                      legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0))
    fig.update_yaxes(autorange="reversed", showgrid=False, type="category", title=t("chart.axis.entity", lang))
    fig.update_xaxes(side="bottom", showgrid=False, type="category", title="", tickangle=-30)
    _click_layer(fig, tools[f"name_{lc}"].tolist(), labels, custom, np.ones((n_rows, n_cols), dtype=bool),
                 "<b>%{customdata[1]}</b><br>%{x}: %{customdata[2]}%{customdata[3]}<extra></extra>")
    return fig
