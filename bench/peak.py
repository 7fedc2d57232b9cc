"""Run one ``egov`` command in this process; print its wall time and peak resident memory last on stderr.

``python -m bench.peak ARGS...`` is ``python -m egov ARGS...`` plus one line ``peak: S s, M MB``,
so a benchmark reads each command's own peak (the kernel's ``ru_maxrss`` of this process), not
the highest of every child it ran.
"""

from __future__ import annotations

import re
import resource
import sys
import time

LINE = re.compile(r"^peak: ([0-9.]+) s, ([0-9.]+) MB$", re.MULTILINE)


def parse(stderr: str) -> tuple[float, float]:
    """(seconds, peak MB) from a ``bench.peak`` run's stderr."""
    found = LINE.findall(stderr)
    if not found:
        raise RuntimeError(stderr[-2000:])
    seconds, megabytes = found[-1]
    return float(seconds), float(megabytes)


if __name__ == "__main__":
    from egov.cli import main

    started = time.perf_counter()
    try:
        main(args=sys.argv[1:], prog_name="egov")
    finally:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        print(f"peak: {time.perf_counter() - started:.2f} s, {peak:.0f} MB", file=sys.stderr)
