"""Cached reads for the pages: one place where query results are kept and dropped.

Every page reads through ``load(func, *args, **kwargs)``: ``func`` is a core
function whose first argument is a cursor (``scoring.entity_scores``,
``followup.summary``...). Its result is cached per store, data version and
arguments (so a rerun that changes nothing recomputes nothing) in this module's
own table (``built``), keyed by the arguments' ``repr``: ``st.cache_resource``
hashed every argument with Streamlit's hasher at every call, a twentieth of a
cached run's CPU on the sample (py-spy, 4 sessions). The data version
(``db.data_version``: the audit chain's head and the newest batch, one cheap
query) changes with every import, undo,
follow-up record or account change made by *any* process, so several app
servers on one PostgreSQL store each show a change at their next run;
``state.data_changed()`` also clears this process's cache at once. Results
come back as the caller's own copies, so a page may change a frame it got
without touching the cache (``_own_copy``).
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections import OrderedDict
from typing import Any, Callable

import numpy as np
import pandas as pd

from egov.storage import db
from egov.ui import state, warm


def load(func: Callable, *args: Any, **kwargs: Any) -> Any:
    """``func(cursor, *args, **kwargs)``, cached until the data changes (in this process or any other).

    The result is kept once (``shared``) and each caller gets its own copy (``_own_copy``).
    """
    return _own_copy(shared(func, *args, **kwargs))


def _own_copy(value: Any) -> Any:
    """A copy of a cached result that the caller may change without touching the cache.

    Frames and series are copied shallowly: pandas' copy-on-write (always on since pandas 3)
    copies a column the moment either side writes to it, so the cached frame never changes.
    Containers are rebuilt around their own copies; anything else is copied deeply.
    """
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    if type(value) is list:
        return [_own_copy(item) for item in value]
    if type(value) is tuple:
        return tuple(_own_copy(item) for item in value)
    if type(value) is dict:
        return {key: _own_copy(item) for key, item in value.items()}
    return copy.deepcopy(value)


# --- built objects: figures and display tables, shared by every session -----------------------
#
# A query result is only the start of a page run: reshaping it and building its Plotly figure
# cost more than the query. What a page builds from the data and the choices on screen (the
# sidebar's filters, the language, the page's own widgets) is kept here once per data version
# and shared across sessions and reruns, not copied: callers must not change what they get.

_BUILT_MAX = 1024  # query results (``load``, ``shared``) and built objects together
_built: OrderedDict[tuple, tuple[Any, list]] = OrderedDict()  # key -> (object, the reads its build made)
_built_lock = threading.Lock()
_building: dict[tuple, threading.Event] = {}  # keys being built just now, set when done
_generation = itertools.count(1)
_version = [next(_generation)]


def data_version() -> tuple:
    """What identifies the stored data this process shows: its database and a counter of its writes.

    Every key of both caches starts with it. The store's own version (``db.data_version``: the
    audit chain's head and the newest batch, one cheap query) moves with a write made by any
    process, so several servers on one PostgreSQL store each show it at their next run. It is
    read once per script run (``state.per_run``: a page asks for it at every cached read, and on
    PostgreSQL each read is a round trip), so one run also shows one state of the store
    throughout; ``state.data_changed()`` moves this process's counter on and reads it again.
    """
    where = db.location()
    return (where, state.per_run(("data_version", where), _stored_version), _version[0])


def _stored_version() -> str:
    with state.reading() as cur:
        return db.data_version(cur)


def forget_built() -> None:
    """Drop every built object (called by ``state.data_changed()`` after an import, undo or follow-up)."""
    with _built_lock:
        _version[0] = next(_generation)
        _built.clear()


def _origin(func: Callable) -> str:
    code = getattr(func, "__code__", None)
    return f"{getattr(code, 'co_filename', func.__module__)}:{func.__qualname__}"


def built(name: str, depends: Any, build: Callable[[], Any]) -> Any:
    """``build()``, once per data version, ``name`` and ``depends`` (everything the result depends on
    besides the stored data: filters, language, widget values), shared by every session.

    ``depends`` is compared by its ``repr`` (filters are a frozen dataclass; lists, dates and
    strings print exactly), so two sessions with the same choices share one object.
    """
    key = (data_version(), name, _origin(build), repr(depends))
    while True:
        with _built_lock:
            if key in _built:
                _built.move_to_end(key)
                value, reads = _built[key]
                break
            underway = _building.get(key)
            if underway is None:
                underway = _building[key] = threading.Event()
                value = reads = None
                break
        # another session is building it: wait for that one, then look again
        # (if it failed, this caller builds it and meets the error itself)
        underway.wait()
    if reads is not None:
        warm.remember_again(reads)  # the reads behind it stay among those warmed after a write
        return value
    try:
        with warm.collecting() as reads:
            value = build()  # outside the lock: other keys are built and read meanwhile
        with _built_lock:
            _built[key] = (value, reads)
            while len(_built) > _BUILT_MAX:
                _built.popitem(last=False)
        return value
    finally:
        with _built_lock:
            del _building[key]
        underway.set()


def shared(func: Callable, *args: Any, **kwargs: Any) -> Any:
    """``func(cursor, *args, **kwargs)`` like ``load``, but one result shared by every session, not a copy.

    For the large frames a page only reads (every recommendation of a decade): ``load`` hands
    each run its own copy, which at national size costs more than drawing the page. Callers
    must not change what they get (``sort_values``, ``head`` and filters make new frames).
    """
    name = f"load:{func.__module__}:{func.__qualname__}"
    depends = (args, sorted(kwargs.items()))
    _printable_in_full(depends)
    warm.remember(db.location(), ("shared", name, repr(depends)), lambda: _shared(name, depends, func, args, kwargs))
    return _shared(name, depends, func, args, kwargs)


def _printable_in_full(value: Any) -> None:
    """Refuse an argument whose ``repr`` is abridged (an array, a frame): keys compare by ``repr``,
    so two different ones could print alike and be taken for one read."""
    if isinstance(value, (np.ndarray, pd.DataFrame, pd.Series, pd.Index)):
        raise TypeError(f"cache key argument of type {type(value).__name__}: pass a list or a tuple")
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _printable_in_full(item)
    elif isinstance(value, dict):
        for item in value.values():
            _printable_in_full(item)


def _shared(name: str, depends: tuple, func: Callable, args: tuple, kwargs: dict) -> Any:
    version = data_version()

    def build() -> Any:
        with state.reading(version[1]) as cur:
            return func(cur, *args, **kwargs)

    return built(name, depends, build)
