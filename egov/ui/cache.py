"""Cached reads for the pages: one place where query results are kept and dropped.

Every page reads through ``load(func, *args, **kwargs)``: ``func`` is a core
function whose first argument is a cursor (``scoring.entity_scores``,
``followup.summary``...). Its result is cached per store, data version and
arguments with ``st.cache_data`` (so a rerun that changes nothing recomputes
nothing). The data version (``db.data_version``: the audit chain's head and
the newest batch, one cheap query) changes with every import, undo,
follow-up record or account change made by *any* process, so several app
servers on one PostgreSQL store each show a change at their next run;
``state.data_changed()`` also clears this process's cache at once. Results
come back as copies, so a page may change a frame it got without touching
the cache.
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
def _run(store: str, version: str, func_path: str, args: tuple, kwargs: dict) -> Any:
    # store and version are part of the key only: tests and deployments may point at another
    # store, and another process may have written since.
    with state.reading(version) as cur:
        return _resolve(func_path)(cur, *args, **kwargs)


def load(func: Callable, *args: Any, **kwargs: Any) -> Any:
    """``func(cursor, *args, **kwargs)``, cached until the data changes (in this process or any other)."""
    path = f"{func.__module__}:{func.__qualname__}"
    with state.reading() as cur:
        version = db.data_version(cur)
    return _run(db.location(), version, path, args, kwargs)
