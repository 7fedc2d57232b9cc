"""Sign-in attempts counted in the store: a lock per user name and a slower limit per address.

Counting in a server's memory had two faults (issue 20): a check-then-record
race let a burst of parallel tries evaluate many more passwords than the
limit, and a restart (or a second server) started from zero. Here an
attempt *takes a slot* before its password is evaluated, checked and taken
(``queries/sign_in_slot_free.sql``, ``sign_in_take_slot.sql``) inside one
transaction under the process's write lock (and, on PostgreSQL, the
store-wide writer lock), so at most ``limit`` passwords per window are
ever evaluated for a name, however many arrive at once. The slots live in
``sign_in_throttle`` (migration 004): every server sharing the store counts
together, and a restart forgets nothing.

A right password gives its own slot back; earlier failures are kept until
their window ends (a success does not wipe them, or a burst holding the
right password would reopen the door to the rest of the burst).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from egov.storage import sql
from egov.storage.db import Connection, transaction, write_lock


@dataclass(frozen=True)
class Limit:
    scope: str  # "name" | "address"
    attempts: int
    window_seconds: int


# Five tries per user name in five minutes; twenty per browser address in fifteen.
PER_NAME = Limit("name", 5, 300)
PER_ADDRESS = Limit("address", 20, 900)
LOCAL_ADDRESS = "local"
_RETRIES = 5  # loopback, or an address the server could not tell


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(tzinfo=None)


def _subjects(name: str, address: str | None) -> list[tuple[Limit, str]]:
    return [(PER_NAME, name), (PER_ADDRESS, address or LOCAL_ADDRESS)]


def take_slot(con: Connection, name: str, address: str | None, *, now: datetime | None = None) -> bool:
    """Reserve the right to evaluate one password for ``name`` from ``address``; False when throttled.

    Both counters move together or not at all: a try refused by the address
    gives back the name's slot in the same transaction. Nothing raises
    inside the transaction (a refusal is an answer, not an error).
    """
    now = _now(now)
    for attempt in range(_RETRIES):
        try:
            with write_lock, transaction(con) as cur:
                taken = []
                for limit, subject in _subjects(name, address):
                    params = dict(scope=limit.scope, subject=subject, now=now)
                    sql.run(cur, "sign_in_open_row", **params)
                    window = dict(limit=limit.attempts, window_seconds=limit.window_seconds)
                    if sql.run(cur, "sign_in_slot_free", **params, **window).empty:
                        for given, taken_subject in taken:
                            sql.run(cur, "sign_in_give_back", scope=given.scope, subject=taken_subject, now=now,
                                    window_seconds=given.window_seconds)
                        return False
                    sql.run(cur, "sign_in_take_slot", **params, **window)
                    taken.append((limit, subject))
            return True
        except duckdb.TransactionException:  # another writer's commit got in between: count again
            if attempt == _RETRIES - 1:
                raise
    return False


def give_back(con: Connection, name: str, address: str | None, *, now: datetime | None = None) -> None:
    """A right password: return the slot it took (failures stay counted)."""
    now = _now(now)
    for attempt in range(_RETRIES):
        try:
            with write_lock, transaction(con) as cur:
                for limit, subject in _subjects(name, address):
                    sql.run(cur, "sign_in_give_back", scope=limit.scope, subject=subject, now=now,
                            window_seconds=limit.window_seconds)
            return
        except duckdb.TransactionException:
            if attempt == _RETRIES - 1:
                raise


def wait_seconds(con: Connection, name: str, address: str | None, *, now: datetime | None = None) -> int:
    """How long ``name`` from ``address`` must still wait (0 when a try may be made)."""
    now = _now(now)
    longest = 0
    with write_lock:
        cur = con.cursor()
        try:
            for limit, subject in _subjects(name, address):
                found = sql.run(cur, "sign_in_wait", scope=limit.scope, subject=subject, now=now,
                                limit=limit.attempts, window_seconds=limit.window_seconds)
                if not found.empty:
                    longest = max(longest, int(found["wait_seconds"].iloc[0]))
        finally:
            cur.close()
    return longest
