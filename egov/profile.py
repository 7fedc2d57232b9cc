"""One entity's profile: its scores in a round, its peers, criteria, tools, findings and history.

Thin Python over named queries (``queries/profile_*.sql``, ``entity_*.sql``,
``report_*.sql``) built on the scoring queries, so the profile counts the way
the ranking, the exports and the command line do.

The peer group is the OTHER entities assessed in the same round with the same
sector (``peer_by="sector"``) or the same level of government
(``peer_by="level"``); their mean is taken per area over the peers that have a
score in it (``peer_n``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from egov import scoring
from egov.storage import sql
from egov.storage.db import Connection
from egov.i18n import fmt_number, t

PEER_GROUPS = ("sector", "level", "department", "complexity")
# Fewer other entities than this and a group mean says more about one entity than about a group:
# the comparison says so instead of drawing it (per area too: an area mean over fewer peers is left out).
MIN_PEERS = 3


def rounds(cur: Connection, framework: str, entity: str) -> pd.DataFrame:
    """The entity's scores in every round (oldest first): index, rank, band, coverage, report."""
    found = scoring.entity_scores(cur, framework, None, entities=[entity])
    return found.sort_values("period").reset_index(drop=True)


def pick_period(periods_assessed: list[str], wanted: str | None) -> str | None:
    """The round to show: the one asked for if the entity was assessed in it, else its latest."""
    if wanted in periods_assessed:
        return wanted
    return max(periods_assessed) if periods_assessed else None


def headline(history: pd.DataFrame, period: str, previous: str | None) -> dict[str, Any]:
    """Index, band, rank, coverage in ``period`` and the change since ``previous`` (None if not assessed)."""
    now = history[history["period"] == period]
    if now.empty:
        return {}
    row = now.iloc[0]
    before = history[history["period"] == previous] if previous else history.iloc[0:0]
    previous_index = before.iloc[0]["index_value"] if not before.empty else None
    index = row["index_value"]
    change = None
    if previous_index is not None and pd.notna(previous_index) and pd.notna(index):
        change = round(float(index) - float(previous_index), 2)
    return {"index": None if pd.isna(index) else float(index), "band_es": row["band_name_es"],
            "band_en": row["band_name_en"], "band_code": row["band_code"],
            "rank": None if pd.isna(row["rank_in_period"]) else int(row["rank_in_period"]),
            "ranked": int(row["ranked_in_period"]), "coverage": row["coverage"],
            "criteria_assessed": int(row["criteria_assessed"]), "criteria_total": int(row["criteria_total"]),
            "criteria_not_applicable": int(row["criteria_not_applicable"]),
            "report_number": row["report_number"], "issue_date": row["issue_date"],
            "is_synthetic": bool(row["is_synthetic"]) if pd.notna(row["is_synthetic"]) else False,
            "previous": previous if previous_index is not None else None, "change": change,
            "coverage_insufficient": bool(row["coverage_insufficient"]),
            "index_computed": None if pd.isna(row["index_computed"]) else float(row["index_computed"]),
            "min_coverage": float(row["min_coverage"]),
            "declared_index": None if pd.isna(row["declared_index"]) else float(row["declared_index"]),
            "verified_share": None if pd.isna(row["verified_share"]) else float(row["verified_share"])}


def peer_areas(cur: Connection, framework: str, period: str, entity: str, peer_by: str = "sector", *,
               real_only: bool = False) -> pd.DataFrame:
    """Area scores of the entity beside its peer group's mean (see profile_peer_areas.sql).

    ``real_only``: peers assessed from synthetic demonstration batches are left out (official pages).
    """
    if peer_by not in PEER_GROUPS:
        raise ValueError(f"peer_by must be one of {PEER_GROUPS}")
    return sql.run(cur, "profile_peer_areas", framework=framework, period=period, entity=entity, peer_by=peer_by,
                   real_only=real_only)


def peer_counts(cur: Connection, framework: str, period: str, entity: str) -> dict[str, int]:
    """How many peers the entity has in the round under each grouping (for the choice and its default)."""
    counts = {}
    for by in PEER_GROUPS:
        found = peer_areas(cur, framework, period, entity, by)
        counts[by] = int(found["group_n"].max() or 0) if not found.empty else 0
    return counts


def comparable(peer: pd.DataFrame, min_peers: int = MIN_PEERS) -> pd.DataFrame:
    """``peer_areas`` with each area's peer mean left out where fewer than ``min_peers`` peers have a score."""
    out = peer.copy()
    out["peer_score"] = out["peer_score"].where(out["peer_n"] >= min_peers)
    return out


def group_label(peer: pd.DataFrame, by: str, lang: str, *, escape=None) -> str | None:
    """The peer group's value as people read it («Nivel central», «La Paz», «B (calculado por tamaño)»).

    ``escape`` is applied to values that come from the data (a page passes its Markdown escaper).
    """
    found = peer["group_value"].dropna() if "group_value" in peer else pd.Series(dtype=object)
    if found.empty:
        return None
    raw = str(found.iloc[0])
    value = t(f"level.{raw}", lang) if by == "level" else (escape(raw) if escape else raw)
    if by == "complexity" and bool(peer["group_computed"].fillna(False).any()):
        value = t("peers.computed", lang, value=value)
    return value


def peer_sentence(peer: pd.DataFrame, by: str, period: str, lang: str, *, value_label: str | None = None,
                  min_peers: int = MIN_PEERS) -> str:
    """The sentence under a comparison: which group, how many, or why there is no group mean.

    ``value_label`` is the group's value as people read it (the sector, «Central», «La Paz»…);
    the caller escapes text from data.
    """
    size = int(peer["group_n"].max() or 0) if not peer.empty else 0
    value = peer["group_value"].dropna()
    if value.empty:
        return t(f"peers.unknown.{by}", lang)
    group = t(f"peers.group.{by}", lang, value=value_label if value_label is not None else value.iloc[0])
    if size == 0:
        return t("peers.none", lang, group=group, period=period)
    if size == 1:
        return t("peers.too_small_one", lang, group=group, period=period, min=min_peers)
    if size < min_peers:
        return t("peers.too_small", lang, group=group, n=size, period=period, min=min_peers)
    return t("peers.compared", lang, group=group, n=size, period=period)


def criteria(cur: Connection, framework: str, period: str, entity: str) -> pd.DataFrame:
    """Every criterion with its result, the level reached and its descriptor, and the evidence."""
    return sql.run(cur, "profile_criteria", framework=framework, period=period, entity=entity)


def tools(cur: Connection, framework: str, period: str, entities: list[str]) -> pd.DataFrame:
    """Each tool of the framework with the entities' adoption status, procedures and scope."""
    return sql.run(cur, "entity_tools", framework=framework, period=period, entities=list(entities))


def partners(cur: Connection, framework: str, period: str, entity: str) -> pd.DataFrame:
    """Interoperability partners and channel (state platform or bilateral)."""
    return sql.run(cur, "report_partners", framework=framework, period=period, entity=entity)


def area_scores(cur: Connection, framework: str, entities: list[str], period: str | None = None) -> pd.DataFrame:
    """Area scores of the entities in one round (or every round with ``period=None``)."""
    return sql.run(cur, "entity_area_scores", framework=framework, period=period, entities=list(entities))


def history_series(history: pd.DataFrame, areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Index and areas across rounds in the shape ``charts.lines.trends`` reads (period, series, value)."""
    lc = "en" if lang == "en" else "es"
    index = pd.DataFrame({"period": history["period"], "series": t("entity.index", lang),
                          "value": history["index_value"]})
    per_area = pd.DataFrame({"period": areas["period"], "series": areas[f"area_name_{lc}"],
                             "value": areas["area_score"]}) if not areas.empty else index.iloc[0:0]
    return pd.concat([index, per_area], ignore_index=True)


# --- findings as titles ---------------------------------------------------------


def label(row: Any) -> str:
    acronym = row.get("acronym") if hasattr(row, "get") else None
    return str(acronym) if isinstance(acronym, str) and acronym else str(row["entity_code"])


def labels(frame: pd.DataFrame) -> list[str]:
    """``label`` of every row of a frame with entity_code (and acronym), without a Python loop over rows."""
    if "acronym" not in frame:
        return frame["entity_code"].astype(str).tolist()
    return [a if isinstance(a, str) and a else str(c) for a, c in zip(frame["acronym"], frame["entity_code"])]


def names(frame: pd.DataFrame) -> dict[str, str]:
    """Entity code -> «SIGLA — Nombre» (the name alone without an acronym), as choosers and tables show it."""
    return {code: f"{a} — {n}" if isinstance(a, str) and a else n
            for code, a, n in zip(frame["entity_code"], frame["acronym"], frame["name"])}


def radar_title(peer: pd.DataFrame, lang: str) -> str:
    """«Infraestructura tecnológica es su área más débil: 31,2 frente a 44,2 de sus pares»."""
    scored = peer.dropna(subset=["entity_score"])
    if scored.empty:
        return t("entity.radar.title_none", lang)
    lc = "en" if lang == "en" else "es"
    weakest = scored.sort_values(["entity_score", "area_order"]).iloc[0]
    values = dict(area=weakest[f"area_name_{lc}"], score=fmt_number(weakest["entity_score"], 1, lang))
    if pd.notna(weakest["peer_score"]):
        return t("entity.radar.title", lang, peer=fmt_number(weakest["peer_score"], 1, lang), **values)
    return t("entity.radar.title_no_peers", lang, **values)


def history_title(history: pd.DataFrame, name: str, lang: str) -> str:
    """«DIGEMIG subió 8,5 puntos desde 2023» (first to last round), or «… solo en 2024»."""
    df = history.dropna(subset=["index_value"]).sort_values("period")
    if len(df) < 2:
        only = df["period"].iloc[0] if len(df) else "—"
        return t("entity.history.title_one", lang, entity=name, period=only)
    first, last = df.iloc[0], df.iloc[-1]
    change = float(last["index_value"]) - float(first["index_value"])
    key = "entity.history.title_up" if change > 0 else "entity.history.title_down" if change < 0 \
        else "entity.history.title_flat"
    return t(key, lang, entity=name, points=fmt_number(abs(change), 1, lang), period=first["period"])
