"""Rows held in memory, visible to the named queries for the length of one piece of work.

The bulk importer types a file's columns in Python (once per distinct value)
and hands the result to DuckDB as an Arrow table: the rules, duplicates and
contradictions are then plain SQL over it (``queries/import_score_*.sql``).
The table is registered on the caller's cursor only, under a fixed name the
queries use, and always unregistered afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

from egov.storage import sql
from egov.storage.db import Connection


@contextmanager
def staged(cur: Connection, name: str, table: pa.Table) -> Iterator[Connection]:
    """``table`` readable as ``name`` on ``cur`` inside the block (zero copy: DuckDB scans the Arrow buffers)."""
    cur.register(name, table)
    try:
        yield cur
    finally:
        cur.unregister(name)


def arrow(cur: Connection, query: str, **params) -> pa.Table:
    """A named query's result as an Arrow table (no pandas conversion: what the store writes next)."""
    wanted = sql.query_params(query)
    missing = wanted - params.keys()
    if missing:
        raise TypeError(f"query {query!r} needs parameters {sorted(missing)}")
    return cur.execute(sql.query_text(query), {k: v for k, v in params.items() if k in wanted}).fetch_arrow_table()


def rows(cur: Connection, query: str, **params) -> list[tuple]:
    """A named query's result as plain tuples (the problems a check finds: few, read one by one)."""
    wanted = sql.query_params(query)
    return cur.execute(sql.query_text(query), {k: v for k, v in params.items() if k in wanted}).fetchall()
