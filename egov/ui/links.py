"""Links between pages: a click on an entity anywhere opens its profile."""

from __future__ import annotations

from typing import Any

import streamlit as st

PROFILE_PAGE = "views/entidad.py"
PROFILE_PARAM = "entidad"


def open_entity(code: str) -> None:
    """Go to the entity's profile (``?entidad=CODE``), keeping the sidebar filters."""
    st.switch_page(PROFILE_PAGE, query_params=dict(_kept_params(), **{PROFILE_PARAM: code}))


def _kept_params() -> dict[str, Any]:
    return {key: (values if len(values) > 1 else values[0])
            for key in st.query_params for values in [st.query_params.get_all(key)]}


def clicked_entity(event: Any) -> str | None:
    """The entity code a chart click selected (``customdata[0]`` of the point), if any.

    ``event`` is what ``st.plotly_chart(..., on_select="rerun")`` returns, or
    the plain dict AppTest delivers through session state.
    """
    if not event:
        return None
    selection = event.get("selection") if isinstance(event, dict) else getattr(event, "selection", None)
    if not selection:
        return None
    points = selection.get("points") if isinstance(selection, dict) else getattr(selection, "points", None)
    for point in points or []:
        custom = point.get("customdata") if isinstance(point, dict) else None
        if custom:
            return str(custom[0] if isinstance(custom, (list, tuple)) else custom)
    return None


def chart_opens_profile(event: Any) -> None:
    """Open the profile of the entity clicked in a chart (no-op when nothing was clicked)."""
    code = clicked_entity(event)
    if code:
        open_entity(code)
