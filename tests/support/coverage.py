"""The default framework's 'marco' row with another minimum coverage, as an import file.

Tiny test stores score a handful of the 29 criteria to check arithmetic by hand; under the default
minimum (50 %) their entities would have no index. They import this with 0 first, in the open.
"""

from __future__ import annotations

import csv
import io

from egov.storage.db import PROJECT_ROOT


def framework_row_with_minimum(percent: float) -> bytes:
    text = (PROJECT_ROOT / "data" / "framework" / "cge-ge.csv").read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*reader.fieldnames, "cobertura_minima"])
    writer.writeheader()
    writer.writerows({**r, "cobertura_minima": percent} for r in reader if r["tipo"] == "marco")
    return out.getvalue().encode()
