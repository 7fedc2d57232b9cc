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

from egov.storage import errors

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
    try:
        if str(db_file) != ":memory:":
            db_file.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(db_file))
    except (duckdb.Error, OSError) as exc:
        problem = errors.storage_problem(exc, what="abrir la base de datos")
        if problem:
            raise errors.StorageUnavailable(problem) from exc
        raise
    if migrate_schema:
        try:
            migrate(con)
        except BaseException as exc:
            con.close()
            problem = errors.storage_problem(exc, what="actualizar la base de datos") if isinstance(exc, Exception) else None
            if problem:
                raise errors.StorageUnavailable(problem) from exc
            raise
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
    # By the versions recorded, not the highest one: migrations written in parallel (003 merged after
    # 004) must still reach a store that already has the later one.
    done = {row[0] for row in con.execute("SELECT version FROM schema_migration").fetchall()}
    applied = []
    for version, name, sql in migration_files():
        if version in done:
            continue
        with transaction(con) as cur:
            cur.execute(sql)
            cur.execute("INSERT INTO schema_migration (version, name) VALUES (?, ?)", [version, name])
        applied.append(name)
    if applied:
        _audit_migration(con, applied)
    return applied


# The version that made the audit log keyed and tied to the data (004_hardening.sql).
AUDITED_MIGRATIONS_FROM = 4


def _audit_migration(con: Connection, applied: list[str]) -> None:
    """Record an upgrade in the audit log, with the data digests as the migrations left them.

    A migration may change how rows read (a new column), so without this
    entry ``audit verify`` would take an upgrade for data changed behind its
    back. A new, empty store gets no entry (nothing to vouch for yet).
    """
    from egov.storage import audit  # audit needs this module: import it only when used

    if schema_version(con) < AUDITED_MIGRATIONS_FROM:
        return
    with transaction(con) as cur:
        entries = cur.execute("SELECT count(*) FROM audit_log").fetchall()[0][0]
        if not entries and all(d.startswith("0:") for d in audit.data_digest(cur).values()):
            return
        audit.append(cur, user="sistema", role="admin", action="migrate", detail={"applied": applied})


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


def backup_to(con: Connection, target: str | os.PathLike, *, facts: dict[str, str] | None = None) -> Path:
    """Consistent snapshot of the open database into a new DuckDB file.

    Runs inside the owning process because no second process may open the file.
    ``facts`` (name -> a SELECT over the copy, written with ``{copy}`` for its
    catalog) are read from the copy while it is attached and returned in the
    same dict as lists of rows: what the copy itself holds, not the live
    database a moment later.
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
            for name, query in (facts or {}).items():
                facts[name] = cur.execute(query.format(copy="egov_backup")).fetchall()
        finally:
            cur.execute("DETACH egov_backup")
    finally:
        cur.close()
    return target
