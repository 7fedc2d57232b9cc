"""PostgreSQL against the DuckDB file on the same data: every page's server run, and concurrent imports.

1,000 entities × 3 rounds are generated and imported into a DuckDB file
(``bench/generate.py``), copied into a throwaway PostgreSQL cluster with
``egov store copy`` (so both hold exactly the same rows), and every page is
timed on both under AppTest (first run with the query cache emptied, as after
an import, then cached). The two stores take turns page by page, three times
each, and the median run counts: on a machine shared with other jobs a
single run, or all of one store's runs before the other's, measures the
load as much as the store. Then N ``egov import`` processes bring N
different score files at once into the PostgreSQL store, against one such
import alone. Goal: no page slower than 1.5× the file.

    python -m bench.run_all bench_postgres      # or: python -m bench.bench_postgres [N_ENTITIES]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import bench_pages, generate
from egov.storage import db, transfer
from tests.support.pg import Cluster

GOAL = 1.5
IMPORTERS = 4
REPEATS = 3


def measure_both(stores: dict[str, str], pages: list[str]) -> dict[str, dict[str, tuple]]:
    """store name -> page -> (median first run s, best cached run s, note), the stores taking turns."""
    from statistics import median

    from streamlit.testing.v1 import AppTest

    params = bench_pages._page_params(next(iter(stores.values())))  # the same rows in every store
    apps = {}
    for name, store in stores.items():
        os.environ[db.ENV_DB] = store
        apps[name] = AppTest.from_file(str(bench_pages.APP), default_timeout=bench_pages.TIMEOUT)
        apps[name].run()  # opens the store, signs in the local user, draws the default page
    from egov.ui import state

    runs = {name: {page: ([], [], "") for page in pages} for name in stores}
    for page in pages:
        for _ in range(REPEATS):
            for name, store in stores.items():
                os.environ[db.ENV_DB] = store
                at, (firsts, cached, _) = apps[name], runs[name][page]
                try:
                    state.data_changed()  # as after an import: query results, figures and tables all dropped
                    for key in list(at.query_params):
                        del at.query_params[key]
                    for key, value in params.get(page, {}).items():
                        at.query_params[key] = value
                    at.switch_page(page)
                    for times in (firsts, cached):
                        started = time.perf_counter()
                        at.run()
                        times.append(time.perf_counter() - started)
                    note = f"error: {bench_pages._last_line(at.exception[0])}" if at.exception else ""
                except Exception as exc:  # a page still being written must not stop the others
                    note = f"{type(exc).__name__}: {str(exc)[:60]}"
                runs[name][page] = (firsts, cached, note)
    return {name: {page: (median(f) if f else None, min(c) if c else None, note)
                   for page, (f, c, note) in by_page.items()} for name, by_page in runs.items()}


def _import(uri: str, *files: Path) -> subprocess.Popen:
    env = {**os.environ, db.ENV_DB: uri, "EGOV_AUTO_BACKUP": "0"}
    return subprocess.Popen([sys.executable, "-m", "egov", "import", *map(str, files), "--yes"],
                            cwd=db.PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _concurrent_imports(cluster: Cluster, folder: Path) -> tuple[float, float, int]:
    """(one import alone s, IMPORTERS imports at once s, batches landed)."""
    sets = [generate.write_files(folder / f"set{n}", entities=200, seed=100 + n) for n in range(IMPORTERS + 1)]
    scores = [next(p for p in files if p.name == "puntajes.csv") for files in sets]
    uri = cluster.new_database()
    db.connect(uri).close()
    first = _import(uri, generate.FRAMEWORK_FILE, sets[0][0])
    assert first.wait() == 0, first.stderr.read()
    started = time.perf_counter()
    alone = _import(uri, scores[0])
    assert alone.wait() == 0, alone.stderr.read()
    one = time.perf_counter() - started
    started = time.perf_counter()
    workers = [_import(uri, path) for path in scores[1:]]
    codes = [w.wait() for w in workers]
    together = time.perf_counter() - started
    assert codes == [0] * IMPORTERS, [w.stderr.read() for w in workers]
    con = db.connect(uri)
    try:
        landed = con.execute("SELECT count(*) FROM import_batch WHERE kind = 'puntajes'").fetchall()[0][0]
    finally:
        con.close()
    return one, together, landed


def main(entities: int = 1000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-pg-"))
    cluster = Cluster()
    try:
        started = time.perf_counter()
        large = generate.build_database(folder / "large.duckdb", entities)
        print(f"{entities} entities × {len(generate.ROUNDS)} rounds imported into the file in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        uri = cluster.new_database()
        started = time.perf_counter()
        copied = transfer.copy_store(str(large), uri)
        print(f"copied to PostgreSQL ({sum(copied.tables.values())} rows, checked) in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        con = db.connect(uri)
        try:
            with db.cursor(con) as cur:
                version = db.data_version(cur)
            started = time.perf_counter()
            con.snapshot_cursor(version).close()
            print(f"in-memory copy for the cached page reads (once per server after each change): "
                  f"{time.perf_counter() - started:.2f} s", flush=True)
        finally:
            con.close()
        pages = bench_pages._pages()
        load = os.getloadavg()[0]
        measured = measure_both({"file": str(large), "pg": uri}, pages)
        on_file, on_pg = measured["file"], measured["pg"]
        fmt = bench_pages._fmt
        print(f"\n{'page':<16} {'file first':>10} {'cached':>7} {'pg first':>9} {'cached':>7} {'ratio':>6}  notes")
        worst = 0.0
        for page in pages:
            f_first, f_cached, f_note = on_file[page]
            p_first, p_cached, p_note = on_pg[page]
            ratio = p_first / f_first if p_first and f_first else None
            worst = max(worst, ratio or 0)
            notes = "; ".join(n for n in (f_note and f"file {f_note}", p_note and f"pg {p_note}") if n)
            print(f"{Path(page).stem:<16} {fmt(f_first):>10} {fmt(f_cached):>7} {fmt(p_first):>9} "
                  f"{fmt(p_cached):>7} {'—' if ratio is None else f'{ratio:5.2f}×':>6}  {notes}")
        print(f"(seconds of server-side script run under AppTest, median of {REPEATS} first runs and best cached run, "
              f"the stores taking turns; ratio = PostgreSQL first run ÷ file first run; worst {worst:.2f}×, "
              f"goal ≤ {GOAL}×; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)")
        one, together, landed = _concurrent_imports(cluster, folder)
        print(f"\nconcurrent imports on PostgreSQL (200 entities × 3 rounds of scores each): one alone {one:.1f} s; "
              f"{IMPORTERS} processes at once {together:.1f} s in all; {landed} score batches landed")
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
