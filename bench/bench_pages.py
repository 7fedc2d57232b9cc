"""Server-side run time of every page: the sample data beside a national store, with their ratios.

For each page of the navigation whose file exists, AppTest runs app.py and
switches to the page with every cache emptied first (``first``: what a
visitor waits for after an import, ``state.data_changed()``), then runs it
again (``cached``: every later click; the better of two runs). Only the
script's run is timed, not the browser's drawing. The national store (10,000
entities × 10 gestiones by default) is generated (``bench/generate.py``) and
loaded through ``egov import``, once per generator parameters (kept under the
temp dir, see ``generate.cached_database``); each run works on a copy.
Goals: cached within 2× of the sample, first run within 3×.

A third run per page is the first after an import with the warm-up on (``egov.ui.warm``, the
app's default): the page is visited, the data changes, the background thread makes the page's
reads again, and then the page runs (``warmed``; the warm-up's own seconds are printed beside
it). It is what a visitor who comes back once the warm-up has ended waits for; one who comes
back sooner waits for what is still being made, at most the ``first`` column. At the end the
real server (`streamlit run`) visits every page once on the national store and its resident
memory is printed.

    python -m bench.run_all bench_pages    # or: python -m bench.bench_pages [N_ENTITIES [N_GESTIONES]]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import generate
from egov import sample
from egov.storage import db

APP = db.PROJECT_ROOT / "app.py"
TIMEOUT = 600  # seconds one page run may take before AppTest gives up


def _sample_database(folder: Path) -> Path:
    return sample.build_database(folder / "sample.duckdb")


def _pages() -> list[str]:
    from egov.ui.navigation import PAGES

    return [spec.file for spec in PAGES if (db.PROJECT_ROOT / spec.file).exists()]


def _page_params(path: Path) -> dict[str, dict]:
    """A real profile and a real comparison: the best, the median and the lowest entity of the latest round."""
    from egov import scoring

    con = db.connect(path)
    try:
        cur = con.cursor()
        framework = scoring.default_framework(cur)
        scores = scoring.entity_scores(cur, framework, scoring.periods(cur, framework)[0])
    finally:
        con.close()
    codes = scores.sort_values("rank_in_period")["entity_code"].tolist()
    picked = [codes[0], codes[len(codes) // 2], codes[-1]]
    return {"views/entidad.py": {"entidad": picked[1]}, "views/comparar.py": {"comparar": picked}}


def measure(path: Path, pages: list[str]) -> dict[str, tuple]:
    """page -> (first run s, cached run s, note, warmed first run s, warm-up s) on the database at ``path``."""
    from streamlit.testing.v1 import AppTest

    from egov.ui import warm

    os.environ[db.ENV_DB] = str(path)
    os.environ[warm.ENV_SWITCH] = "0"  # the first runs below are cold: no thread makes anything beforehand
    params = _page_params(path)
    results: dict[str, tuple] = {}
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()  # opens the store, signs in the local user, draws the default page
    from egov.ui import state

    for page in pages:
        try:
            state.data_changed()  # as after an import: query results, figures and tables all dropped
            _point(at, page, params)
            started = time.perf_counter()
            at.run()
            first = time.perf_counter() - started
            cached = None
            for _ in range(2):  # the better of two: other processes share the cores
                started = time.perf_counter()
                at.run()
                took = time.perf_counter() - started
                cached = took if cached is None else min(cached, took)
            note = f"error: {_last_line(at.exception[0])}" if at.exception else ""
            results[page] = (first, cached, note)
        except Exception as exc:  # a page still being written must not stop the others
            results[page] = (None, None, f"{type(exc).__name__}: {str(exc)[:60]}")
    os.environ[warm.ENV_SWITCH] = "1"
    try:
        for page in pages:
            try:
                warm.stop()  # forget what earlier pages read: this page's own reads are warmed
                _open(at, page, params)  # the visit before the import, which the warm-up remembers
                state.data_changed()
                if not warm.settled(TIMEOUT):
                    raise TimeoutError("warm-up")
                warmed_up = warm.last_round()["seconds"]
                started = time.perf_counter()
                at.run()
                results[page] += (time.perf_counter() - started, warmed_up)
            except Exception as exc:
                first, cached, note = results[page]
                results[page] = (first, cached, f"{note} warmed: {type(exc).__name__}".strip(), None, None)
        results["(every page)"] = _whole_warm_up(at, pages, params)
    finally:
        os.environ[warm.ENV_SWITCH] = "0"
        warm.stop()
    return results


def _whole_warm_up(at, pages: list[str], params: dict) -> tuple:
    """After a visit of every page, one change: how long until every page's reads are made again.

    What an import costs the server at this size before every page is as quick as its warmed
    column (a visitor meanwhile waits only for the reads of the page they open)."""
    from egov.ui import state, warm

    try:
        warm.stop()
        for page in pages:
            _open(at, page, params)
        state.data_changed()
        if not warm.settled(TIMEOUT):
            return (None, None, "warm-up: timed out", None, None)
    except Exception as exc:  # a page still being written must not lose the table above
        return (None, None, f"warm-up: {type(exc).__name__}", None, None)
    made = warm.last_round()
    return (None, None, f"{made['reads']} reads made again, {made['failed']} failed", None, made["seconds"])


def _point(at, page: str, params: dict) -> None:
    """Point AppTest at ``page`` with its URL parameters (the next ``at.run()`` draws it)."""
    for key in list(at.query_params):
        del at.query_params[key]
    for key, value in params.get(page, {}).items():
        at.query_params[key] = value
    at.switch_page(page)


def _open(at, page: str, params: dict) -> None:
    _point(at, page, params)
    at.run()


def _last_line(exception) -> str:
    lines = [line.strip() for line in (exception.stack_trace or []) if line.strip()]
    return (lines[-1] if lines else exception.message)[:70]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:6.2f}"


def _ratio(large: float | None, small: float | None) -> str:
    return "—" if not large or not small else f"{large / small:5.1f}x"


def server_memory(path: Path) -> float:
    """Resident MB of a real server after one session visited every page on ``path``."""
    from bench import bench_sessions

    with bench_sessions.serve(path) as server:
        pages = bench_sessions.every_page()
        runs = bench_sessions.visit(server, 1, rounds=len(pages), pages=pages)
        if runs["errors"]:
            print(f"  (server visit errors: {runs['first_errors']})")
        return server.rss_mb()


def main(entities: int = 10_000, periods: int = 10) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-pages-"))
    try:
        started = time.perf_counter()
        small = _sample_database(folder)
        print(f"sample database built in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        large = generate.copy_of(generate.cached_database(entities, periods), folder)
        print(f"{entities:,} entities × {periods} gestiones ready in {time.perf_counter() - started:.1f} s "
              f"(built once through egov import, then reused)", flush=True)
        pages = _pages()
        on_sample = measure(small, pages)
        on_large = measure(large, pages)
        print(f"\n{'page':<14} {'sample first':>12} {'cached':>7} {'warmed':>7} {'national first':>14} "
              f"{'cached':>7} {'warmed':>7} {'(warm-up)':>9} {'first x':>8} {'cached x':>8} {'warmed x':>8}  notes")
        for page in [*pages, "(every page)"]:
            s_first, s_cached, s_note, s_warmed, _ = on_sample[page]
            l_first, l_cached, l_note, l_warmed, l_warm_up = on_large[page]
            notes = "; ".join(n for n in (s_note and f"sample {s_note}", l_note and f"national {l_note}") if n)
            print(f"{Path(page).stem:<14} {_fmt(s_first):>12} {_fmt(s_cached):>7} {_fmt(s_warmed):>7} "
                  f"{_fmt(l_first):>14} {_fmt(l_cached):>7} {_fmt(l_warmed):>7} {_fmt(l_warm_up):>9} "
                  f"{_ratio(l_first, s_first):>8} {_ratio(l_cached, s_cached):>8} {_ratio(l_warmed, s_first):>8}  {notes}")
        print("(seconds of server-side script run under AppTest; first = every cache emptied before the run; "
              "warmed = the first run after a change once the warm-up ended, its ratio against the sample's "
              "cold first run; goals: first within 3x, cached within 2x of the sample)")
        # the server gets a copy of its own: this process still holds the file AppTest opened
        served = folder / "served"
        served.mkdir()
        rss = server_memory(generate.copy_of(large, served))
        print(f"real server's resident memory after visiting every page on the national store: {rss:,.0f} MB")
        return {"sample": on_sample, "national": on_large, "rss_mb": rss}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
