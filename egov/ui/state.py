"""Per-process and per-session state of the Streamlit app.

One DuckDB connection per process (``st.cache_resource``): a DuckDB file
admits one writing process, and a connection is not thread-safe, so every
unit of work takes its own ``cursor()`` from it (``reading()``), closed at
the end. Nothing large goes into session state.

On a PostgreSQL store (``EGOV_DB=postgresql://…``) the password comes from
libpq's ``PGPASSWORD``/``~/.pgpass`` or, for the app, from
``.streamlit/secrets.toml``::

    [postgres]
    password = "…"
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from egov import sample
from egov.storage import db, errors
from egov.i18n import DEFAULT_LANGUAGE, LANGUAGES


def _audit_key_from_secrets() -> None:
    """``audit_key`` in .streamlit/secrets.toml is the audit log's key unless $EGOV_AUDIT_KEY is set."""
    try:
        secret = st.secrets.get("audit_key")
    except Exception:  # no secrets.toml at all
        return
    if secret:
        os.environ.setdefault("EGOV_AUDIT_KEY", str(secret))


@st.cache_resource(show_spinner=False)
def _open(path: str) -> db.Connection:
    _audit_key_from_secrets()
    created = path != ":memory:" and not db.is_postgres(path) and not Path(path).exists()
    if db.is_postgres(path):
        _password_from_secrets()
    con = db.connect(path)
    # A new machine opens on the sample data, so the first screen is never empty. Only a
    # database the app creates gets it: an institution's own store, even while it holds no
    # assessment yet (after `egov init`, or once everything is undone), is never filled
    # with demonstration data behind its back.
    if created:
        sample.ensure_sample(con)
    return con


def _password_from_secrets() -> None:
    """PGPASSWORD from ``[postgres] password`` in secrets.toml, unless the environment already has one."""
    if os.environ.get("PGPASSWORD"):
        return
    try:
        password = st.secrets.get("postgres", {}).get("password")
    except Exception:  # no secrets file at all: libpq falls back to ~/.pgpass
        return
    if password:
        os.environ["PGPASSWORD"] = str(password)


def connection() -> db.Connection:
    """The process's connection; when the store cannot be opened (locked by another process, read-only,
    disk full), one Spanish sentence instead of a traceback, and the run stops."""
    try:
        return _open(db.location())
    except errors.StorageUnavailable as exc:
        st.error(str(exc), icon=":material/database:")
        st.stop()
        raise  # st.stop() ends the run


@contextmanager
def reading(version: str | None = None) -> Iterator[db.Connection]:
    """A cursor for one piece of reading work (at ``version``: the cached reads, see ``db.cursor``)."""
    with db.cursor(connection(), version=version) as cur:
        yield cur


T = TypeVar("T")
_RUN_MEMO = "_egov_run_memo"


def per_run(name: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per script run of this session; outside a run (the CLI, bare tests), every time.

    For the small reads every part of a page asks for (the store's data version, whether local
    accounts exist): on PostgreSQL each is a round trip through the attach. A rerun, another page
    or a fragment run is a new run and reads again, so another process's write still shows at the
    next run; ``data_changed()`` forgets them at once. A run is recognised by Streamlit's
    per-run cursor table (``ScriptRunContext.cursors``, replaced at every run's start): the memo
    keeps a reference to it, so a later run's table can never be taken for it.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return compute()
    memo: tuple[Any, dict] | None = getattr(ctx, _RUN_MEMO, None)
    if memo is None or memo[0] is not ctx.cursors:
        memo = (ctx.cursors, {})
        setattr(ctx, _RUN_MEMO, memo)
    if name not in memo[1]:
        memo[1][name] = compute()
    return memo[1][name]


def data_changed() -> None:
    """Call after any write: every cached query result, figure and table is recomputed on next use."""
    from egov.ui import cache, warm  # cache imports this module

    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        setattr(ctx, _RUN_MEMO, None)  # this run's own reads (data version, accounts) are read again
    cache.forget_built()
    warm.changed()  # what the pages read before is made again in the background (egov.ui.warm)


def language() -> str:
    """'es' or 'en', chosen in the sidebar and kept in the URL (?lang=en)."""
    lang = st.query_params.get("lang", st.session_state.get("lang", DEFAULT_LANGUAGE))
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language_switch(lang: str, *, key: str) -> None:
    """The es/en switch; the choice goes into the URL (?lang=en) so a shared link keeps it."""
    choice = st.segmented_control("Idioma / Language", list(LANGUAGES), default=lang, key=key,
                                  label_visibility="collapsed")
    if choice and choice != lang:
        st.query_params["lang"] = choice
        st.session_state["lang"] = choice
        st.rerun()
