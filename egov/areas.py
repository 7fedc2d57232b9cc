"""Supervision areas across entities: the reads behind the Áreas de supervisión page.

Thin Python over named queries (``queries/area_scores_scoped.sql``,
``area_by_group.sql``, ``criteria_failed.sql``); the arithmetic of an area
score stays in ``area_scores.sql``. Every read takes the sidebar scope
(sectors, levels, entities); a rank, when shown, stays over all entities of
the round (``scoring.entity_scores``).
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from egov.storage import sql
from egov.storage.db import Connection

# Failing a criterion = scoring below this share of its scale (level 3 «Establecido» on 0–4).
FAIL_THRESHOLD = 0.75
DIMENSIONS = ("gov_level", "sector")


def _list(values: Sequence[str] | None) -> list[str] | None:
    return list(values) if values else None


def _scope(sectors, levels, entities) -> dict:
    return {"sectors": _list(sectors), "levels": _list(levels), "entities": _list(entities)}


def area_scores(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
                levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Entity × area scores (0–100) in one round, with the entity's name and group."""
    return sql.run(cur, "area_scores_scoped", framework=framework, period=period,
                   **_scope(sectors, levels, entities))


def area_means(areas: pd.DataFrame) -> pd.DataFrame:
    """Mean score of each area across the entities of ``areas`` (entities without a score left out)."""
    columns = ["area_code", "area_name_es", "area_name_en", "area_order", "mean_score", "entities"]
    if areas.empty:
        return pd.DataFrame(columns=columns)
    grouped = areas.groupby(["area_code", "area_name_es", "area_name_en", "area_order"], as_index=False)
    return (grouped.agg(mean_score=("area_score", "mean"), entities=("area_score", "count"))
            .sort_values("area_order").reset_index(drop=True)[columns])


def by_group(cur: Connection, framework: str, period: str, dimension: str, *,
             sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
             entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Mean area score per group (``dimension``: 'sector' or 'gov_level'), best group first."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"dimension must be one of {DIMENSIONS}, not {dimension!r}")
    return sql.run(cur, "area_by_group", framework=framework, period=period, dimension=dimension,
                   **_scope(sectors, levels, entities))


def failed_criteria(cur: Connection, framework: str, period: str, *, threshold: float = FAIL_THRESHOLD,
                    sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
                    entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Criteria by share of assessed entities scoring below ``threshold`` of the scale, most failed first."""
    return sql.run(cur, "criteria_failed", framework=framework, period=period, threshold=threshold,
                   **_scope(sectors, levels, entities))


def matrix(areas: pd.DataFrame, scores: pd.DataFrame, *, sort_by: str = "index", lang: str = "es"
           ) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The heatmap's table: one row per entity (label), one column per area name, ordered.

    ``sort_by``: 'index' (best first), 'name' (A→Z) or an area code (best first in that area).
    Returns (values, entity codes, long names) in row order.
    """
    from egov.charts.bars import entity_labels

    if areas.empty:
        return pd.DataFrame(), [], []
    lc = "en" if lang == "en" else "es"
    entities = areas.drop_duplicates("entity_code")[["entity_code", "name", "acronym"]].reset_index(drop=True)
    entities["label"] = entity_labels(entities).to_numpy()
    index = scores.set_index("entity_code")["index_value"] if not scores.empty else pd.Series(dtype=float)
    entities["index_value"] = entities["entity_code"].map(index)
    order = areas.drop_duplicates("area_code").sort_values("area_order")
    wide = areas.pivot_table(index="entity_code", columns="area_code", values="area_score", aggfunc="first",
                             dropna=False).reindex(columns=order["area_code"].tolist())
    entities = entities.join(wide, on="entity_code")
    if sort_by == "name":
        entities = entities.sort_values("label", key=lambda s: s.str.lower())
    else:
        key = sort_by if sort_by in wide.columns else "index_value"
        entities = entities.sort_values([key, "label"], ascending=[False, True], na_position="last")
    values = entities.set_index("label")[order["area_code"].tolist()]
    values.columns = order[f"area_name_{lc}"].tolist()
    return values, entities["entity_code"].tolist(), entities["name"].tolist()
