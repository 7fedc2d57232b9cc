"""What every chart builder shares: the template, the title, the language."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.i18n import t

TEMPLATE = theme.TEMPLATE_NAME  # one finished template (theme.register): never re-merged per figure
TITLE_WIDTH = 95  # characters per title line before wrapping


# Plotly reads a small HTML in every label (<b>, <i>, <a href>, <span style>, <sub>…). Text from data must
# show as written: every "<" except the line breaks the builders add becomes "&lt;" (Plotly shows it as "<").
_NOT_A_BREAK = re.compile(r"<(?!br\s*/?>)", re.IGNORECASE)
# Hover and text templates are the builders' own markup: there, only these tags are kept.
_NOT_OURS = re.compile(r"<(?!(?:/?b|br|/?i|/?extra)\s*/?>)", re.IGNORECASE)


def _inert_text(value: str, template: bool = False) -> str:
    return (_NOT_OURS if template else _NOT_A_BREAK).sub("&lt;", value)


def _inert(value, template: bool = False):
    if isinstance(value, str):
        return _inert_text(value, template) if "<" in value else value
    if isinstance(value, dict):
        return {k: (v if k == "template" else _inert(v, k.endswith("template"))) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_inert(v, template) for v in value]
    if isinstance(value, np.ndarray) and value.dtype == object:
        return np.array([_inert(v, template) for v in value.ravel()], dtype=object).reshape(value.shape)
    return value


def literal(text: str) -> str:
    """Data text to paste into a hover template: no tag at all survives (Plotly shows "&lt;" as "<")."""
    return str(text).replace("<", "&lt;")


def inert(fig: go.Figure) -> dict:
    """The figure as Plotly JSON in which no label from data can be read as markup.

    Every text of the traces and the layout (axis ticks and categories, legend
    names, hover texts, custom data, titles, annotations) keeps only the line
    breaks the builders put there; hover templates keep only the builders' own
    ``<b>``, ``<i>``, ``<br>`` and ``<extra>``. Call it where a figure leaves the
    program (the page, the exported images): one place for every chart.
    """
    return _inert(fig.to_plotly_json())


def wrap(text: str, width: int = TITLE_WIDTH) -> str:
    """Plotly does not wrap titles: break long ones with <br>."""
    return "<br>".join(textwrap.wrap(text, width=width)) if text else ""


# Room above the plot area taken by an axis drawn on top (tick labels and axis title),
# and by a one-row legend drawn on top.
TOP_AXIS_ROOM = 48
LEGEND_ROOM = 30


def place_title(fig: go.Figure, title: str, *, width: int = TITLE_WIDTH, top_extra: int = 0) -> go.Figure:
    """Put the finding title above the plot area, starting at the chart's left edge.

    Anchored to the container's left (long entity labels push the plot area
    right) and hung from the container's top, with the top margin sized to its
    lines plus ``top_extra`` (room for an axis or legend drawn above the plot).
    A title anchored to the plot area's top instead sat on it: Plotly ignores
    the bottom padding there, and a wrapped title covered the highest tick.
    """
    text = wrap(title, width)
    lines = text.count("<br>") + 1 if text else 0
    # Plotly places a top-anchored title by its last line: each further line needs its height of padding.
    fig.update_layout(title=dict(text=text, xref="container", x=0.01, xanchor="left", yref="container", y=1,
                                 yanchor="top", pad=dict(t=8 + 21 * max(lines - 1, 0))),
                      margin=dict(t=28 + 22 * lines + top_extra))
    return fig


def figure(title: str, lang: str, *, height: int | None = None, top_extra: int = 0) -> go.Figure:
    """An empty figure with the theme, the finding as its title and the language's separators."""
    theme.ensure_default()
    fig = go.Figure()  # takes the registered default template object as is (see theme.register)
    fig.update_layout(separators=theme.separators(lang))
    place_title(fig, title, top_extra=top_extra)
    if height:
        fig.update_layout(height=height)
    return fig


def empty(message: str, lang: str, title: str = "") -> go.Figure:
    """A figure that says why it is empty (for exports; pages show a notice instead)."""
    fig = figure(title, lang, height=260)
    fig.add_annotation(text=wrap(message, 70), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font=dict(size=14, color=theme.MUTED_COLOR))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def name_col(lang: str) -> str:
    """The suffix of the bilingual columns the queries return (name_es / name_en)."""
    return "en" if lang == "en" else "es"


def label(row, lang: str) -> str:
    """Short label of an entity: its acronym, else its code."""
    acronym = row.get("acronym") if hasattr(row, "get") else None
    return str(acronym) if acronym and acronym == acronym else str(row["entity_code"])


def axis_title(key: str, lang: str) -> str:
    return t(key, lang)


# Beyond this many entities a chart with one row or bar each stops being readable (and a page of
# thousands of rows stops being quick): views show the first rows, or the best and the lowest, and
# say so beside the chart. Findings and downloads always cover every entity.
MAX_ENTITY_ROWS = 60


def extremes(frame: pd.DataFrame, value: str, limit: int = MAX_ENTITY_ROWS) -> pd.DataFrame:
    """All rows when they fit, else the best and the lowest ``limit // 2`` by ``value`` (NaN left out)."""
    ranked = frame.dropna(subset=[value])
    if len(ranked) <= limit:
        return frame
    ranked = ranked.sort_values(value, ascending=False, kind="stable")
    half = limit // 2
    return pd.concat([ranked.head(half), ranked.tail(half)])


def bar_height(n_bars: int, *, per_bar: int = 22, minimum: int = 260, extra: int = 130) -> int:
    """Height that keeps one readable line per bar."""
    return max(minimum, extra + per_bar * n_bars)
