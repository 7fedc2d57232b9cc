"""What verification changed: the entities' own declarations (autoevaluación) against the official index.

The official index takes the supervisor's verified score where there is one and the entity's declared
score otherwise (queries/criterion_results.sql). Here, for the entities that declared: how far their
declared index sits above (or below) the official one, in which areas, and how much of each index rests
on verified scores. Gap = declared − official: positive where the entity overstated.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from egov import areas, scoring
from egov.storage.db import Connection


def entity_gap(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
               levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per entity that declared: declared index, official index, gap, verified share; largest gap first."""
    scores = scoring.entity_scores(cur, framework, period, sectors=sectors, levels=levels, entities=entities)
    declared = scores[scores["declared_index"].notna()].copy()
    declared["gap"] = (declared["declared_index"] - declared["index_computed"]).round(2)
    columns = ["entity_code", "name", "acronym", "declared_index", "index_computed", "gap", "verified_share",
               "coverage_insufficient"]
    return declared.sort_values(["gap", "entity_code"], ascending=[False, True])[columns].reset_index(drop=True)


def area_gap(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
             levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Per area, the mean gap (declared − official) over the entities with both scores, and how many they are."""
    rows = areas.area_scores(cur, framework, period, sectors=sectors, levels=levels, entities=entities)
    both = rows.dropna(subset=["declared_area_score", "area_score"]).copy()
    if both.empty:
        return pd.DataFrame(columns=["area_code", "area_name_es", "area_name_en", "mean_gap", "entities"])
    both["gap"] = both["declared_area_score"] - both["area_score"]
    out = (both.groupby(["area_order", "area_code", "area_name_es", "area_name_en"], as_index=False)
           .agg(mean_gap=("gap", "mean"), entities=("entity_code", "nunique")))
    return out.sort_values("area_order").drop(columns="area_order").reset_index(drop=True)
