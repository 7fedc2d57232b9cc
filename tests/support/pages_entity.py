"""Helpers for the AppTest runs of the profile, comparison, trends and methodology pages."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(view: str, **params) -> AppTest:
    """Run ``views/<view>.py`` through app.py (sidebar and filters included) with URL parameters."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"views/{view}.py").run()
    return at


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def chart_figures(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def tables(at: AppTest) -> list:
    """Every table on the page as a DataFrame."""
    return [d.value for d in at.dataframe]


def table_with(at: AppTest, column: str):
    """The first table that has ``column``."""
    for frame in tables(at):
        if column in frame.columns:
            return frame
    raise AssertionError(f"no table with column {column!r}: {[list(f.columns) for f in tables(at)]}")


def texts(at: AppTest) -> str:
    """Every markdown, caption, info and warning text on the page, joined."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info] \
        + [w.value for w in at.warning] + [h.value for h in at.header] + [s.value for s in at.subheader]
    return "\n".join(parts)


def values(array) -> list:
    """A Plotly array as a list (Plotly sends numeric arrays as base64 typed arrays: dtype + bdata)."""
    if isinstance(array, dict) and "bdata" in array:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)
