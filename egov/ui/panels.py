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

from egov.charts.base import place_title
from egov.i18n import fmt_number, t
from egov.ui import filters, safe, show


def require_round(chosen: filters.Filters) -> None:
    """Stop the page (after its title) when there is nothing to show yet, saying what to load."""
    if not chosen.framework:
        st.info(t("ui.no_framework", chosen.lang), icon=":material/upload_file:")
        st.stop()
    if not chosen.period:
        st.info(t("ui.no_assessments", chosen.lang), icon=":material/upload_file:")
        st.stop()


def figure_or_notice(has_data: bool, build: Callable[[], go.Figure], *, key: str, empty_key: str, lang: str,
                     clickable: bool = False, depends=None) -> None:
    """The chart when there is data for it, else a notice that says what to upload or widen.

    With ``depends`` (the filters and any widget value ``build`` reads) the figure is built once
    per data version and shared (see ``show.chart``).
    """
    if not has_data:
        st.info(t(empty_key, lang), icon=":material/info:")
        return
    show.chart(build, key=key, clickable=clickable, depends=depends)


def cut_note(shown: int, total: int, lang: str, *, extremes: bool = False) -> None:
    """Say under a chart that it shows only part of the entities (nothing when it shows them all)."""
    if shown >= total:
        return
    if extremes:
        st.caption(safe.t("chart.note.extremes", lang, half=shown // 2, total=fmt_number(total, 0, lang)))
    else:
        st.caption(safe.t("chart.note.first_rows", lang, shown=shown, total=fmt_number(total, 0, lang)))


def spread_note(area_rows, lang: str) -> str | None:
    """What to say under the spread chart when its dots are only each area's extremes
    (``spread.dotted``); None when every entity is a dot."""
    from egov.charts import spread

    if not spread.cuts_dots(area_rows):
        return None
    total = area_rows.dropna(subset=["area_score"])["entity_code"].nunique()
    return safe.t("chart.note.spread_dots", lang, half=spread.DOTS_PER_AREA // 2, total=fmt_number(total, 0, lang))


def scope_caption(chosen: filters.Filters, entities: int) -> None:
    """One line under the title: the round and how many entities the filters keep."""
    key = "overview.caption.filtered" if chosen.is_filtered else "overview.caption.all"
    st.caption(safe.t(key, chosen.lang, period=chosen.period, n=fmt_number(entities, 0, chosen.lang)))


def fit_title(fig: go.Figure, title: str, *, width: int = 110, top_extra: int = 0) -> go.Figure:
    """The page's finding title on a built chart, wrapped to ``width`` characters (see ``base.place_title``)."""
    return place_title(fig, title, width=width, top_extra=top_extra)
