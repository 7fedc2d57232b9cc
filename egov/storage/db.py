"""Every connection, migration and transaction of the product lives here.

Nothing else calls ``duckdb.connect``. The store is a DuckDB file (the
default) or a PostgreSQL database attached through DuckDB (a
``postgresql://`` URI in ``--db`` or ``$EGOV_DB``); everything that differs
between the two lives in ``egov.storage.postgres``, so the rest of the
product runs the same statements and queries on both.

Facts this module is built on (measured, see shared field notes):
- a DuckDB file may be opened for writing by one process only, and one
  connection is not thread-safe: one connection per process, one
  ``cursor()`` per unit of work (a Streamlit script run, a CLI command);
- after an error inside BEGIN ... COMMIT the transaction may be half-valid,
  and Streamlit's rerun/stop signals are BaseException: ``transaction()``
  rolls back on any BaseException and re-raises.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb

from egov.storage import errors, postgres

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "egov.duckdb"
ENV_DB = "EGOV_DB"

# Serialises writers inside one process (two Streamlit sessions importing at
# the same moment); the UNIQUE sha256 on import_batch covers the rest.
write_lock = threading.RLock()

Connection = duckdb.DuckDBPyConnection | postgres.Connection


def location(explicit: str | os.PathLike | None = None) -> str:
    """The store as given: the explicit value, else $EGOV_DB, else data/egov.duckdb (a path or a URI)."""
    if explicit:
        return str(explicit)
    return os.environ.get(ENV_DB) or str(DEFAULT_DB_PATH)


def is_postgres(target: str | os.PathLike | None = None) -> bool:
    """Whether the store (explicit, else $EGOV_DB) is a PostgreSQL URI."""
    return postgres.is_uri(location(target))


def resolve_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: the explicit path, else $EGOV_DB, else data/egov.duckdb (file stores only)."""
    target = location(explicit)
    if postgres.is_uri(target):
        raise ValueError("a PostgreSQL store has no file")
    return Path(target)


def describe(explicit: str | os.PathLike | None = None) -> str:
    """The store for a message: the file path, or the URI without any password."""
    target = location(explicit)
    return postgres.describe(target) if postgres.is_uri(target) else target


def backend(con: Connection) -> str:
    """'duckdb' or 'postgres'."""
    return getattr(con, "backend", "duckdb")


def connect(path: str | os.PathLike | None = None, *, migrate_schema: bool = True) -> Connection:
    """Open the store (creating a file if needed) and bring its schema up to date.

    A store that cannot be opened (locked by another process, read-only, disk full) raises
    ``errors.StorageUnavailable`` with one Spanish sentence for the user.
    """
    target = location(path)
    try:
        if postgres.is_uri(target):
            con = postgres.connect(target)
        else:
            if target != ":memory:":
                Path(target).parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(target)
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


TWIN_SUFFIX = ".postgres.sql"


def migration_files(kind: str = "duckdb") -> list[tuple[int, str, str]]:
    """(version, name, sql) of every packaged migration, in order, as run on backend ``kind``.

    ``NNN_name.sql`` is DuckDB SQL and runs on both backends (on PostgreSQL
    through the attach) as long as it uses DDL both share. Where it cannot, a
    twin ``NNN_name.postgres.sql`` in PostgreSQL's own SQL replaces it there
    and is run natively; ``name`` is always the DuckDB file's, so both record
    the same history.
    """
    files = {item.name: item for item in resources.files("egov.storage.migrations").iterdir()}
    found = []
    for name, item in files.items():
        if name.endswith(".sql") and not name.endswith(TWIN_SUFFIX) and name[:3].isdigit():
            twin = files.get(name[:-4] + TWIN_SUFFIX) if kind == "postgres" else None
            found.append((int(name[:3]), name, (twin or item).read_text(encoding="utf-8")))
    return sorted(found)


def _has_twin(name: str) -> bool:
    return resources.files("egov.storage.migrations").joinpath(name[:-4] + TWIN_SUFFIX).is_file()


def schema_version(con: Connection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migration'"
        " AND table_catalog = current_database()"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migration").fetchall()[0][0]


def applied_versions(con: Connection) -> set[int]:
    """The migration versions this store has recorded (none before its first migration)."""
    if not schema_version(con):
        return set()
    return {row[0] for row in con.execute("SELECT version FROM schema_migration").fetchall()}


def migrate(con: Connection) -> list[str]:
    """Apply the migrations this store has not seen yet, each in its own transaction.

    An existing database is upgraded in place, never rebuilt. Two servers
    starting at once on one PostgreSQL store take turns (the writer lock of
    ``transaction``) and the second finds nothing left to do.
    """
    kind = backend(con)
    # By the versions recorded, not the highest one: migrations written in parallel (003 merged after
    # 004) must still reach a store that already has the later one.
    with cursor(con) as cur:
        done = applied_versions(cur)
    applied = []
    for version, name, sql in (migration_files(kind) if kind != "duckdb" else migration_files()):
        if version in done:
            continue
        with transaction(con) as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migration ("
                " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
            if version in applied_versions(cur):  # another process applied it meanwhile
                continue
            if kind == "postgres" and _has_twin(name):
                postgres.execute_native(cur, sql)
            else:
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
            if backend(cur) == "postgres":
                postgres.serialise_writes(cur)
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
    finally:
        cur.close()


@contextmanager
def cursor(con: Connection, *, version: str | None = None) -> Iterator[Connection]:
    """A cursor for one unit of reading work, always closed.

    With ``version`` (``data_version``: the cached page reads), a PostgreSQL
    store is read from the process's in-memory copy at that version
    (``postgres._Snapshots``); a DuckDB file is read directly.
    """
    cur = con.snapshot_cursor(version) if version is not None and backend(con) == "postgres" else con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def data_version(cur: Connection) -> str:
    """A cheap fingerprint of the stored data: the audit chain's head and the newest batch.

    Every change (import, follow-up, undo, account change, restore) appends
    to the audit log in its own transaction, so a cached read keyed on this
    value is recomputed in every process once any process has written.
    """
    # Through the attach on PostgreSQL too: ~2 ms, where postgres_query took ~250 ms a call.
    return str(cur.execute("SELECT (SELECT coalesce(max(seq), 0) FROM audit_log) || ':' ||"
                           " (SELECT coalesce(max(batch_id), 0) FROM import_batch)").fetchall()[0][0])


def next_batch_id(cur: Connection) -> int:
    """The id of a new batch, inside the write transaction (which serialises writers on both backends)."""
    return cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM import_batch").fetchall()[0][0]


def checkpoint(con: Connection) -> None:
    """Write a DuckDB file's WAL into the file (ready to copy); PostgreSQL keeps its own."""
    if backend(con) == "duckdb":
        con.execute("CHECKPOINT")


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
        db_name, source = cur.execute("SELECT database_name, path FROM duckdb_databases()"
                                      " WHERE database_name = current_database()").fetchall()[0]
        copied = bool(source) and _copy_checkpointed(cur, Path(source), target)
        # ATTACH takes no parameters: the path is quoted as a SQL string literal.
        cur.execute(f"ATTACH {_sql_literal(str(target))} AS egov_backup{' (READ_ONLY)' if copied else ''}")
        try:
            if not copied:
                cur.execute(f'COPY FROM DATABASE "{db_name}" TO egov_backup')
            for name, query in (facts or {}).items():
                facts[name] = cur.execute(query.format(copy="egov_backup")).fetchall()
        finally:
            cur.execute("DETACH egov_backup")
    finally:
        cur.close()
    return target


def _copy_checkpointed(cur: Connection, source: Path, target: Path) -> bool:
    """Copy the database file itself once everything is checkpointed into it, with every writer held off.

    A byte copy of a national store takes a second where ``COPY FROM DATABASE`` rewrites it in
    twenty (1 GB); it is consistent only while no commit can land, hence ``write_lock`` (every
    writer of this process takes it, and no other process can open the file), and only with an
    empty WAL (a file copied without its WAL loses what was not checkpointed). Returns False,
    having copied nothing, when the checkpoint could not run or left a WAL: the caller then copies
    through the database.
    """
    wal = source.with_name(source.name + ".wal")
    with write_lock:
        try:
            cur.execute("CHECKPOINT")
        except duckdb.TransactionException:  # a write under way that did not take the lock: not a moment to copy
            return False
        if wal.exists() and wal.stat().st_size > 0:
            return False
        with open(source, "rb") as read, open(target, "xb") as write:
            _copy_bytes(read, write)
            os.fsync(write.fileno())
    return True


def _copy_bytes(read, write) -> None:
    size, done = os.fstat(read.fileno()).st_size, 0
    try:
        while done < size:  # in the kernel, without the bytes passing through Python
            copied = os.copy_file_range(read.fileno(), write.fileno(), min(1 << 30, size - done))
            if copied == 0:
                raise OSError(f"the copy stopped at byte {done} of {size}")
            done += copied
    except (AttributeError, OSError) as exc:
        # Not Linux, or another file system than the store's (EXDEV on older kernels): through Python's
        # buffers. Any other failure (a full disk) is the backup's own error.
        if done or not (isinstance(exc, AttributeError) or exc.errno in (errno.EXDEV, errno.ENOSYS, errno.EINVAL,
                                                                      errno.EOPNOTSUPP)):
            raise
        shutil.copyfileobj(read, write, 16 * 1024 * 1024)
        write.flush()


@contextmanager
def memory_capped(con: Connection, megabytes: int) -> Iterator[None]:
    """DuckDB's own memory held to ``megabytes`` inside the block (the setting is the process's):
    beyond it, its temporary tables, joins and sorts spill to its temporary directory instead of
    growing. ``egov import`` of a national file runs in it; the previous limit comes back after."""
    with cursor(con) as cur:
        previous = cur.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        cur.execute(_set_memory_limit(f"{int(megabytes)} MiB"))
    try:
        yield
    finally:
        with cursor(con) as cur:
            cur.execute("RESET memory_limit")  # the default, exactly (a value read back is rounded)
            if cur.execute("SELECT current_setting('memory_limit')").fetchall()[0][0] != previous:
                cur.execute(_set_memory_limit(previous))


def _set_memory_limit(value: str) -> str:
    # DuckDB's SET takes no parameters: the value is an int of ours or what current_setting gave back.
    if not value or not all(ch.isalnum() or ch in ". " for ch in value):
        raise ValueError(f"unexpected memory_limit {value!r}")
    return f"SET memory_limit = '{value}'"
