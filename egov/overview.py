"""The Resumen page's figures in one read: entities assessed, mean index and its change,
entities per maturity level, the ladder in brief, and the follow-up counts.

Everything comes from the shared core (``scoring.entity_scores``,
``scoring.ladder``, ``followup.summary``), so the Resumen never counts
differently from the pages it summarises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import pandas as pd

from egov import followup, scoring
from egov.charts import findings
from egov.storage.db import Connection


@dataclass
class Overview:
    entities: int                    # entities assessed in the round (in scope)
    with_index: int                  # ... of which have an index
    mean_index: float | None
    mean_index_before: float | None  # the same scope in the previous round
    entities_before: int
    mean_coverage: float | None
    bands: pd.DataFrame              # band_code, name_es, name_en, sort_order, entities, share
    ladder: dict[str, int]           # total, signature, full, own (findings.ladder_counts)
    steps: pd.DataFrame              # tools.ladder_summary
    followup: dict[str, Any] = field(default_factory=dict)

    @property
    def change(self) -> float | None:
        if self.mean_index is None or self.mean_index_before is None:
            return None
        return round(self.mean_index, 1) - round(self.mean_index_before, 1)


def _mean(series: pd.Series) -> float | None:
    values = series.dropna()
    return float(values.mean()) if len(values) else None


def overview(cur: Connection, framework: str, period: str, previous_period: str | None = None, *,
             sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
             entities: Sequence[str] | None = None) -> Overview:
    from egov import tools
    from egov.framework import bands as framework_bands

    scope = {"sectors": sectors or None, "levels": levels or None, "entities": entities or None}
    scores = scoring.entity_scores(cur, framework, period, **scope)
    before = (scoring.entity_scores(cur, framework, previous_period, **scope) if previous_period
              else scores.iloc[0:0])
    band_rows = framework_bands(cur, framework)
    counts = scores["band_code"].value_counts()
    indexed = int(scores["index_value"].notna().sum())
    band_rows = band_rows.assign(entities=[int(counts.get(code, 0)) for code in band_rows["band_code"]])
    band_rows["share"] = band_rows["entities"] / indexed if indexed else None
    ladder_rows = tools.ladder(cur, framework, period, **scope)
    return Overview(
        entities=int(len(scores)), with_index=indexed, mean_index=_mean(scores["index_value"]),
        mean_index_before=_mean(before["index_value"]), entities_before=int(len(before)),
        mean_coverage=_mean(scores["coverage"]), bands=band_rows,
        ladder=findings.ladder_counts(ladder_rows),
        steps=tools.ladder_summary(ladder_rows, tools.steps(cur, framework)),
        followup=followup.summary(cur, framework, None, **scope))
