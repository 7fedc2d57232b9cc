"""Copy a whole store from one backend to the other (a DuckDB file <-> PostgreSQL), checked afterwards.

A team that starts on the embedded file moves to PostgreSQL without losing
history, and back: the destination is created (or upgraded) through the
same migrations, the source is attached read-only to the destination's
connection, every table is copied in one transaction (all or nothing), and
then every table is compared row for row in both directions and the
destination's audit chain is verified. A destination that already holds
data is refused: a copy never merges two stores.

The source must not be open for writing elsewhere while it is copied (for a
DuckDB file: the app stopped; DuckDB refuses to open it otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from egov.storage import audit, db, postgres

SOURCE = "egov_copy_source"
# Created by the destination's own migrations, not copied.
NOT_COPIED = {"schema_migration"}


class CopyError(Exception):
    """A copy refused or that did not check out; the message is for the user, in Spanish."""


@dataclass(frozen=True)
class Copied:
    tables: dict[str, int]
    audit_entries: int


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _tables(cur: db.Connection, catalog: str, schema: str) -> list[str]:
    rows = cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = ?"
        " AND table_type = 'BASE TABLE' ORDER BY table_name", [catalog, schema]).fetchall()
    return [r[0] for r in rows if r[0] not in NOT_COPIED]


def _source_is_postgres(cur: db.Connection) -> bool:
    return cur.execute("SELECT type FROM duckdb_databases() WHERE database_name = ?",
                       [SOURCE]).fetchall()[0][0] == "postgres"


def _columns(cur: db.Connection, table: str) -> list[str]:
    return [r[0] for r in cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
        " AND table_catalog = current_database() AND table_schema = current_schema()"
        " ORDER BY ordinal_position", [table]).fetchall()]


def _attach_source(cur: db.Connection, source: str) -> None:
    if postgres.is_uri(source):
        cur.execute(f"LOAD {postgres._literal(str(postgres.extension_file()))}")
        cur.execute(f"ATTACH {postgres._literal(source)} AS {SOURCE} (TYPE postgres, READ_ONLY)")
    else:
        cur.execute(f"ATTACH {postgres._literal(str(Path(source)))} AS {SOURCE} (READ_ONLY)")


def _source_ref(cur: db.Connection, table: str) -> str:
    schema = "public" if _source_is_postgres(cur) else "main"
    return f"{SOURCE}.{schema}.{_q(table)}"


def copy_store(source: str, target: str) -> Copied:
    """Copy every table of the store ``source`` into the new store ``target``; check; report the counts."""
    if db.describe(source) == db.describe(target):
        raise CopyError("el origen y el destino son la misma base de datos")
    if not postgres.is_uri(source) and not Path(source).is_file():
        raise CopyError(f"no existe la base de datos de origen {source}")
    db.connect(source).close()  # brings the source's schema up to date, in place
    con = db.connect(target)
    try:
        with db.cursor(con) as cur:
            if any(cur.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                   for t in ("import_batch", "audit_log", "app_user")):
                raise CopyError(f"el destino {db.describe(target)} ya tiene datos; la copia va a una base nueva "
                                "(vacía o recién creada con `egov init` sin cargar nada)")
        with db.cursor(con) as cur:
            _attach_source(cur, source)
        try:
            with db.cursor(con) as cur:
                source_version = cur.execute(f"SELECT max(version) FROM {_source_ref(cur, 'schema_migration')}"
                                             ).fetchall()[0][0]
                if source_version != db.schema_version(cur):
                    raise CopyError(f"el origen tiene el esquema v{source_version} y el destino "
                                    f"v{db.schema_version(cur)}; actualice ambos con la misma versión del programa")
                tables = _tables(cur, SOURCE, "public" if _source_is_postgres(cur) else "main")
                here = cur.execute("SELECT current_database(), current_schema()").fetchall()[0]
                missing = set(tables) - set(_tables(cur, *here))
                if missing:
                    raise CopyError(f"el destino no tiene las tablas {sorted(missing)}")
            with db.transaction(con) as cur:
                # The schema's own rows (the default framework loaded by init) are replaced by the source's.
                for table in tables:
                    cur.execute(f"DELETE FROM {_q(table)}")
                    cols = ", ".join(_q(c) for c in _columns(cur, table))
                    cur.execute(f"INSERT INTO {_q(table)} ({cols}) SELECT {cols} FROM {_source_ref(cur, table)}")
            counts = _compare(con, tables)
        finally:
            with db.cursor(con) as cur:
                cur.execute(f"DETACH {SOURCE}")
        with db.cursor(con) as cur:
            check = audit.verify(cur)
        if not check.ok:
            raise CopyError(f"el registro de auditoría copiado no es íntegro (entrada {check.first_bad_seq}: "
                            f"{check.reason})")
        return Copied(counts, check.entries)
    finally:
        con.close()


def _compare(con: db.Connection, tables: list[str]) -> dict[str, int]:
    """Row-for-row equality of every table (as multisets, both directions); the row counts."""
    counts = {}
    with db.cursor(con) as cur:
        for table in tables:
            cols = ", ".join(f"CAST({_q(c)} AS VARCHAR)" for c in _columns(cur, table))
            mine = f"SELECT {cols} FROM {_q(table)}"
            theirs = f"SELECT {cols} FROM {_source_ref(cur, table)}"
            differ = cur.execute(f"SELECT (SELECT count(*) FROM ({mine} EXCEPT ALL {theirs})) +"
                                 f" (SELECT count(*) FROM ({theirs} EXCEPT ALL {mine}))").fetchall()[0][0]
            if differ:
                raise CopyError(f"la tabla {table} no quedó igual en el destino ({'1 fila distinta' if differ == 1 else f'{differ} filas distintas'})")
            counts[table] = cur.execute(f"SELECT count(*) FROM {_q(table)}").fetchall()[0][0]
    return counts
