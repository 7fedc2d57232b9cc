"""Cached reads for the pages: one place where query results are kept and dropped.

Every page reads through ``load(func, *args, **kwargs)``: ``func`` is a core
function whose first argument is a cursor (``scoring.entity_scores``,
``followup.summary``...). Its result is cached per database file and
arguments with ``st.cache_data`` (so a rerun that changes nothing recomputes
nothing) until ``state.data_changed()`` clears the cache after an import,
an undo or a recorded follow-up. Results come back as copies, so a page may
change a frame it got without touching the cache.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

import streamlit as st

from egov.storage import db
from egov.ui import state


def _resolve(path: str) -> Callable:
    module_name, _, qualname = path.rpartition(":")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target


@st.cache_data(show_spinner=False, max_entries=512)
def _run(db_path: str, func_path: str, args: tuple, kwargs: dict) -> Any:
    # db_path is part of the key only: tests and deployments may point at another file.
    with state.reading() as cur:
        return _resolve(func_path)(cur, *args, **kwargs)


def load(func: Callable, *args: Any, **kwargs: Any) -> Any:
    """``func(cursor, *args, **kwargs)``, cached until the data changes."""
    path = f"{func.__module__}:{func.__qualname__}"
    return _run(str(db.resolve_path()), path, args, kwargs)
