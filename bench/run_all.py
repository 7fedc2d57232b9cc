"""Runs every benchmark in bench/ (modules named bench_*.py with a main()) and prints their figures.

Timing goals live here, not in tests: `make bench`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    only = set(sys.argv[1:])
    for name in names:
        if only and name not in only:
            continue
        module = importlib.import_module(f"bench.{name}")
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        module.main()
        print(f"== {name}: {time.perf_counter() - started:.1f} s in all\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
