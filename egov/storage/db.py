"""Every connection, migration and transaction of the product lives here.

Nothing else calls ``duckdb.connect``: the multi-user deployment will point
this module at PostgreSQL attached through DuckDB and keep the rest unchanged.

Facts this module is built on (measured, see shared field notes):
- a DuckDB file may be opened for writing by one process only, and one
  connection is not thread-safe: one connection per process, one
  ``cursor()`` per unit of work (a Streamlit script run, a CLI command);
- after an error inside BEGIN ... COMMIT the transaction may be half-valid,
  and Streamlit's rerun/stop signals are BaseException: ``transaction()``
  rolls back on any BaseException and re-raises.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "egov.duckdb"
ENV_DB = "EGOV_DB"

# Serialises writers inside one process (two Streamlit sessions importing at
# the same moment); the UNIQUE sha256 on import_batch covers the rest.
write_lock = threading.RLock()

Connection = duckdb.DuckDBPyConnection


def resolve_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: the explicit path, else $EGOV_DB, else data/egov.duckdb."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_DB)
    return Path(env) if env else DEFAULT_DB_PATH


def connect(path: str | os.PathLike | None = None, *, migrate_schema: bool = True) -> Connection:
    """Open (creating if needed) the database file and bring its schema up to date."""
    db_file = resolve_path(path)
    if str(db_file) != ":memory:":
        db_file.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_file))
    if migrate_schema:
        migrate(con)
    return con


def migration_files() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every packaged migration, in order."""
    found = []
    for item in resources.files("egov.storage.migrations").iterdir():
        name = item.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name, item.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(con: Connection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migration'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migration").fetchall()[0][0]


def migrate(con: Connection) -> list[str]:
    """Apply the migrations this file has not seen yet, each in its own transaction.

    An existing database is upgraded in place, never rebuilt.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    applied = []
    for version, name, sql in migration_files():
        if version <= current:
            continue
        with transaction(con) as cur:
            cur.execute(sql)
            cur.execute("INSERT INTO schema_migration (version, name) VALUES (?, ?)", [version, name])
        applied.append(name)
    return applied


@contextmanager
def transaction(con: Connection) -> Iterator[Connection]:
    """BEGIN ... COMMIT on a fresh cursor; any exception (even BaseException) rolls back."""
    cur = con.cursor()
    try:
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
    finally:
        cur.close()


@contextmanager
def cursor(con: Connection) -> Iterator[Connection]:
    """A cursor for one unit of reading work, always closed."""
    cur = con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def backup_to(con: Connection, target: str | os.PathLike) -> Path:
    """Consistent snapshot of the open database into a new DuckDB file.

    Runs inside the owning process because no second process may open the file.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise FileExistsError(target)
    # Everything on a cursor of its own: the app's connection is shared by every session's thread.
    cur = con.cursor()
    try:
        db_name = cur.execute("SELECT current_database()").fetchall()[0][0]
        # ATTACH takes no parameters: the path is quoted as a SQL string literal.
        cur.execute(f"ATTACH {_sql_literal(str(target))} AS egov_backup")
        try:
            cur.execute(f'COPY FROM DATABASE "{db_name}" TO egov_backup')
        finally:
            cur.execute("DETACH egov_backup")
    finally:
        cur.close()
    return target
