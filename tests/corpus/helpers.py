"""Helpers for the import tests: a content snapshot of the whole database, stored rows by key."""

from __future__ import annotations

from egov.storage import store


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


def content_digest(con) -> dict[str, tuple]:
    """A cheap fingerprint of the stored content: (rows, sum of row hashes) per data table,
    plus the number of batches, change records and audit entries."""
    from egov.storage import store as _store
    cur = con.cursor()
    try:
        digest = {t: tuple(cur.execute(f'SELECT count(*), coalesce(sum(hash(x)), 0) FROM "{t}" x').fetchall()[0])
                  for t in _store.TABLES}
        for t in ("import_batch", "batch_change", "audit_log"):
            found = cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                [t]).fetchall()[0][0]
            if found:
                digest[t] = (cur.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0],)
        return digest
    finally:
        cur.close()


def data_digest(con) -> dict[str, tuple]:
    """content_digest of the data tables only (what an undo must restore exactly)."""
    from egov.storage import store as _store
    return {t: v for t, v in content_digest(con).items() if t in _store.TABLES}


def file_is_wholly_stored(con, data: bytes, file_name: str) -> tuple[bool, str]:
    """Re-check the file against the database: every row it writes must now be stored, identical."""
    from egov.storage import db
    from egov.storage import store as _store
    from egov.ingest import check, frames_of
    with db.cursor(con) as cur:
        parsed, problems, _ = check(cur, data, file_name)
        if parsed is None or not parsed.rows:
            return False, "the file no longer parses"
        frames = frames_of(cur, parsed, recorded_by="check")
        plan = _store.plan(cur, frames)
    missing = {name: (d.new, d.changed) for name, d in plan.diffs.items() if d.new or d.changed}
    # recommendation_status keeps recorded_by as bookkeeping; every other column must match.
    return (not missing, f"rows not stored as imported: {missing}; problems after import: "
            f"{[p.code for p in problems]}")
