"""The audit trail: append-only and hash-chained.

Each entry's hash covers the previous entry's hash and the entry itself, so
editing, deleting or reordering any row breaks the chain from there on, and
``verify`` names the first row that no longer fits. Entries are written with
the cursor of the change they describe, inside its transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from egov.storage import sql
from egov.storage.db import Connection

GENESIS = "0" * 64


def _canonical(seq: int, logged_at: str, user: str, role: str, action: str,
               detail: str, batch_id: int | None) -> str:
    return json.dumps([seq, logged_at, user, role, action, detail, batch_id],
                      ensure_ascii=False, separators=(",", ":"))


def _hash(prev_hash: str, canonical: str) -> str:
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def append(cur: Connection, *, user: str, role: str, action: str,
           detail: dict[str, Any], batch_id: int | None = None) -> int:
    """Write one entry with ``cur`` (the caller's transaction). Returns its sequence number."""
    last = cur.execute(
        "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchall()
    seq, prev = (last[0][0] + 1, last[0][1]) if last else (1, GENESIS)
    logged_at = datetime.now().replace(microsecond=0)
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    entry_hash = _hash(prev, _canonical(seq, logged_at.isoformat(), user, role, action,
                                        detail_text, batch_id))
    cur.execute(
        "INSERT INTO audit_log (seq, logged_at, user_name, user_role, action, detail, batch_id,"
        " prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, logged_at, user, role, action, detail_text, batch_id, prev, entry_hash])
    return seq


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    reason: str = ""


def verify(cur: Connection) -> ChainCheck:
    """Recompute the chain; report the first entry that was edited, removed or reordered."""
    rows = cur.execute(
        "SELECT seq, logged_at, user_name, user_role, action, CAST(detail AS VARCHAR), batch_id,"
        " prev_hash, entry_hash FROM audit_log ORDER BY seq").fetchall()
    prev = GENESIS
    for index, (seq, logged_at, user, role, action, detail, batch_id, prev_hash, entry_hash) in enumerate(rows, 1):
        if seq != index:
            return ChainCheck(False, len(rows), seq, "falta una entrada o se cambió el orden")
        if prev_hash != prev:
            return ChainCheck(False, len(rows), seq, "el enlace con la entrada anterior no coincide")
        expected = _hash(prev, _canonical(seq, logged_at.isoformat(), user, role, action, detail, batch_id))
        if expected != entry_hash:
            return ChainCheck(False, len(rows), seq, "el contenido de la entrada fue modificado")
        prev = entry_hash
    return ChainCheck(True, len(rows))


def entries(cur: Connection, *, actions: list[str] | None = None, user: str | None = None,
            since=None, until=None, limit: int | None = None):
    """The log, newest first, as a table (read-only: nothing here writes to it)."""
    return sql.run(cur, "audit_log", actions=list(actions) if actions else None, user=user or None,
                   since=since, until=until, limit=limit)


def facets(cur: Connection) -> dict[str, list[str]]:
    """The actions and user names that occur in the log: {"action": [...], "user": [...]}."""
    frame = sql.run(cur, "audit_summary")
    return {facet: frame.loc[frame["facet"] == facet, "value"].tolist() for facet in ("action", "user")}
