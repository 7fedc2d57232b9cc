"""Drawing a chart or a big table on a page: one way everywhere.

``theme=None`` keeps the project's Plotly template (Streamlit's own theme
would replace its colours and fonts), the mode bar offers only what a
manager uses, and a clickable chart opens the profile of the entity whose
code the point carries in ``customdata[0]``.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from egov.charts import base
from egov.i18n import fmt_number, t
from egov.ui import cache, links

_CONFIG = {"displaylogo": False, "responsive": True,
           "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"],
           "toImageButtonOptions": {"format": "png", "scale": 2}}


def chart(fig: go.Figure | Callable[[], go.Figure], *, key: str | None = None, clickable: bool = False,
          depends: Any = None) -> None:
    """Show ``fig``; with ``clickable`` a click on an entity opens its profile. Labels from data stay inert.

    ``fig`` may be a function that builds the figure, with ``depends`` naming everything it
    depends on besides the stored data (the filters, the language, the page's widgets): the
    figure, and its inert form, are then built once per data version and shared by every
    session (``cache.built``).
    """
    if callable(fig) and depends is not None:
        built = cache.built(f"chart:{key}", depends, fig)
        fig = cache.built(f"inert:{key}", (depends, id(built)), lambda: _Sent(base.inert(built)))
    else:
        fig = base.inert(fig() if callable(fig) else fig)
    if clickable:
        event = st.plotly_chart(fig, theme=None, key=key, on_select="rerun", selection_mode="points",
                                config=_CONFIG)
        links.chart_opens_profile(event)
    else:
        st.plotly_chart(fig, theme=None, key=key, config=_CONFIG)


class _Sent(go.Figure):
    """The inert JSON as the figure Streamlit would make of it, with its wire form made once.

    Handed a dict, ``st.plotly_chart`` validates it into a ``go.Figure`` at every run (about a
    fifth of a cached page run's CPU, most of it re-validating the template); handed a figure,
    it takes ``to_dict()`` (a deep copy and a base64 pass over every array, a sixth more) and
    encodes it as JSON (a tenth more). Built once with the inert JSON (``cache.built``), this one
    validates once and makes that dict and its JSON text once, and Streamlit sends that same
    text (tests/test_page_cache.py checks it).
    """

    def __init__(self, spec: dict):
        super().__init__(spec)
        # Through JSON and back: plain lists, numbers and strings, which the json module's C
        # encoder writes at once, where arrays of text went through Plotly's encoder an item at
        # a time at every run (two thirds of Áreas' cached run at 10,000 entities). The same text.
        self._sent = _Encoded(json.loads(pio.to_json(super().to_dict(), validate=False)))
        self._sent.text = _plain_to_json(self._sent, validate=False)

    def to_dict(self) -> dict:
        return self._sent


class _Encoded(dict):
    """A figure's wire dict beside the JSON text ``plotly.io.to_json`` makes of it."""

    text: str


# ``st.plotly_chart`` encodes the figure's dict with ``plotly.io.to_json(figure, validate=False)``
# at every run. For the dict of a built figure the text made once is the answer; anything else,
# or a later Streamlit that calls it another way, is encoded as before (only slower).
_plain_to_json = pio.to_json


def _to_json(fig: Any, *args: Any, **kwargs: Any) -> str:
    if type(fig) is _Encoded and not args and kwargs == {"validate": False}:
        return fig.text
    return _plain_to_json(fig, *args, **kwargs)


pio.to_json = _to_json


# A table of more rows than this shows its first ones and says so (its download stays complete):
# nobody reads 10,000 rows in a browser, and every run would send them all.
TABLE_ROWS = 1_000


def table(name: str, depends: Any, build: Callable[[], pd.DataFrame], *, lang: str,
          limit: int | None = TABLE_ROWS, **options: Any) -> pd.DataFrame:
    """``st.dataframe`` of the table ``build()`` makes (its first ``limit`` rows, and a note saying so
    when it has more), built once per data version and ``depends`` (``cache.built``); returns the
    whole table, for the page's download.

    Handed a DataFrame, ``st.dataframe`` converts it to Arrow at every run: a fifth to a half of a
    cached run of a page whose table lists 10,000 entities. It is handed the Arrow table made once
    instead, by Streamlit's own conversion, so it sends the very bytes it would have sent
    (tests/test_page_cache.py checks it).
    """
    frame = cache.built(f"table:{name}", depends, build)
    shown = frame if limit is None or len(frame) <= limit else frame.head(limit)
    st.dataframe(arrow(name, (depends, limit), shown, of=frame), **options)
    if len(shown) < len(frame):
        st.caption(t("table.note.first_rows", lang, shown=fmt_number(len(shown), 0, lang),
                     total=fmt_number(len(frame), 0, lang)))
    return frame


def arrow(name: str, depends: Any, frame: pd.DataFrame, *, of: pd.DataFrame | None = None) -> pa.Table:
    """``frame`` converted for ``st.dataframe`` by Streamlit's own conversion, once per data version,
    ``depends`` and built table ``of`` (``frame`` itself by default: a table from ``cache.built``)."""
    return cache.built(f"arrow:{name}", (depends, id(frame if of is None else of)),
                       lambda: dataframe_util.convert_pandas_df_to_arrow_table(frame))

