"""The index and the areas across rounds, and the entities that moved most.

Thin Python over ``queries/trend_series.sql`` and ``queries/trend_movers.sql``
(both built on the scoring queries). Means are over the entities in scope
assessed in each round; ``n`` says how many, because the set of entities
assessed can change from round to round.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from egov.storage import sql
from egov.storage.db import Connection
from egov.i18n import fmt_number, t


def _list(values: Sequence[str] | None) -> list[str] | None:
    return list(values) if values else None


def series(cur: Connection, framework: str, *, sectors: Sequence[str] | None = None,
           levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Per round: the mean index (series_code 'INDEX') and the mean of each area, with n."""
    return sql.run(cur, "trend_series", framework=framework, period=None, sectors=_list(sectors),
                   levels=_list(levels), entities=_list(entities))


def movers(cur: Connection, framework: str, from_period: str, to_period: str, *,
           sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
           entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Every entity in scope with an index in both rounds and its change, largest rise first."""
    return sql.run(cur, "trend_movers", framework=framework, period=None, from_period=from_period,
                   to_period=to_period, sectors=_list(sectors), levels=_list(levels), entities=_list(entities))


def top_movers(changes: pd.DataFrame, limit: int = 5) -> pd.DataFrame:
    """The ``limit`` largest rises and the ``limit`` largest falls (no change is neither)."""
    up = changes[changes["change"] > 0].sort_values(["change", "entity_code"], ascending=[False, True]).head(limit)
    down = changes[changes["change"] < 0].sort_values(["change", "entity_code"]).head(limit)
    return pd.concat([up, down], ignore_index=True)


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``series`` rows in the shape ``charts.lines.trends`` reads: period, series (label), value, n."""
    lc = "en" if lang == "en" else "es"
    names = frame[f"area_name_{lc}"].where(frame["series_code"] != "INDEX", t("trends.index_series", lang))
    return pd.DataFrame({"period": frame["period"], "series": names, "value": frame["value"], "n": frame["n"]})


def versions(cur: Connection, framework: str, *, sectors: Sequence[str] | None = None,
             levels: Sequence[str] | None = None, entities: Sequence[str] | None = None) -> pd.DataFrame:
    """Per round: the framework version(s) its assessments in scope were scored under."""
    return sql.run(cur, "trend_versions", framework=framework, sectors=_list(sectors), levels=_list(levels),
                   entities=_list(entities))


def breaks(rounds: pd.DataFrame) -> list[tuple[str, str]]:
    """(round, version) where the methodology changed from the round before: a series break."""
    found, before = [], None
    for row in rounds.sort_values("period").itertuples():
        now = tuple(row.versions)
        if before is not None and now != before:
            found.append((str(row.period), " / ".join(now)))
        before = now
    return found


# --- findings as titles ---------------------------------------------------------


def index_title(frame: pd.DataFrame, period: str | None, previous: str | None, lang: str) -> str:
    """«El índice medio subió 1,6 puntos desde 2023 (41 → 42 entidades)»."""
    index = frame[frame["series_code"] == "INDEX"].set_index("period")
    if period not in index.index or previous not in index.index:
        return t("trends.index.title_plain", lang)
    now, before = index.loc[period], index.loc[previous]
    change = float(now["value"]) - float(before["value"])
    key = "trends.index.title_up" if change > 0 else "trends.index.title_down" if change < 0 \
        else "trends.index.title_flat"
    return t(key, lang, points=fmt_number(abs(change), 1, lang), period=previous, n_from=int(before["n"]),
             n_to=int(now["n"]))


def areas_title(frame: pd.DataFrame, period: str | None, previous: str | None, lang: str) -> str:
    """«Infraestructura tecnológica fue el área que más cambió desde 2022: +5,2 puntos»."""
    areas = frame[frame["series_code"] != "INDEX"]
    now = areas[areas["period"] == period].set_index("series_code")
    before = areas[areas["period"] == previous].set_index("series_code")
    common = now.index.intersection(before.index)
    if common.empty:
        return t("trends.areas.title_plain", lang)
    change = (now.loc[common, "value"] - before.loc[common, "value"]).dropna()
    if change.empty:
        return t("trends.areas.title_plain", lang)
    code = change.abs().idxmax()
    lc = "en" if lang == "en" else "es"
    return t("trends.areas.title", lang, area=now.loc[code, f"area_name_{lc}"], period=previous,
             points=f"{'+' if change[code] >= 0 else '−'}{fmt_number(abs(change[code]), 1, lang)}")


def movers_title(top: pd.DataFrame, previous: str, lang: str) -> str:
    """«ASFI subió más (+16,8 puntos desde 2023); BOA bajó más (−13,9)»."""
    if top.empty:
        return t("trends.movers.title_none", lang, period=previous)
    up = top[top["change"] > 0]
    down = top[top["change"] < 0]

    def name(row):
        return row["acronym"] if isinstance(row["acronym"], str) and row["acronym"] else row["entity_code"]

    parts = []
    if not up.empty:
        best = up.sort_values("change", ascending=False).iloc[0]
        parts.append(t("trends.movers.up", lang, entity=name(best), points=fmt_number(best["change"], 1, lang)))
    if not down.empty:
        worst = down.sort_values("change").iloc[0]
        parts.append(t("trends.movers.down", lang, entity=name(worst),
                       points=fmt_number(abs(worst["change"]), 1, lang)))
    return t("trends.movers.title", lang, what="; ".join(parts), period=previous)
