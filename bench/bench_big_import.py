"""A national score file (500 MB by default) through ``egov import``: peak resident memory and time.

The files come from ``bench/generate.py`` (N entities × 10 gestiones of the
default framework, N chosen for the size asked). A new store gets the
framework and the entities; then ``egov import --yes`` of the score file
runs as a child process, and its peak resident set size (the kernel's
``ru_maxrss`` of the child) is the figure against the goal: within 2 GB.
For scale, the same run prints DuckDB's own ``read_csv`` of the file and
the size of the file.

Then, on the national store that import left, what an analyst or an
administrator does next, each its own child with its own peak: a correction
of one entity's gestión (23 scores) and then of another's, `egov backup`, the
corrections' undos, and the undo of the national batch itself.

    python -m bench.run_all bench_big_import   # or: python -m bench.bench_big_import [MEGABYTES]
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import generate, peak
from egov import sample
from egov.storage import db, sql

MEGABYTES = 500
GESTIONES = 10
GOAL_MB = 2048
BYTES_PER_ENTITY = 18_700  # one entity's score rows over ten gestiones (measured on the generator)


def main(megabytes: int = MEGABYTES) -> dict[str, float]:
    entities = -(-megabytes * 1024 * 1024 // BYTES_PER_ENTITY)
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-big-"))
    try:
        paths = dict(zip(generate.FILES, generate.write_files(folder / "files", entities, periods=GESTIONES)))
        scores = paths["puntajes.csv"]
        store = folder / "store.duckdb"
        con = db.connect(store)
        try:
            sample.load_default_framework(con)
            generate.import_files(con, [paths["entidades.csv"]])
            db.checkpoint(con)
            with db.cursor(con) as cur:
                started = time.perf_counter()
                sql.run(cur, "bench_read_csv", path=str(scores), all_varchar=False)
                read_csv = time.perf_counter() - started
        finally:
            con.close()
        command = [sys.executable, "-m", "egov", "--db", str(store), "import", "--yes", "--synthetic",
                   "--progress", str(scores)]
        started = time.perf_counter()
        # As an analyst runs it: with the automatic backup before the import.
        done = subprocess.run(command, cwd=db.PROJECT_ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
        if done.returncode:
            raise RuntimeError(done.stderr[-2000:])
        con = db.connect(store)
        try:
            with db.cursor(con) as cur:
                stored = cur.execute("SELECT count(*) FROM criterion_score").fetchall()[0][0]
        finally:
            con.close()
        after = _on_the_national_store(store, scores, folder)
        size_mb = scores.stat().st_size / 1024 / 1024
        print(f"score file: {stored:,} rows, {size_mb:,.0f} MB ({entities:,} entities x {GESTIONES} gestiones)")
        print(f"  egov import (streamed):          {seconds:8.1f} s ({stored / seconds:,.0f} rows/s)")
        print(f"  peak resident memory:            {peak_mb:8.0f} MB (goal: within {GOAL_MB} MB; "
              f"{peak_mb / size_mb:.1f}x the file)")
        print(f"  DuckDB read_csv alone (typed):   {read_csv:8.1f} s ({seconds / read_csv:.0f}x)")
        print("  its steps:\n" + "\n".join("    " + line for line in done.stderr.strip().splitlines()))
        print("  then, on the national store:")
        for label, (took, peak) in after.items():
            print(f"    {label:<33}{took:8.1f} s, peak {peak:6.0f} MB")
        return {"seconds": seconds, "peak_mb": peak_mb, "size_mb": size_mb, "read_csv": read_csv,
                **{f"{label} s": took for label, (took, _) in after.items()}}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _on_the_national_store(store: Path, scores: Path, folder: Path) -> dict[str, tuple[float, float]]:
    """(seconds, peak MB) of each next step an analyst or an administrator takes on the national store."""
    with scores.open(encoding="utf-8") as rows:
        header, lines = next(rows), [next(rows) for _ in range(600)]
    entities = list(dict.fromkeys(line.split(",")[0] for line in lines))
    corrections = []
    for number, entity in enumerate(entities[:2]):
        gestion = next(line for line in lines if line.startswith(entity + ",")).split(",")[1]
        same = [line for line in lines if line.startswith(f"{entity},{gestion},")]
        # A re-assessment: every score moved by one step within the 1–4 scale.
        corrections.append(folder / f"correccion-{number}.csv")
        corrections[-1].write_text(header + "".join(
            ",".join(f if i != 4 or not f else str(int(f) % 4 + 1) for i, f in enumerate(line.split(",")))
            for line in same), encoding="utf-8")

    def egov(*args: str) -> tuple[float, float]:
        done = subprocess.run([sys.executable, "-m", "bench.peak", "--db", str(store), *args],
                              cwd=db.PROJECT_ROOT, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(done.stderr[-2000:])
        return peak.parse(done.stderr)
    # The first write after the national batch digests every audit part again (that batch, having written
    # most of the table, was digested whole); the second is what every later correction costs.
    figures = {f"import of {len(same)} corrected scores": egov("import", "--yes", "--synthetic", str(corrections[0])),
               "another entity's correction": egov("import", "--yes", "--synthetic", str(corrections[1]))}
    figures["egov backup"] = egov("backup", "--out", str(folder / "copia.duckdb"))
    con = db.connect(store)
    try:
        with db.cursor(con) as cur:
            national, fix, other = [r[0] for r in cur.execute(
                "SELECT batch_id FROM import_batch WHERE kind = 'puntajes' ORDER BY batch_id").fetchall()]
    finally:
        con.close()
    figures["undo of the second correction"] = egov("undo", str(other))
    figures["undo of the first correction"] = egov("undo", str(fix))
    figures["undo of the national batch"] = egov("undo", str(national))
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MEGABYTES)
