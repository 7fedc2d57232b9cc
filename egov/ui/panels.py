"""Small pieces the overview pages (Resumen, Áreas, Herramientas) share.

``require_round`` stops a page with a notice saying what to load when there is
no framework or no assessed round; ``figure_or_notice`` draws a chart through
``show.chart``, or an ``st.info`` saying what to upload when the selection has
no data for it.
"""

from __future__ import annotations

from typing import Callable

import plotly.graph_objects as go
import streamlit as st

from egov.charts.base import wrap
from egov.i18n import t
from egov.ui import filters, show


def require_round(chosen: filters.Filters) -> None:
    """Stop the page (after its title) when there is nothing to show yet, saying what to load."""
    if not chosen.framework:
        st.info(t("ui.no_framework", chosen.lang), icon=":material/upload_file:")
        st.stop()
    if not chosen.period:
        st.info(t("ui.no_assessments", chosen.lang), icon=":material/upload_file:")
        st.stop()


def figure_or_notice(has_data: bool, build: Callable[[], go.Figure], *, key: str, empty_key: str, lang: str,
                     clickable: bool = False) -> None:
    """The chart when there is data for it, else a notice that says what to upload or widen."""
    if not has_data:
        st.info(t(empty_key, lang), icon=":material/info:")
        return
    show.chart(build(), key=key, clickable=clickable)


def scope_caption(chosen: filters.Filters, entities: int) -> None:
    """One line under the title: the round and how many entities the filters keep."""
    key = "overview.caption.filtered" if chosen.is_filtered else "overview.caption.all"
    st.caption(t(key, chosen.lang, period=chosen.period, n=entities))


def fit_title(fig: go.Figure, title: str, *, width: int = 110, top_extra: int = 0) -> go.Figure:
    """Start the finding title at the chart's left edge (not the plot area's, which long entity labels
    push right), wrap it to ``width`` characters, and leave room for axes drawn on top."""
    text = wrap(title, width)
    lines = text.count("<br>") + 1 if text else 0
    # Anchored above the plot area (and whatever axis or legend sits on top of it), growing upwards:
    # a multi-line title anchored at the container's top was cut on narrow charts.
    fig.update_layout(title=dict(text=text, xref="container", x=0.01, xanchor="left", yref="paper", y=1,
                                 yanchor="bottom", pad=dict(b=top_extra + 12)),
                      margin=dict(t=30 + 21 * lines + top_extra))
    return fig
