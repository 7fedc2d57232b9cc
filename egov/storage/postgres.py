"""The PostgreSQL backend: a shared store for several app servers and the command line at once.

The store stays a DuckDB connection, so every query under ``queries/`` and
every statement of the storage package runs unchanged: an in-memory DuckDB
attaches the PostgreSQL database through DuckDB's ``postgres`` extension
(``TYPE postgres``, loaded from the pinned ``duckdb-ext-postgres`` wheel,
never downloaded) and ``USE``s it. PostgreSQL keeps the data and enforces
the schema's keys, checks and uniqueness rules itself.

What differs from the DuckDB file, all of it here (measured on DuckDB 1.4.4
and PostgreSQL 15):
- a cursor of a DuckDB connection does not inherit ``USE``: ``Connection``
  below wraps the DuckDB connection and points every cursor at the store;
- DuckDB cannot create sequences in PostgreSQL nor read ``RETURNING`` from
  it: a migration that needs them has a PostgreSQL twin
  (``NNN_name.postgres.sql``) run natively with ``postgres_execute``;
- several processes write at once: every write transaction first switches
  to READ COMMITTED and takes one transaction-scoped advisory lock, so
  writes (batches, undo, accounts, the audit chain's appends) are
  serialised inside PostgreSQL, across every server and command, and each
  sees what the previous one committed. Readers never wait for it.
- the password never travels in the URI given on the command line: libpq
  reads ``PGPASSWORD`` or ``~/.pgpass`` (the app may set ``PGPASSWORD`` from
  ``.streamlit/secrets.toml``, see ``egov.ui.state``).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import threading
from collections import OrderedDict
from importlib import util
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import duckdb

SCHEMES = ("postgresql://", "postgres://")
# The name the attached database has inside DuckDB (current_database()).
CATALOG = "egov"
# pg_advisory_xact_lock key for "one writer at a time": 0x65676f76 is "egov" in ASCII.
WRITE_LOCK_KEY = 0x65676F76
EXTENSION = "postgres_scanner.duckdb_extension"


class PostgresError(Exception):
    """The PostgreSQL store cannot be used as asked; the message is for the user, in Spanish."""


def is_uri(target: str | os.PathLike | None) -> bool:
    return isinstance(target, str) and target.startswith(SCHEMES)


def describe(uri: str) -> str:
    """The URI without any password (for messages and logs)."""
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    netloc = parts.netloc.replace(f":{parts.password}@", "@")
    return parts._replace(netloc=netloc).geturl()


def check_uri(uri: str) -> None:
    """Refuse a password written in the URI: it would show in the process list and the shell history."""
    parts = urlsplit(uri)
    if parts.password is not None or "password" in parse_qs(parts.query):
        raise PostgresError("la contraseña de PostgreSQL no va en la dirección: use PGPASSWORD o ~/.pgpass "
                            "(o [postgres] password en .streamlit/secrets.toml para la aplicación)")
    if not parts.path.strip("/"):
        raise PostgresError(f"falta el nombre de la base de datos en {uri!r} "
                            "(p. ej. postgresql://usuario@servidor:5432/egov)")


def extension_file() -> Path:
    """The postgres extension inside the installed ``duckdb-ext-postgres`` wheel."""
    spec = util.find_spec("duckdb_ext")
    roots = list(spec.submodule_search_locations or []) if spec else []
    version = duckdb.__version__
    for root in roots:
        for found in sorted(Path(root, "extensions").glob(f"v{version}/*/{EXTENSION}")):
            return found
    raise PostgresError(f"no se encontró la extensión postgres para DuckDB {version}; instale el paquete "
                        "duckdb-ext-postgres de constraints.txt")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Connection:
    """A DuckDB connection whose every cursor works on the attached PostgreSQL store.

    Everything else (``execute``, ``register``, ``df``, ``fetchall``...) is the
    DuckDB connection's own.
    """

    backend = "postgres"

    def __init__(self, raw: duckdb.DuckDBPyConnection, uri: str, snapshots: "_Snapshots | None" = None):
        self._raw = raw
        self.uri = uri
        self._snapshots = snapshots or _Snapshots()

    def snapshot_cursor(self, version: str) -> duckdb.DuckDBPyConnection:
        """A cursor on this process's in-memory copy of the store at ``version`` (taken when it changes)."""
        return self._snapshots.cursor(self._raw, version)

    def cursor(self) -> "Connection":
        cur = self._raw.cursor()
        cur.execute(f"USE {CATALOG}")
        return Connection(cur, self.uri, self._snapshots)

    def execute(self, *args: Any, **kwargs: Any):
        return self._raw.execute(*args, **kwargs)

    def close(self) -> None:
        self._raw.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _Snapshots:
    """The cached page reads' copy of the store, in the process's own in-memory DuckDB.

    Every query through the attach pulls its tables from the server (a COPY
    per scan), so a page run of a dozen queries over 200k rows cost 2-3× the
    file. The page reads (``egov.ui.cache``) are keyed on the data version
    anyway: for each new version, the whole store is copied once, in one
    PostgreSQL transaction (one consistent state), into a schema of the
    in-memory database, and the cached reads run there at DuckDB's speed.
    Writes, and every read that decides a write (roles, checksums, undo
    checks), still go to PostgreSQL. The previous copy is kept one
    generation, for reads still running on it.
    """

    # Versions a newer copy replaced, remembered so that a run still asking for one (a page run
    # reads the version once, at its start) is served the current copy instead of taking another.
    RETIRED_KEPT = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: tuple[str, str] | None = None  # (version, schema)
        self._previous: str | None = None
        self._retired: OrderedDict[str, None] = OrderedDict()
        self._made = itertools.count(1)

    def cursor(self, raw: duckdb.DuckDBPyConnection, version: str) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._current is None or (self._current[0] != version and version not in self._retired):
                self._refresh(raw)
                if self._current[0] != version:  # written meanwhile: the copy is newer than asked
                    self._retire(version)
            schema = self._current[1]
        cur = raw.cursor()
        cur.execute(f"USE memory.{schema}")
        return cur

    def _refresh(self, raw: duckdb.DuckDBPyConnection) -> None:
        schema = f"snapshot_{next(self._made)}"
        cur = raw.cursor()
        try:
            cur.execute(f"CREATE SCHEMA memory.{schema}")
            tables = [r[0] for r in cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = 'public'"
                " AND table_type = 'BASE TABLE'", [CATALOG]).fetchall()]
            cur.execute("BEGIN TRANSACTION")  # one PostgreSQL transaction: one consistent state of every table
            try:
                for table in tables:
                    name = '"' + table.replace('"', '""') + '"'
                    cur.execute(f"CREATE TABLE memory.{schema}.{name} AS SELECT * FROM {CATALOG}.public.{name}")
                version = cur.execute(
                    f"SELECT (SELECT coalesce(max(seq), 0) FROM memory.{schema}.audit_log) || ':' ||"
                    f" (SELECT coalesce(max(batch_id), 0) FROM memory.{schema}.import_batch)").fetchall()[0][0]
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
            if self._previous:
                cur.execute(f"DROP SCHEMA IF EXISTS memory.{self._previous} CASCADE")
            self._previous = self._current[1] if self._current else None
            if self._current:
                self._retire(self._current[0])
            self._current = (str(version), schema)
        finally:
            cur.close()

    def _retire(self, version: str) -> None:
        self._retired[version] = None
        while len(self._retired) > self.RETIRED_KEPT:
            self._retired.popitem(last=False)


def connect(uri: str) -> Connection:
    """An in-memory DuckDB with the PostgreSQL database at ``uri`` attached and in use."""
    check_uri(uri)
    raw = duckdb.connect(":memory:")
    try:
        raw.execute(f"LOAD {_literal(str(extension_file()))}")
        raw.execute(f"ATTACH {_literal(uri)} AS {CATALOG} (TYPE postgres)")
        raw.execute(f"USE {CATALOG}")
    except duckdb.Error as exc:
        raw.close()
        first = str(exc).splitlines()[0]
        raise PostgresError(f"no se pudo conectar con PostgreSQL en {describe(uri)}: {first}") from exc
    return Connection(raw, uri)


def serialise_writes(cur: Connection) -> None:
    """First statement of a write transaction: READ COMMITTED, then the store-wide writer lock.

    SET TRANSACTION must come before any query of the transaction, hence both here, first.
    """
    cur.execute(f"CALL postgres_execute('{CATALOG}', 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED')")
    cur.execute(f"CALL postgres_execute('{CATALOG}', 'SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})')")


def execute_native(cur: Connection, sql: str) -> None:
    """Run PostgreSQL's own SQL (a migration twin) in the current transaction, then refresh DuckDB's view."""
    cur.execute(f"CALL postgres_execute('{CATALOG}', $sql)", {"sql": sql})
    cur.execute("CALL pg_clear_cache()")


def database_name(uri: str) -> str:
    return urlsplit(uri).path.strip("/")


def with_database(uri: str, name: str) -> str:
    """The same server and options, another database."""
    return urlsplit(uri)._replace(path="/" + name).geturl()


def tool(name: str) -> str:
    """A PostgreSQL client program (pg_dump, pg_restore, createdb, dropdb): on PATH, else Debian's folder."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return candidates[-1]
    raise PostgresError(f"falta el programa {name} de PostgreSQL; instale el paquete postgresql-client")


def run_tool(name: str, *args: str) -> str:
    """Run a client program (the password, if any, comes from PGPASSWORD or ~/.pgpass); its output."""
    done = subprocess.run([tool(name), *args], capture_output=True, text=True)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["sin detalle"])[-1]
        raise PostgresError(f"{name} falló: {reason}")
    return done.stdout


def dump(uri: str, target: Path) -> None:
    """A consistent snapshot of the whole database in pg_dump's custom format (one transaction of its own)."""
    run_tool("pg_dump", "--format=custom", "--no-owner", "--file", str(target), "--dbname", uri)


def dump_tables(source: Path) -> set[str]:
    """The tables a pg_dump file holds (its table of contents); PostgresError when it is not such a file."""
    listing = run_tool("pg_restore", "--list", str(source))
    tables = set()
    for line in listing.splitlines():
        parts = line.split()
        if not line.startswith(";") and "TABLE" in parts and "DATA" not in parts:
            at = parts.index("TABLE")
            if len(parts) > at + 2:
                tables.add(parts[at + 2])
    return tables


def restore_dump(source: Path, uri: str, *, clean: bool) -> None:
    """Load a pg_dump file into ``uri`` in one transaction (``clean``: dropping what is there first)."""
    options = ["--clean", "--if-exists"] if clean else []
    run_tool("pg_restore", "--no-owner", "--single-transaction", "--exit-on-error", *options,
             "--dbname", uri, str(source))


def create_database(uri: str, name: str) -> str:
    run_tool("createdb", "--maintenance-db", uri, name)
    return with_database(uri, name)


def drop_database(uri: str, name: str) -> None:
    run_tool("dropdb", "--if-exists", "--maintenance-db", uri, name)
