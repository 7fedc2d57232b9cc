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
    encodes it. Built once with the inert JSON (``cache.built``), this one validates once, makes
    that dict once and sends the same spec. Streamlit only reads the dict (tests/test_page_cache.py checks it).
    """

    def __init__(self, spec: dict):
        super().__init__(spec)
        # Through JSON and back: plain lists, numbers and strings, which the json module's C
        # encoder writes at once, where arrays of text went through Plotly's encoder an item at
        # a time at every run (two thirds of Áreas' cached run at 10,000 entities). The same text.
        self._sent = json.loads(pio.to_json(super().to_dict(), validate=False))

    def to_dict(self) -> dict:
        return self._sent


def table(name: str, depends: Any, build: Callable[[], pd.DataFrame], **options: Any) -> pd.DataFrame:
    """``st.dataframe`` of the table ``build()`` makes, built once per data version and ``depends``
    (``cache.built``), and the built table (for its download).

    Handed a DataFrame, ``st.dataframe`` converts it to Arrow at every run: a fifth to a half of a
    cached run of a page whose table lists 10,000 entities. It is handed the Arrow table made once
    instead, by Streamlit's own conversion, so it sends the very bytes it would have sent
    (tests/test_page_cache.py checks it).
    """
    frame = cache.built(f"table:{name}", depends, build)
    arrow = cache.built(f"arrow:{name}", (depends, id(frame)), lambda: _arrow(frame))
    st.dataframe(arrow, **options)
    return frame


def _arrow(frame: pd.DataFrame) -> pa.Table:
    return dataframe_util.convert_pandas_df_to_arrow_table(frame)

