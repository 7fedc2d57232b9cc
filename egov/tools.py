"""E-government tools across entities: the reads behind the Herramientas page.

The adoption matrix (``queries/tool_status.sql``), the ladder
(``tool_ladder.sql`` through ``scoring.ladder``), the most common sets of
tools used through the state platforms (``tool_combinations.sql``) and the
interoperability links (``interop_edges.sql``). Every read takes the sidebar
scope (sectors, levels, entities).
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from egov import scoring
from egov.storage import sql
from egov.storage.db import Connection
from egov.i18n import t


def _scope(sectors, levels, entities) -> dict:
    return {"sectors": list(sectors) if sectors else None, "levels": list(levels) if levels else None,
            "entities": list(entities) if entities else None}


def steps(cur: Connection, framework: str) -> pd.DataFrame:
    """The framework's ladder steps (step, name_es, name_en), step 0 first."""
    return sql.run(cur, "ladder_steps", framework=framework)


def adoption(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
             levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """The recorded status of each tool for each entity in scope (rows of the matrix)."""
    return sql.run(cur, "tool_status", framework=framework, period=period, **_scope(sectors, levels, entities))


def ladder(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
           levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """The ladder step of each entity in scope that has tool data, with its platform, own and planned tools.

    An entity with no tool recorded for the round is left out: unknown is not «sin herramientas»."""
    scope = _scope(sectors, levels, entities)
    rows = scoring.ladder(cur, framework, period, **scope)
    recorded = sql.run(cur, "tool_status", framework=framework, period=period, **scope)["entity_code"]
    return rows[rows["entity_code"].isin(set(recorded))].reset_index(drop=True)


def ladder_summary(ladder_rows: pd.DataFrame, step_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per step (every step, even empty): entities on it, share, how many also use own mechanisms."""
    total = len(ladder_rows)
    rows = []
    for step in step_rows.sort_values("step").itertuples():
        on = ladder_rows[ladder_rows["step"] == step.step] if total else ladder_rows
        own = int(on["own_tools"].map(lambda v: v is not None and len(v) > 0).sum()) if len(on) else 0
        rows.append(dict(step=int(step.step), name_es=step.name_es, name_en=step.name_en, entities=len(on),
                         share=len(on) / total if total else None, own=own,
                         entity_codes=on["entity_code"].tolist() if len(on) else []))
    return pd.DataFrame(rows, columns=["step", "name_es", "name_en", "entities", "share", "own", "entity_codes"])


def own_mechanisms(ladder_rows: pd.DataFrame) -> pd.DataFrame:
    """The entities that work with own or bilateral mechanisms ('propia'), beside their ladder step."""
    if ladder_rows.empty:
        return ladder_rows.assign(own_count=pd.Series(dtype=int))
    has_own = ladder_rows["own_tools"].map(lambda v: v is not None and len(v) > 0)
    found = ladder_rows[has_own].copy()
    found["own_count"] = found["own_tools"].map(len)
    return found.sort_values(["step", "own_count", "entity_code"], ascending=[False, False, True])


def combinations(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
                 levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Sets of tools used through the state platforms, most common first, with readable labels
    (combination_es / combination_en; the empty set reads «ninguna por plataforma»)."""
    frame = sql.run(cur, "tool_combinations", framework=framework, period=period,
                    **_scope(sectors, levels, entities))
    for lang in ("es", "en"):
        frame[f"combination_{lang}"] = [" + ".join(names) if len(names) else t("overview.tools.no_platform", lang)
                                        for names in frame[f"tools_{lang}"]]
    return frame


def network(cur: Connection, framework: str, period: str, *, sectors: Sequence[str] | None = None,
            levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Interoperability links of the entities in scope (one row per entity and partner)."""
    return sql.run(cur, "interop_edges", framework=framework, period=period, **_scope(sectors, levels, entities))


def matrix_order(ladder_rows: pd.DataFrame) -> list[str]:
    """Matrix rows: highest ladder step first, then by the number of platform tools, then by code."""
    if ladder_rows.empty:
        return []
    df = ladder_rows.assign(n=ladder_rows["platform_tools"].map(len))
    return df.sort_values(["step", "n", "entity_code"], ascending=[False, False, True])["entity_code"].tolist()
