"""What a journey must leave in the store: read back from the database file after the journey.

``tables(path)`` snapshots every row of every table; ``imported`` and
``undone`` check a batch's record, its data rows and its audit entry, and
that the audit chain still verifies.
"""

from __future__ import annotations

from pathlib import Path

from egov.storage import audit, db
from tests.corpus.helpers import snapshot

LOG_TABLES = ("import_batch", "batch_change", "audit_log")


def tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the database file (the app must not hold it in another process)."""
    con = db.connect(path)
    try:
        return snapshot(con)
    finally:
        con.close()


def data_only(snap: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The snapshot without the import log and the audit log (what an undo must restore exactly)."""
    return {name: rows for name, rows in snap.items() if name not in LOG_TABLES and name != "app_user"}


def scores_of(path: Path, keys: list[tuple[str, str, str]]) -> dict[tuple, tuple]:
    """Stored (status, score) of criterion scores by (entity, period, criterion)."""
    con = db.connect(path)
    try:
        rows = con.execute("SELECT entity_code, period, criterion_code, status, score FROM criterion_score").fetchall()
    finally:
        con.close()
    wanted = set(keys)
    return {(e, p, c): (s, v) for e, p, c, s, v in rows if (e, p, c) in wanted}


def batch_and_audit(path: Path, batch_id: int) -> tuple[dict, list[tuple], bool]:
    """(the batch record, its audit entries as (action, user), whether the audit chain verifies)."""
    con = db.connect(path)
    try:
        cur = con.cursor()
        found = cur.execute("SELECT kind, file_name, user_name, rows_new, rows_changed, undone_at IS NOT NULL,"
                            " live_sha256 IS NOT NULL FROM import_batch WHERE batch_id = ?", [batch_id]).fetchall()
        record = dict(zip(("kind", "file_name", "user", "rows_new", "rows_changed", "undone", "live"),
                          found[0])) if found else {}
        entries = cur.execute("SELECT action, user_name FROM audit_log WHERE batch_id = ? ORDER BY seq",
                              [batch_id]).fetchall()
        chain_ok = audit.verify(cur).ok
        cur.close()
    finally:
        con.close()
    return record, entries, chain_ok
