"""What a journey must leave in the store: read back from the database file after the journey.

``tables(path)`` snapshots every row of every table; ``imported`` and
``undone`` check a batch's record, its data rows and its audit entry, and
that the audit chain still verifies.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from egov.storage import audit, db, sql, store
from tests.corpus.helpers import snapshot

LOG_TABLES = ("import_batch", "batch_change", "audit_log", "audit_part")


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


def whole_or_absent(path) -> dict:
    """Every batch whole or absent after a kill; returns {"batches": n, "live": n}.

    No row lost its parent (``queries/integrity_orphans.sql`` is empty); every batch's change log
    has one record per new or changed row; every live batch is whole (in each table, the rows
    carrying its id are exactly the rows it wrote that no later live batch rewrote); no data row
    carries the id of an undone or unknown batch; the audit chain verifies, with one "import" entry
    per batch and one "undo" entry per undone batch.
    """
    con = db.connect(path)
    try:
        cur = con.cursor()
        orphans = sql.run(cur, "integrity_orphans")
        assert orphans.empty, orphans.head().to_dict("records")
        batches = {r[0]: r[1:] for r in cur.execute(
            "SELECT b.batch_id, b.rows_new + b.rows_changed, b.undone_at IS NULL,"
            " (SELECT count(*) FROM batch_change c WHERE c.batch_id = b.batch_id)"
            " FROM import_batch b").fetchall()}
        for batch_id, (written, live, logged) in batches.items():
            assert logged == written, f"batch {batch_id}: {logged} change records for {written} rows written"
        # Rows each live batch wrote that no later live batch rewrote: they must carry its id.
        expected = Counter({(r[0], r[1]): r[2] for r in cur.execute(
            "SELECT c.batch_id, c.table_name, count(*) FROM batch_change c"
            " JOIN import_batch b ON b.batch_id = c.batch_id AND b.undone_at IS NULL"
            " WHERE NOT EXISTS (SELECT 1 FROM batch_change l JOIN import_batch lb"
            "   ON lb.batch_id = l.batch_id AND lb.undone_at IS NULL"
            "   WHERE l.table_name = c.table_name AND l.row_key = c.row_key AND l.batch_id > c.batch_id)"
            " GROUP BY ALL").fetchall()})
        for table in store.TABLES:
            for batch_id, count in cur.execute(f'SELECT batch_id, count(*) FROM "{table}" GROUP BY ALL').fetchall():
                assert batch_id in batches, f"{table}: rows of unknown batch {batch_id}"
                assert batches[batch_id][1], f"{table}: {count} rows of undone batch {batch_id}"
                # Unchanged rows are not rewritten, so a row carries the id of the batch that last wrote it.
                assert count == expected.pop((batch_id, table), 0), (table, batch_id, count)
        assert not +expected, f"rows live batches wrote are missing: {dict(expected)}"
        chain = audit.verify(cur)
        assert chain.ok, chain
        actions = Counter(r[0] for r in cur.execute("SELECT action FROM audit_log").fetchall())
        assert actions["import"] == len(batches)
        assert actions["undo"] == sum(1 for v in batches.values() if not v[1])
        cur.close()
        return {"batches": len(batches), "live": sum(1 for v in batches.values() if v[1])}
    finally:
        con.close()
