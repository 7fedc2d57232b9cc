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

import hashlib
import hmac
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from egov import auth
from egov.storage import audit, db, errors, postgres
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


MANIFEST_SUFFIX = ".manifiesto.json"
_HEAD_FACTS = {
    "head": "SELECT count(*), (SELECT entry_hash FROM {copy}.audit_log ORDER BY seq DESC LIMIT 1) FROM {copy}.audit_log",
    "schema": "SELECT coalesce(max(version), 0) FROM {copy}.schema_migration",
}


def manifest_path(backup_file: Path) -> Path:
    """The manifest beside a backup: ``X.duckdb`` → ``X.duckdb.manifiesto.json``."""
    return backup_file.with_name(backup_file.name + MANIFEST_SUFFIX)


def _manifest_mac(fields: dict) -> str:
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hmac.new(audit.key(), ("egov-backup-manifest" + text).encode("utf-8"), hashlib.sha256).hexdigest()


def write_manifest(backup_file: Path, head: audit.Head, schema: int) -> Path:
    """The copy's audit head (entries, last hash) and schema version, signed with the audit key."""
    fields = {"file": backup_file.name, "audit_entries": head.count, "audit_head": head.hash,
              "schema_version": schema, "written_at": datetime.now().replace(microsecond=0).isoformat()}
    target = manifest_path(backup_file)
    target.write_text(json.dumps({**fields, "mac": _manifest_mac(fields)}, indent=2) + "\n", encoding="utf-8")
    return target


def read_manifest(backup_file: Path) -> tuple[audit.Head, int] | None:
    """(head, schema version) from the copy's manifest; None when it has none; BackupError when forged."""
    path = manifest_path(backup_file)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mac = data.pop("mac")
        head = audit.Head(int(data["audit_entries"]), str(data["audit_head"]))
        schema = int(data["schema_version"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupError(f"el manifiesto {path.name} de la copia está dañado; no se restauró") from exc
    if not hmac.compare_digest(str(mac), _manifest_mac(data)):
        raise BackupError(f"el manifiesto {path.name} no está firmado con la clave del registro de auditoría "
                          "(fue editado, o la clave es otra); no se restauró")
    return head, schema


def _remove_partial(target: Path) -> None:
    for leftover in (target, target.with_name(target.name + ".wal"), manifest_path(target)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # best effort while the backup's own error is being raised: that error is the one to show


def _check_target(target: Path) -> None:
    if target.is_symlink():
        raise BackupError(f"el destino {target.name} es un enlace simbólico; indique un archivo nuevo")
    if target.exists():
        raise BackupError(f"ya existe el archivo {target.name}; elija otro nombre")


def _snapshot(con: Connection, target: Path) -> audit.Head:
    """Copy the open database into ``target`` and write its manifest; nothing is left behind on failure."""
    _check_target(target)
    with _lock:
        facts = dict(_HEAD_FACTS)
        try:
            db.backup_to(con, target, facts=facts)
            count, last = facts["head"][0]
            head = audit.Head(int(count), last or audit.GENESIS)
            write_manifest(target, head, int(facts["schema"][0][0]))
        except FileExistsError as exc:
            raise BackupError(f"ya existe el archivo {target.name}; elija otro nombre") from exc
        except BaseException as exc:
            _remove_partial(target)
            if isinstance(exc, Exception) and errors.storage_problem(exc):
                raise BackupError(errors.storage_problem(exc, what="la copia de seguridad")) from exc
            raise
    return head


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
    head: audit.Head | None = None  # the copy's audit head, also in its manifest


def make_backup(con: Connection, out: str | os.PathLike | None = None, *, user: str, role: str) -> Backup:
    """An administrator's backup into ``out`` (default: a dated file in the backup folder); audited."""
    auth.require(role, auth.Action.BACKUP)
    with db.cursor(con) as cur:
        auth.check_account(cur, user, auth.Action.BACKUP)
    on_postgres = db.backend(con) == "postgres"
    suffix = POSTGRES_SUFFIX if on_postgres else ".duckdb"
    target = Path(out) if out else backup_dir(con) / f"{MANUAL_PREFIX}{_stamp()}{suffix}"
    if on_postgres:
        _check_target(target)
        # The head before the dump: the log only grows, so the dump reaches at least this far.
        with db.cursor(con) as cur:
            head = audit.head(cur)
        _dump(con.uri, target)
    else:
        head = _snapshot(con, target)
    made = Backup(target, target.stat().st_size, head)
    with db.write_lock, db.transaction(con) as cur:
        audit.append(cur, user=user, role=role, action="backup",
                     detail={"file": str(target.resolve()), "bytes": made.size,
                             "audit_entries": head.count, "audit_head": head.hash}, changed=set())
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
    target = folder / f"{AUTO_PREFIX}{_stamp()}.duckdb"
    _snapshot(con, target)
    keep = keep or keep_count()
    for old in automatic_backups(folder)[:-keep]:
        _remove_partial(old)
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


LOCKED_MESSAGE = ("la base de datos está abierta por otro proceso (¿la aplicación está en marcha?). "
                  "Detenga la aplicación antes de restaurar; para hacer una copia con la aplicación en "
                  "marcha use el botón de la página «Auditoría y usuarios»")


@dataclass(frozen=True)
class Restored:
    database: Path | str  # the file, or the PostgreSQL URI (without password)
    source: Path
    previous: Path | None
    audit_entries: int


def code_schema_version() -> int:
    """The newest migration this code knows."""
    return max(version for version, _, _ in db.migration_files())


def _schema_shape(con: Connection) -> set[tuple[str, str]]:
    rows = con.execute("SELECT table_name, column_name FROM information_schema.columns"
                       " WHERE table_schema = current_schema() AND table_catalog = current_database()").fetchall()
    return {(t, c) for t, c in rows}


def _expected_shape() -> set[tuple[str, str]]:
    fresh = db.connect(":memory:")
    try:
        return _schema_shape(fresh)
    finally:
        fresh.close()


def check_copy(con: Connection, source: Path, *, head: audit.Head | None) -> int:
    """Refuse a copy this code must not put in place; return its schema version. Touches only ``con``.

    In order: a store of this product at all; a schema no newer than the
    code; an audit chain that verifies (with the manifest's head: its tail
    not cut); then, once brought up to date, every table and column the code
    expects.
    """
    name = source.name
    if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"
                       " AND table_name IN ('schema_migration', 'audit_log')").fetchall()[0][0] == 2:
        raise BackupError(f"{name} no es una copia de esta base de datos; no se restauró")
    version = db.schema_version(con)
    newest = code_schema_version()
    if version > newest:
        raise BackupError(f"la copia {name} tiene el esquema versión {version}, más nuevo que el de este programa "
                          f"({newest}): actualice el programa antes de restaurarla; no se restauró")
    try:
        check = audit.verify(con, head=head)
    except duckdb.Error as exc:
        raise BackupError(f"la copia {name} no tiene las tablas de una base de datos completa "
                          f"({str(exc).splitlines()[0][:120]}); no se restauró") from exc
    if not check.ok:
        raise BackupError(f"el registro de auditoría de la copia no es íntegro ({check.message}); no se restauró")
    try:  # on the staging copy: a skeleton that claims migrations it lacks fails here, not in the live store
        db.migrate(con)
    except duckdb.Error as exc:
        raise BackupError(f"la copia {name} no tiene las tablas de una base de datos completa "
                          f"({str(exc).splitlines()[0][:120]}); no se restauró") from exc
    missing = sorted(_expected_shape() - _schema_shape(con))
    if missing:
        tables = sorted({t for t, _ in missing})
        raise BackupError(f"a la copia {name} le faltan tablas o columnas ({', '.join(tables[:8])}"
                          f"{'…' if len(tables) > 8 else ''}): no es una base de datos completa; no se restauró")
    return version


def restore(source: str | os.PathLike, database: str | os.PathLike | None = None, *,
            user: str, role: str, without_manifest: bool = False) -> Restored:
    """Replace the database file with the backup ``source``; the replaced file is kept as a backup first.

    Refused, before the live database is touched: while another process (the
    app) holds it; when the copy is not a complete store of this product,
    has a schema newer than the code, or an audit chain that does not verify
    or does not reach the head its manifest records; when the manifest is
    missing (unless ``without_manifest``: a copy made before manifests
    existed) or was not signed with the audit key. The restored database
    gets a ``restore`` audit entry.
    """
    auth.require(role, auth.Action.BACKUP)
    source = Path(source)
    if db.is_postgres(database):
        return _restore_postgres(source, db.location(database), user=user, role=role)
    database = db.resolve_path(database)
    if not source.is_file():
        raise BackupError(f"no existe la copia {source.name}")
    if source.resolve() == database.resolve():
        raise BackupError("la copia y la base de datos son el mismo archivo")
    manifest = read_manifest(source)
    if manifest is None and not without_manifest:
        raise BackupError(f"la copia {source.name} no tiene su manifiesto ({manifest_path(source).name}), que "
                          "dice dónde termina su registro de auditoría; si es una copia anterior a los manifiestos, "
                          "use --sin-manifiesto; no se restauró")
    staging = database.with_name(f".{database.name}.restaurando-{_stamp()}")
    previous = None
    try:
        try:
            staging.write_bytes(source.read_bytes())
        except OSError as exc:
            raise BackupError(errors.storage_problem(exc, what="restaurar la copia")
                              or f"no se pudo leer la copia {source.name}; no se restauró") from exc
        restored = db.connect(staging, migrate_schema=False)
        try:
            check_copy(restored, source, head=manifest[0] if manifest else None)
            restored.execute("CHECKPOINT")
        finally:
            restored.close()
        try:
            current = db.connect(database, migrate_schema=False) if database.exists() else None
        except errors.StorageUnavailable as exc:
            if str(exc) == errors.LOCKED:
                raise BackupError(LOCKED_MESSAGE) from exc
            raise BackupError(str(exc)) from exc
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
            # The data are the copy's, which check_copy found to be what its newest entry recorded.
            audit.append(cur, user=user, role=role, action="restore",
                         detail={"from": str(source.resolve()),
                                 "previous_kept_as": str(previous.resolve()) if previous else None}, changed=set())
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
                         detail={"from": str(source.resolve()), "previous_kept_as": str(previous.resolve())},
                         changed=set())
        with db.cursor(con) as cur:
            entries = cur.execute("SELECT count(*) FROM audit_log").fetchall()[0][0]
    finally:
        con.close()
    return Restored(postgres.describe(uri), source, previous, entries)
