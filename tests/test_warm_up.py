"""The warm-up after a write (egov/ui/warm.py): what the pages read before is made again in the
background under the new data version, once, and a page run afterwards finds it made.

The rest of the suite runs with the warm-up off (conftest.py); these tests turn it on for themselves.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
import time

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from egov import overview as overview_module
from egov.ingest import import_file
from egov.storage import db
from egov.ui import cache, state, warm

# One synthetic score of the sample's latest gestión, corrected from 0 to 4.
CORRECTION = ("entidad,periodo,marco,criterio,puntaje,estado\n"
              "MIN-GOB,2024,CGE-GE,PLAN.3,4,evaluado\n")


@pytest.fixture
def warm_up_on(monkeypatch):
    monkeypatch.setenv(warm.ENV_SWITCH, "1")
    warm.stop()
    yield
    warm.stop()
    assert not [t for t in threading.enumerate() if t.name == "egov-warm-up"], "the thread ended with the test"


@pytest.fixture
def counted_overview(monkeypatch):
    """Every computation of the Resumen page's overview, with its arguments (the page reads it through cache.load)."""
    calls: list[tuple] = []
    real = overview_module.overview

    @functools.wraps(real)
    def counted(cur, *args, **kwargs):
        calls.append((args, kwargs))
        return real(cur, *args, **kwargs)

    monkeypatch.setattr(overview_module, "overview", counted)
    return calls, real


def test_after_a_write_the_overview_is_made_once_in_the_background_and_the_page_finds_it(
        sample_db, use_db, warm_up_on, counted_overview):
    calls, real = counted_overview
    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()  # Resumen, the default page
    assert not at.exception, [e.value for e in at.exception]
    assert len(calls) == 1
    args, kwargs = calls[0]
    before = cache.load(overview_module.overview, *args, **kwargs)  # found made: not counted

    # a correction through the app's own connection, announced as the Cargar page announces it
    result = import_file(state.connection(), CORRECTION.encode(), "correccion.csv", user="test", role="admin",
                         confirm_changes=True)
    assert result.status == "imported", (result.summary_es, list(result.problems)[:3])
    state.data_changed()
    assert warm.settled(timeout=120), "the warm-up ended"
    made = warm.last_round()
    assert made["failed"] == 0, made
    assert made["reads"] >= 5, made  # the page's every read, not only the overview
    assert made["version"] == cache.data_version()
    assert len(calls) == 2, "made again once, in the background"

    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(calls) == 2, "the page run found it made"

    warmed = cache.load(overview_module.overview, *args, **kwargs)
    with db.cursor(state.connection()) as cur:
        fresh = real(cur, *args, **kwargs)
    for field in dataclasses.fields(fresh):  # what the warm-up made is what the new data gives
        mine, theirs = getattr(warmed, field.name), getattr(fresh, field.name)
        if isinstance(theirs, pd.DataFrame):
            pd.testing.assert_frame_equal(mine, theirs)
        else:
            assert mine == theirs, field.name
    assert warmed.mean_index != before.mean_index, "and the new data differs from the old"


@pytest.mark.both_backends
def test_a_write_by_another_server_is_noticed_by_the_poll_and_warmed(sample_db, use_db, warm_up_on,
                                                                     counted_overview, monkeypatch):
    """Several servers on one store: a write made elsewhere (no ``data_changed`` here) is seen within a poll."""
    monkeypatch.setattr(warm, "POLL_SECONDS", 0.2)
    calls, real = counted_overview
    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(calls) == 1

    other = db.connect(sample_db)  # "another server": its own connection, and nothing said to this process
    try:
        assert import_file(other, CORRECTION.encode(), "correccion.csv", user="test", role="admin",
                           confirm_changes=True).status == "imported"
        with db.cursor(other) as cur:
            moved = db.data_version(cur)
    finally:
        other.close()
    deadline = time.monotonic() + 60
    while (warm.last_round()["version"] or (None, None))[1] != moved:
        assert time.monotonic() < deadline, f"the poll never warmed version {moved}: {warm.last_round()}"
        time.sleep(0.1)
    assert len(calls) == 2, "made again once, in the background"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(calls) == 2, "the page run found it made"


def test_a_change_announced_while_nothing_was_read_settles_at_once(sample_db, use_db, warm_up_on):
    use_db(sample_db)
    started = time.perf_counter()
    state.data_changed()
    assert warm.settled(timeout=30)
    assert time.perf_counter() - started < 10
    assert warm.last_round()["reads"] == 0


def test_with_the_switch_off_nothing_is_remembered_and_no_thread_starts(sample_db, use_db, monkeypatch,
                                                                        counted_overview):
    monkeypatch.setenv(warm.ENV_SWITCH, "0")
    calls, _ = counted_overview
    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    state.data_changed()
    assert warm.settled(timeout=1)
    assert len(calls) == 1
    assert not [t for t in threading.enumerate() if t.name == "egov-warm-up"]


def test_a_built_object_asked_for_by_two_threads_at_once_is_built_once(sample_db, use_db):
    use_db(sample_db)
    builds: list[int] = []

    def build():
        builds.append(1)
        time.sleep(0.3)
        return object()

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(cache.built("warm-test", ("same",), build)))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len(got) == 3 and got[0] is got[1] is got[2]


def test_when_the_first_build_fails_a_waiting_caller_builds_it_itself(sample_db, use_db):
    use_db(sample_db)
    attempts: list[int] = []
    started = threading.Event()

    def build():
        attempts.append(1)
        if len(attempts) == 1:
            started.set()
            time.sleep(0.3)
            raise RuntimeError("the first attempt fails")
        return "made"

    errors: list[Exception] = []

    def first():
        try:
            cache.built("warm-test-fails", (), build)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=first)
    thread.start()
    assert started.wait(10)
    assert cache.built("warm-test-fails", (), build) == "made"
    thread.join()
    assert len(errors) == 1 and len(attempts) == 2


def test_a_read_made_inside_a_build_stays_remembered_when_the_build_is_served_from_the_cache(
        sample_db, use_db, warm_up_on):
    """Comparar's positions are read inside its table's build: a cached run must keep them among the warmed."""
    from egov import framework

    use_db(sample_db)

    def build():
        return len(cache.load(framework.bands, "CGE-GE"))

    def nested():
        return cache.built("warm-test-inner", (), build) + 1

    assert cache.built("warm-test-outer", (), nested) >= 1  # built: both builds read the bands
    warm.forget()
    cache.built("warm-test-outer", (), nested)  # served from the cache: no build runs
    assert [key for key in warm.remembered() if key[2] == "load:egov.framework:bands"], warm.remembered()
    warm.forget()
    cache.built("warm-test-inner", (), build)
    assert [key for key in warm.remembered() if key[2] == "load:egov.framework:bands"], warm.remembered()
