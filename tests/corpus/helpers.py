"""Helpers for the import tests: a content snapshot of the whole database, stored rows by key."""

from __future__ import annotations

from egov import store


def snapshot(con) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal snapshots = same content."""
    cur = con.cursor()
    try:
        tables = [r[0] for r in cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            " AND table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        return {t: cur.execute(f'SELECT * FROM "{t}" ORDER BY ALL').fetchall() for t in tables}
    finally:
        cur.close()


def stored_row(con, table: str, *key) -> dict | None:
    spec = store.TABLES[table]
    where = " AND ".join(f'"{k}" = ?' for k in spec.key)
    cur = con.cursor()
    try:
        result = cur.execute(f'SELECT * FROM "{table}" WHERE {where}', list(key))
        names = [d[0] for d in result.description]
        rows = result.fetchall()
    finally:
        cur.close()
    return dict(zip(names, rows[0])) if rows else None


def batch_is_whole(con, batch_id: int) -> bool:
    """A batch's record, its change log and its data rows agree."""
    cur = con.cursor()
    try:
        new, changed = cur.execute("SELECT rows_new, rows_changed FROM import_batch WHERE batch_id = ?",
                                   [batch_id]).fetchall()[0]
        logged = cur.execute("SELECT count(*) FROM batch_change WHERE batch_id = ?", [batch_id]).fetchall()[0][0]
        return logged == new + changed
    finally:
        cur.close()
