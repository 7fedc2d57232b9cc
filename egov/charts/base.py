"""What every chart builder shares: the template, the title, the language."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from egov.charts import theme
from egov.i18n import t

TEMPLATE = "plotly_white+" + theme.TEMPLATE_NAME
TITLE_WIDTH = 95  # characters per title line before wrapping


def wrap(text: str, width: int = TITLE_WIDTH) -> str:
    """Plotly does not wrap titles: break long ones with <br>."""
    return "<br>".join(textwrap.wrap(text, width=width)) if text else ""


def figure(title: str, lang: str, *, height: int | None = None) -> go.Figure:
    """An empty figure with the theme, the finding as its title and the language's separators."""
    fig = go.Figure()
    lines = wrap(title).count("<br>") + 1 if title else 0
    fig.update_layout(template=TEMPLATE, separators=theme.separators(lang),
                      title=dict(text=wrap(title)), margin=dict(t=30 + 24 * lines))
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


def bar_height(n_bars: int, *, per_bar: int = 22, minimum: int = 260, extra: int = 130) -> int:
    """Height that keeps one readable line per bar."""
    return max(minimum, extra + per_bar * n_bars)
