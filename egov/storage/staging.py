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
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from egov.storage import sql
from egov.storage.db import Connection


@dataclass(frozen=True)
class OnDisk:
    """Rows in a Parquet file of ours (a streamed national file's), which DuckDB reads itself, within
    its memory limit, a row group at a time: never whole in Python, nor through Arrow's own reader
    (whose read-ahead measured twice the memory of DuckDB's for the same queries)."""
    path: Path
    rows: int
    columns: tuple[str, ...]

    def relation(self, cur: Connection):
        return cur.read_parquet(str(self.path))


def register(cur: Connection, name: str, table: "pa.Table | OnDisk | object") -> None:
    """``table`` readable as ``name`` on ``cur`` (this cursor only) until ``cur.unregister(name)``."""
    cur.register(name, table.relation(cur) if isinstance(table, OnDisk) else table)


@contextmanager
def staged(cur: Connection, name: str, table: "pa.Table | OnDisk") -> Iterator[Connection]:
    """``table`` readable as ``name`` on ``cur`` inside the block (an Arrow table: zero copy, DuckDB scans
    its buffers; rows on disk: DuckDB reads the file)."""
    register(cur, name, table)
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


def rows(cur: Connection, query: str, *, limit: int | None = None, **params) -> list[tuple]:
    """A named query's result as plain tuples (the problems a check finds: few, read one by one).

    ``limit``: only the first rows (a file with millions of problems is not read into memory)."""
    wanted = sql.query_params(query)
    result = cur.execute(sql.query_text(query), {k: v for k, v in params.items() if k in wanted})
    return result.fetchall() if limit is None else result.fetchmany(limit)


def to_parquet(cur: Connection, query: str, path: Path, *, drop: tuple[str, ...] = (),
               rows_per_batch: int = 100_000, **params) -> OnDisk | None:
    """A named query's result written to a Parquet file a batch at a time (never whole in memory),
    without the ``drop`` columns; None when it has no rows (and no file is written)."""
    wanted = sql.query_params(query)
    reader = cur.execute(sql.query_text(query), {k: v for k, v in params.items() if k in wanted}
                         ).fetch_record_batch(rows_per_batch)
    keep = [name for name in reader.schema.names if name not in drop]
    writer = ParquetAppender(path)
    try:
        for batch in reader:
            if batch.num_rows:
                writer.append(pa.Table.from_batches([batch.select(keep)]))
    finally:
        written = writer.close()  # None: the query gave no rows, and no file was written
    return written


class ParquetAppender:
    """Arrow tables appended to one Parquet file (a row group each): a streamed file's staged rows."""

    def __init__(self, path: Path):
        self.path, self.rows, self._writer = Path(path), 0, None

    def append(self, table: pa.Table) -> None:
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, table.schema)
        self._writer.write_table(table)
        self.rows += table.num_rows

    def close(self) -> OnDisk | None:
        if self._writer is None:
            return None
        self._writer.close()
        return OnDisk(self.path, self.rows, tuple(self._writer.schema.names))
