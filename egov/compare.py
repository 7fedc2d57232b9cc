"""Two to six entities side by side: index, level, coverage, areas and tools in one round.

Thin Python over the scoring queries (``entity_scores.sql``) and
``entity_area_scores.sql`` / ``entity_tools.sql``.
"""

from __future__ import annotations

import pandas as pd

from egov import profile, scoring
from egov.storage.db import Connection
from egov.i18n import fmt_number, t

MIN_ENTITIES, MAX_ENTITIES = 2, 6


def scores(cur: Connection, framework: str, period: str, entities: list[str]) -> pd.DataFrame:
    """Index, rank, band and coverage of the chosen entities, in the order chosen."""
    found = scoring.entity_scores(cur, framework, period, entities=list(entities))
    order = {code: i for i, code in enumerate(entities)}
    return found.sort_values("entity_code", key=lambda s: s.map(order)).reset_index(drop=True)


def areas(cur: Connection, framework: str, period: str, entities: list[str]) -> pd.DataFrame:
    return profile.area_scores(cur, framework, list(entities), period)


def tools(cur: Connection, framework: str, period: str, entities: list[str]) -> pd.DataFrame:
    return profile.tools(cur, framework, period, list(entities))


def areas_title(frame: pd.DataFrame, lang: str) -> str:
    """The widest gap between the chosen entities: «La mayor brecha está en X: 45,0 puntos entre A y B»."""
    df = frame.dropna(subset=["area_score"])
    if df.empty or df["entity_code"].nunique() < 2:
        return t("compare.areas.title_plain", lang)
    lc = "en" if lang == "en" else "es"
    best_gap, found = -1.0, None
    for _, part in df.groupby("area_order", sort=True):
        if part["entity_code"].nunique() < 2:
            continue
        top, low = part.loc[part["area_score"].idxmax()], part.loc[part["area_score"].idxmin()]
        gap = float(top["area_score"] - low["area_score"])
        if gap > best_gap:
            best_gap, found = gap, (top, low)
    if found is None:
        return t("compare.areas.title_plain", lang)
    top, low = found
    return t("compare.areas.title", lang, area=top[f"area_name_{lc}"], points=fmt_number(best_gap, 1, lang),
             top=profile.label(top), low=profile.label(low))

