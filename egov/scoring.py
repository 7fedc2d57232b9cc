"""Scores as the product shows them: thin Python over the scoring queries.

The arithmetic lives in SQL (queries/criterion_results.sql -> area_scores.sql
-> entity_scores.sql, tool_ladder.sql) so that the pages, the command line,
the exports and a PostgreSQL-backed deployment all compute one way.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from egov.i18n import fmt_percent, t
from egov.storage import sql
from egov.storage.db import Connection


def _list(values: Sequence[str] | None) -> list[str] | None:
    return list(values) if values else None


def entity_scores(cur: Connection, framework: str, period: str | None = None, *,
                  sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
                  entities: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per entity and period: index, rank, band, coverage (see entity_scores.sql)."""
    frame = sql.run(cur, "entity_scores", framework=framework, period=period, sectors=_list(sectors),
                    levels=_list(levels), entities=_list(entities))
    return frame


def insufficient_coverage(cur: Connection, framework: str, period: str | None = None, *,
                          sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
                          entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Entities whose coverage is under the framework's minimum: no index, band or position is shown."""
    scores = entity_scores(cur, framework, period, sectors=sectors, levels=levels, entities=entities)
    return scores[scores["coverage_insufficient"].fillna(False).astype(bool)]


def insufficient_coverage_note(cur: Connection, framework: str, period: str | None = None,
                               lang: str = "es", **filters) -> str:
    """The note naming the entities left out of positions and averages ('' when there are none)."""
    left_out = insufficient_coverage(cur, framework, period, **filters)
    if left_out.empty:
        return ""
    names = "; ".join(f"{r.name} ({r.period}, {fmt_percent(r.coverage, 0, lang)})"
                      for r in left_out.itertuples())
    return t("scores.insufficient_note", lang, count=len(left_out), names=names,
             minimum=fmt_percent(float(left_out["min_coverage"].iloc[0]), 0, lang))


def area_scores(cur: Connection, framework: str, period: str | None = None) -> pd.DataFrame:
    """One row per entity, period and area: area score 0–100 and coverage."""
    return sql.run(cur, "area_scores", framework=framework, period=period)


def criterion_results(cur: Connection, framework: str, period: str | None = None) -> pd.DataFrame:
    return sql.run(cur, "criterion_results", framework=framework, period=period)


def ladder(cur: Connection, framework: str, period: str | None = None, *,
           sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
           entities: Sequence[str] | None = None) -> pd.DataFrame:
    return sql.run(cur, "tool_ladder", framework=framework, period=period, sectors=_list(sectors),
                   levels=_list(levels), entities=_list(entities))


def scores_table(cur: Connection, framework: str, period: str | None = None) -> pd.DataFrame:
    """Entity scores with one column per area (area code -> score 0–100): the `egov scores` table."""
    scores = entity_scores(cur, framework, period)
    if scores.empty:
        return scores
    areas = area_scores(cur, framework, period)
    wide = areas.pivot_table(index=["entity_code", "period"], columns="area_code", values="area_score",
                             aggfunc="first", dropna=False)
    order = areas.drop_duplicates("area_code").sort_values("area_order")["area_code"].tolist()
    wide = wide.reindex(columns=order).reset_index()
    return scores.merge(wide, on=["entity_code", "period"], how="left")


def frameworks(cur: Connection) -> pd.DataFrame:
    return sql.run(cur, "frameworks")


def default_framework(cur: Connection) -> str | None:
    """The framework with the most assessments (the first one loaded when none has any)."""
    found = frameworks(cur)
    return None if found.empty else str(found.iloc[0]["framework_code"])


def periods(cur: Connection, framework: str) -> list[str]:
    return sql.run(cur, "periods", framework=framework)["period"].tolist()


def assessed_entities(cur: Connection, framework: str) -> pd.DataFrame:
    """Entities assessed with the framework in any round: what the sidebar filters offer."""
    return sql.run(cur, "assessed_entities", framework=framework)


def any_synthetic(cur: Connection, framework: str, period: str | None = None, *,
                  sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
                  entities: Sequence[str] | None = None) -> bool:
    """Whether the view shows any synthetic demonstration data (the badge rule)."""
    return bool(sql.scalar(cur, "scope_synthetic", framework=framework, period=period, sectors=_list(sectors),
                           levels=_list(levels), entities=_list(entities)))
