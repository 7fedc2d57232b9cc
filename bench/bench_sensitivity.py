"""Uncertainty runs and what-if weights on 1,000 entities: how long the sensitivity analysis takes.

The 1,000-entity database is generated (``bench/generate.py``) and loaded through the real
importer into a temporary folder, removed at the end. Timed separately: reading the entity ×
criterion matrix from the store, one what-if recomputation (what a slider move costs), and the
seeded Monte Carlo runs (1,000 and 5,000 runs, ±50 % area weights, unknown criteria filled).

    python -m bench.run_all bench_sensitivity     # or: python -m bench.bench_sensitivity [N_ENTITIES]
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench import generate
from egov import scoring, sensitivity
from egov.storage import db


def _best_of(times: int, func):
    best, result = None, None
    for _ in range(times):
        started = time.perf_counter()
        result = func()
        spent = time.perf_counter() - started
        best = spent if best is None else min(best, spent)
    return best, result


def main(entities: int = 1000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-sensitivity-"))
    try:
        started = time.perf_counter()
        path = generate.build_database(folder / "large.duckdb", entities)
        print(f"{entities} entities × {len(generate.ROUNDS)} rounds generated and imported in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        con = db.connect(path)
        try:
            with db.cursor(con) as cur:
                framework = scoring.default_framework(cur)
                period = scoring.periods(cur, framework)[0]
                spent, matrix = _best_of(3, lambda: sensitivity.load(cur, framework, period))
        finally:
            con.close()
        rows, criteria = matrix.normalised.shape
        print(f"matrix read from the store ({rows} assessments × {criteria} criteria, "
              f"{int(matrix.unknown.sum())} unknown cells): {spent:.3f} s")
        first = matrix.area_codes[0]
        spent, table = _best_of(5, lambda: sensitivity.whatif(matrix, {first: 0}))
        moved = int((table["rank_change"].fillna(0) != 0).sum())
        print(f"what-if recomputation ({first}=0, {moved} entities change position): {spent * 1000:.1f} ms")
        for runs in (1000, 5000):
            settings = sensitivity.Settings(runs=runs)
            spent, result = _best_of(2, lambda: sensitivity.uncertainty(matrix, settings))
            tied = int((result["tied_with"] > 0).sum())
            print(f"uncertainty, {runs} runs (±{settings.spread:.0%} weights, unknowns filled, seed "
                  f"{settings.seed}): {spent:.2f} s; {tied} of {len(result)} entities shown tied")
        # The generated scores leave no criterion unknown: blank one cell in ten (in memory only) to time the
        # filling of unknown criteria too.
        rng = np.random.default_rng(1)
        blanked = np.where(rng.random(matrix.normalised.shape) < 0.1, np.nan, matrix.normalised)
        with_unknowns = dataclasses.replace(matrix, normalised=blanked)
        spent, result = _best_of(2, lambda: sensitivity.uncertainty(with_unknowns, sensitivity.Settings()))
        print(f"uncertainty, 1000 runs with {int(with_unknowns.unknown.sum())} unknown cells filled: {spent:.2f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
