"""Backups: consistent snapshots made from inside the process that holds the database, and restore.

A DuckDB file admits one writing process, and copying the ``.duckdb`` file
while it is open loses what is still in its ``.wal``: a backup is therefore
``COPY FROM DATABASE`` into a new file through the open connection
(``db.backup_to``), which gives a consistent snapshot while other sessions
write. The app makes one before each import (``before_import``, keeping the
last few) and on the administrator's request (``make_backup``: the
Auditoría page, or ``egov backup`` when the app is not running).

Backups go to ``backups/`` beside the database file (``data/backups/``,
which git ignores), or to ``$EGOV_BACKUP_DIR``.

``restore`` is for the command line only: it replaces the database file,
so the app must be stopped; the file it replaces is itself kept as a
backup first.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from egov import auth
from egov.storage import audit, db, postgres
from egov.storage.db import Connection

ENV_DIR = "EGOV_BACKUP_DIR"
ENV_KEEP = "EGOV_BACKUP_KEEP"
# "0" turns the automatic backup before each import off (bulk loads, benchmarks); it is on by default.
ENV_AUTO = "EGOV_AUTO_BACKUP"
DEFAULT_KEEP = 10
AUTO_PREFIX = "antes-de-importar-"
MANUAL_PREFIX = "egov-"

# One snapshot at a time per process (each ATTACHes the target under one alias).
_lock = threading.Lock()


class BackupError(Exception):
    """A backup or restore that could not be done; the message is for the user, in Spanish."""


def database_file(con: Connection) -> Path | None:
    """The file behind ``con`` (None for an in-memory database)."""
    if db.backend(con) != "duckdb":
        return None
    with db.cursor(con) as cur:  # the app's connection is shared by sessions: never query it directly
        rows = cur.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    return Path(rows[0][0]) if rows and rows[0][0] else None


def backup_dir(con: Connection | None = None, db_path: Path | None = None) -> Path:
    """$EGOV_BACKUP_DIR, else ``backups/`` beside the database file."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    path = db_path or (database_file(con) if con is not None else None)
    if path is None:  # a PostgreSQL store has no file: backups go beside the default one
        on_postgres = (con is not None and db.backend(con) == "postgres") or db.is_postgres()
        path = db.DEFAULT_DB_PATH if on_postgres else db.resolve_path()
    return Path(path).resolve().parent / "backups"


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _snapshot(con: Connection, target: Path) -> Path:
    with _lock:
        try:
            return db.backup_to(con, target)
        except FileExistsError as exc:
            raise BackupError(f"ya existe el archivo {target}; elija otro nombre") from exc


# PostgreSQL: pg_dump's custom format, restored by pg_restore.
POSTGRES_SUFFIX = ".dump"


def _dump(uri: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise BackupError(f"ya existe el archivo {target}; elija otro nombre")
    try:
        postgres.dump(uri, target)
    except postgres.PostgresError as exc:
        target.unlink(missing_ok=True)
        raise BackupError(str(exc)) from exc
    return target


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int


def make_backup(con: Connection, out: str | os.PathLike | None = None, *, user: str, role: str) -> Backup:
    """An administrator's backup into ``out`` (default: a dated file in the backup folder); audited."""
    auth.require(role, auth.Action.BACKUP)
    with db.cursor(con) as cur:
        auth.check_account(cur, user, auth.Action.BACKUP)
    on_postgres = db.backend(con) == "postgres"
    suffix = POSTGRES_SUFFIX if on_postgres else ".duckdb"
    target = Path(out) if out else backup_dir(con) / f"{MANUAL_PREFIX}{_stamp()}{suffix}"
    if on_postgres:
        _dump(con.uri, target)
    else:
        _snapshot(con, target)
    made = Backup(target, target.stat().st_size)
    with db.write_lock, db.transaction(con) as cur:
        audit.append(cur, user=user, role=role, action="backup",
                     detail={"file": str(target.resolve()), "bytes": made.size})
    return made


def keep_count() -> int:
    try:
        return max(1, int(os.environ.get(ENV_KEEP, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, oldest first."""
    return sorted(folder.glob(f"{AUTO_PREFIX}*.duckdb")) if folder.is_dir() else []


def before_import(con: Connection, *, keep: int | None = None) -> Path | None:
    """Snapshot the database before an import, keeping the last ``keep`` (default $EGOV_BACKUP_KEEP or 10).

    Call it before ``store.write_batch`` (outside its transaction). Not an
    audited action: it changes no data, and the file stays on the server.
    Returns None for an in-memory database, or when $EGOV_AUTO_BACKUP is "0".
    """
    if database_file(con) is None or os.environ.get(ENV_AUTO, "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    folder = backup_dir(con)
    target = _snapshot(con, folder / f"{AUTO_PREFIX}{_stamp()}.duckdb")
    keep = keep or keep_count()
    for old in automatic_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def listing(folder: Path) -> pd.DataFrame:
    """The backups kept in ``folder``, newest first: file, kind (automatic/manual/before restore), size, date."""
    rows = []
    found = [*Path(folder).glob("*.duckdb"), *Path(folder).glob(f"*{POSTGRES_SUFFIX}")] if Path(folder).is_dir() else []
    for path in sorted(found):
        kind = ("auto" if path.name.startswith(AUTO_PREFIX) else
                "restore" if path.name.startswith("antes-de-restaurar-") else "manual")
        stat = path.stat()
        rows.append({"file": path.name, "kind": kind, "megabytes": round(stat.st_size / 1_048_576, 2),
                     "modified": datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)})
    frame = pd.DataFrame(rows, columns=["file", "kind", "megabytes", "modified"])
    return frame.sort_values("modified", ascending=False, ignore_index=True)


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


LOCKED_MESSAGE = ("la base de datos {path} está abierta por otro proceso (¿la aplicación está en marcha?). "
                  "Detenga la aplicación antes de restaurar; para hacer una copia con la aplicación en "
                  "marcha use el botón de la página «Auditoría y usuarios»")


@dataclass(frozen=True)
class Restored:
    database: Path | str  # the file, or the PostgreSQL URI (without password)
    source: Path
    previous: Path | None
    audit_entries: int


def restore(source: str | os.PathLike, database: str | os.PathLike | None = None, *,
            user: str, role: str) -> Restored:
    """Replace the database file with the backup ``source``; the replaced file is kept as a backup first.

    Refused while another process (the app) holds the database, when the
    backup is not a database of this product, or when its audit chain does
    not verify. The restored database gets a ``restore`` audit entry.
    """
    auth.require(role, auth.Action.BACKUP)
    source = Path(source)
    if db.is_postgres(database):
        return _restore_postgres(source, db.location(database), user=user, role=role)
    database = db.resolve_path(database)
    if not source.is_file():
        raise BackupError(f"no existe la copia {source}")
    if source.resolve() == database.resolve():
        raise BackupError("la copia y la base de datos son el mismo archivo")
    staging = database.with_name(f".{database.name}.restaurando-{_stamp()}")
    staging.write_bytes(source.read_bytes())
    previous = None
    try:
        restored = db.connect(staging, migrate_schema=False)
        try:
            if not restored.execute("SELECT count(*) FROM information_schema.tables "
                                    "WHERE table_name IN ('schema_migration', 'audit_log')").fetchall()[0][0] == 2:
                raise BackupError(f"{source} no es una copia de esta base de datos")
            check = audit.verify(restored)
            if not check.ok:
                raise BackupError(f"el registro de auditoría de la copia no es íntegro (entrada {check.first_bad_seq}: "
                                  f"{check.reason}); no se restauró")
            db.migrate(restored)
        finally:
            restored.close()
        try:
            current = db.connect(database, migrate_schema=False) if database.exists() else None
        except Exception as exc:
            if _is_lock_error(exc):
                raise BackupError(LOCKED_MESSAGE.format(path=database)) from exc
            raise
        if current is not None:
            try:
                previous = backup_dir(db_path=database) / f"antes-de-restaurar-{_stamp()}.duckdb"
                _snapshot(current, previous)
                current.execute("CHECKPOINT")
            finally:
                current.close()
        wal = database.with_name(database.name + ".wal")
        wal.unlink(missing_ok=True)
        os.replace(staging, database)
    finally:
        staging.unlink(missing_ok=True)
        staging.with_name(staging.name + ".wal").unlink(missing_ok=True)
    con = db.connect(database)
    try:
        with db.transaction(con) as cur:
            audit.append(cur, user=user, role=role, action="restore",
                         detail={"from": str(source.resolve()),
                                 "previous_kept_as": str(previous.resolve()) if previous else None})
        entries = con.execute("SELECT count(*) FROM audit_log").fetchall()[0][0]
    finally:
        con.close()
    return Restored(database, source, previous, entries)


def _restore_postgres(source: Path, uri: str, *, user: str, role: str) -> Restored:
    """``restore`` on PostgreSQL, with the same checks: a pg_dump of this product whose audit chain verifies.

    The copy is first loaded into a scratch database beside the store and
    checked there; then the current store is dumped (kept as a backup), and
    the copy replaces it with ``pg_restore --clean`` in one transaction.
    """
    if not source.is_file():
        raise BackupError(f"no existe la copia {source}")
    try:
        tables = postgres.dump_tables(source)
    except postgres.PostgresError as exc:
        raise BackupError(f"{source} no es una copia de PostgreSQL (pg_dump -Fc) de esta base de datos") from exc
    if not {"schema_migration", "audit_log"} <= tables:
        raise BackupError(f"{source} no es una copia de esta base de datos")
    scratch = f"{postgres.database_name(uri)}_restaurando_{_stamp().replace('-', '_')}"
    try:
        scratch_uri = postgres.create_database(uri, scratch)
        try:
            postgres.restore_dump(source, scratch_uri, clean=False)
            copy = db.connect(scratch_uri, migrate_schema=False)
            try:
                with db.cursor(copy) as cur:
                    check = audit.verify(cur)
            finally:
                copy.close()
        finally:
            postgres.drop_database(uri, scratch)
        if not check.ok:
            raise BackupError(f"el registro de auditoría de la copia no es íntegro (entrada {check.first_bad_seq}: "
                              f"{check.reason}); no se restauró")
        previous = _dump(uri, backup_dir(db_path=db.DEFAULT_DB_PATH) / f"antes-de-restaurar-{_stamp()}"
                                                                       f"{POSTGRES_SUFFIX}")
        postgres.restore_dump(source, uri, clean=True)
    except postgres.PostgresError as exc:
        raise BackupError(str(exc)) from exc
    con = db.connect(uri)
    try:
        with db.transaction(con) as cur:
            audit.append(cur, user=user, role=role, action="restore",
                         detail={"from": str(source.resolve()), "previous_kept_as": str(previous.resolve())})
        with db.cursor(con) as cur:
            entries = cur.execute("SELECT count(*) FROM audit_log").fetchall()[0][0]
    finally:
        con.close()
    return Restored(postgres.describe(uri), source, previous, entries)
