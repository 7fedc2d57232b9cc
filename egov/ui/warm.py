"""After the data changes, recompute in the background what the pages read before the change.

Every cached read is keyed by the data version (``cache.data_version``), so an import, an undo
or a follow-up record makes the next visitor of each page wait for every query of it again: at
national size the uncertainty runs, the overview and the audit chain's verification take
seconds each. This module remembers the reads the pages made recently (``remember``, called by
``cache.load`` and ``cache.shared``) and, when the version moves, one background thread makes
each of them again under the new version, most recent first. A visitor who arrives while one is
being made waits for that one (Streamlit's per-key compute lock, ``cache.built``'s own) instead
of making it twice; one who arrives later finds it made.

Nothing old is ever served: a read is only ever made under the version it is stored under, and
the version is read again before each one, so a second write during the warm-up starts it over.
The thread notices a change made in this process at once (``changed``, from
``state.data_changed``) and one made by another server on a shared PostgreSQL store within
``POLL_SECONDS`` (one cheap query). A read that fails here is left for the page to make, which
shows its error the usual way.

On by default in the app; ``EGOV_WARM_UP=0`` turns it off (the test suite does, so that no thread
reads a temporary store behind a test's back; tests/test_warm_up.py and the two-server browser
test turn it on).
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from typing import Any, Callable, Iterator

ENV_SWITCH = "EGOV_WARM_UP"
RECENT_MAX = 128  # distinct reads remembered per process; one page run makes 5–20
POLL_SECONDS = 5.0

_log = logging.getLogger(__name__)
_lock = threading.Condition()
_recent: OrderedDict[tuple, Callable[[], Any]] = OrderedDict()
_asked = 0  # changes announced by this process (``changed``)
_settled = 0  # the newest of them the thread has finished warming after
_thread: threading.Thread | None = None
_stopping = False
_building = threading.local()  # per thread: the reads of each build in progress (``collecting``)
_last = {"version": None, "reads": 0, "seconds": 0.0, "failed": 0}


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


def remember(location: str, key: tuple, remake: Callable[[], Any]) -> None:
    """Note that a page read ``key`` on the store at ``location``; ``remake()`` makes it under the current version."""
    if enabled():
        _note([((location, *key), remake)])


@contextmanager
def collecting() -> Iterator[list]:
    """The reads made inside this block on this thread (``cache.built`` keeps them beside what it built)."""
    stack = _building.__dict__.setdefault("stack", [])
    reads: list = []
    stack.append(reads)
    try:
        yield reads
    finally:
        stack.pop()


def remember_again(reads: list) -> None:
    """A built object was served from the cache: the reads its build made count as made now.

    Without this, a read made only inside a build (Comparar's positions inside its table) would be
    noted once per data version while the page's other reads are noted at every run, and would
    be the first to fall out of the ``RECENT_MAX`` most recent, unwarmed.
    """
    if enabled() and reads:
        _note(reads)


def _note(reads: list) -> None:
    for outer in getattr(_building, "stack", ()):  # builds in progress on this thread read these too
        outer.extend(reads)
    with _lock:
        for full, remake in reads:
            _recent[full] = remake
            _recent.move_to_end(full)
        while len(_recent) > RECENT_MAX:
            _recent.popitem(last=False)
    _start()


def remembered() -> list[tuple]:
    """The reads remembered, oldest first: (location, kind, function, arguments)."""
    with _lock:
        return list(_recent)


def changed() -> None:
    """This process wrote: warm up now rather than at the next poll."""
    global _asked
    if not enabled():
        return
    with _lock:
        _asked += 1
        _lock.notify_all()
    _start()


def settled(timeout: float | None = None) -> bool:
    """Wait until the thread has warmed up after every change this process announced; False on timeout."""
    deadline = None if timeout is None else time.monotonic() + timeout
    with _lock:
        while _settled < _asked:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            _lock.wait(left)
    return True


def last_round() -> dict:
    """What the latest warm-up did: its version, reads made, seconds taken, reads that failed."""
    with _lock:
        return dict(_last)


def forget() -> None:
    """Forget every remembered read (a test's or a benchmark's fresh start)."""
    with _lock:
        _recent.clear()


def stop(timeout: float = 60.0) -> None:
    """End the thread, after the read it is making, and forget every remembered read (tests, benchmarks)."""
    global _stopping, _thread
    with _lock:
        thread, _stopping = _thread, True
        _recent.clear()
        _lock.notify_all()
    if thread is not None:
        thread.join(timeout)
    with _lock:
        _stopping, _thread = False, None


def _start() -> None:
    global _thread
    with _lock:
        if _stopping or (_thread is not None and _thread.is_alive()):
            return
        _thread = threading.Thread(target=_loop, name="egov-warm-up", daemon=True)
        _thread.start()


# At exit the thread ends after the read it is making: a daemon thread stopped by the interpreter's
# end inside a DuckDB call aborts the process ("terminate called without an active exception",
# seen when a server was stopped during a warm-up). atexit runs before daemon threads are stopped.
atexit.register(stop, 15.0)


def _loop() -> None:
    global _settled
    from egov.storage import db
    from egov.ui import cache

    seen: dict[str, tuple] = {}  # location -> the version last warmed there
    again = False  # the version moved during a warm-up: start over at once
    while True:
        with _lock:
            if _settled >= _asked and not again:
                _lock.wait(POLL_SECONDS)
            if _stopping or not enabled():
                _settled = _asked  # nobody waits for a warm-up that will not come
                _lock.notify_all()
                return
            target = _asked
        try:
            location = db.location()
            version = cache.data_version()
        except Exception:  # the store cannot be read just now: the pages will say why
            _log.debug("warm-up: no data version", exc_info=True)
            version = None
        again = False
        if version is not None and seen.get(location) != version:
            again = not _warm(location, version, cache)
            if not again:
                seen[location] = version
        if not again:
            with _lock:
                _settled = max(_settled, target)
                _lock.notify_all()


def _warm(location: str, version: tuple, cache: Any) -> bool:
    """Make every remembered read of ``location`` under ``version``; False if the version moved meanwhile."""
    with _lock:
        todo = [remake for key, remake in reversed(_recent.items()) if key[0] == location]
    started, made, failed = time.perf_counter(), 0, 0
    for remake in todo:
        if _stopping:
            return False
        try:
            moved = cache.data_version() != version
        except Exception:  # the store cannot be read just now: this round ends, the pages will say why
            _log.debug("warm-up: no data version", exc_info=True)
            break
        if moved:
            return False  # another write: the loop starts over under the newer version
        try:
            remake()
            made += 1
        except Exception:  # left for the page, which shows the error where it belongs
            failed += 1
            _log.debug("warm-up: a read failed", exc_info=True)
    took = time.perf_counter() - started
    with _lock:
        _last.update(version=version, reads=made, seconds=took, failed=failed)
    _log.info("warm-up: %d reads made again in %.1f s (%d failed)", made, took, failed)
    return True
