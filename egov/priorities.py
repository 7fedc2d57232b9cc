"""Where to look next: a priority for every entity of the register, for a chosen gestión.

Each factor is a value between 0 and 1 (1 = most reason to supervise), computed from the record as it
stands; the priority is their weighted mean on 0–100:

    priority = 100 × Σ weight_f × factor_f / Σ weight_f

and a factor's **share** in the result is weight_f × factor_f / Σ_g weight_g × factor_g (the shares of an
entity add up to 1; all zero when every factor is 0). The factors (``FACTORS``) and how each is read:

- ``madurez`` (low maturity): 1 − (index + weakest area score) / 200, from the entity's latest assessment in
  the gestión or before. Never assessed: 0 — nothing is known about its maturity, and the time factor
  already counts it.
- ``caida`` (fall since the previous assessment): points lost / ``FALL_FULL`` (20 points = 1), 0 without a
  fall or without a previous assessment.
- ``vencidas`` (recommendations past their agreed deadline, as of the date): count / ``OVERDUE_FULL``
  (5 = 1). A recommendation without a schedule is never overdue.
- ``tiempo`` (time since the last supervision report or assessment): years / ``YEARS_FULL`` (4 = 1).
  **Never supervised counts as 1**, the maximum.
- ``limitaciones`` (scope limitations in the last report: criteria the entity did not document):
  count / ``LIMITATIONS_FULL`` (5 = 1).
- ``ciudadania`` (weight for citizens: procedures served through e-government tools in that
  assessment): procedures / the largest number among the entities. Not recorded: 0.
- ``criticidad`` (the criticality group the institution gives the entity, the `entidades` file's
  ``grupo_criticidad``, migration 011): alta 1, media 2/3, baja 1/3 (``CRITICALITY_VALUES``). **Not
  recorded: 0, and never read as «baja»**: an entity rated baja still adds a third, one without a group adds
  nothing (nothing is known of it, as with maturity never assessed), and its sentence says «criticidad no
  registrada» while the factor has a weight.

Each value is capped at 1. Default weights (``DEFAULT_WEIGHTS``): madurez 3, vencidas 2, tiempo 2,
criticidad 2, caida 1, limitaciones 1, ciudadania 1 (sum 12). Rank: highest priority first; ties by entity
code. A weight of 0 takes a factor out. Each entity gets one sentence naming the two factors that weigh most in
its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping

import pandas as pd

from egov.i18n import fmt_number, fmt_percent, t
from egov.storage import sql
from egov.storage.db import Connection

FACTORS = ("madurez", "caida", "vencidas", "tiempo", "limitaciones", "ciudadania", "criticidad")
DEFAULT_WEIGHTS: dict[str, float] = {"madurez": 3.0, "caida": 1.0, "vencidas": 2.0, "tiempo": 2.0,
                                     "limitaciones": 1.0, "ciudadania": 1.0, "criticidad": 2.0}
# The criticality factor of each group (kinds.CRITICALITY_GROUPS); a group not recorded is not here: 0.
CRITICALITY_VALUES: dict[str, float] = {"alta": 1.0, "media": 2 / 3, "baja": 1 / 3}
FALL_FULL = 20.0        # index points lost that make the fall factor 1
OVERDUE_FULL = 5        # overdue recommendations that make the factor 1
YEARS_FULL = 4.0        # years since the last supervision that make the factor 1
LIMITATIONS_FULL = 5    # scope limitations that make the factor 1
DAYS_A_YEAR = 365.25


class PriorityError(ValueError):
    """Weights the priorities cannot use; the message says which and how to fix it (Spanish)."""


@dataclass(frozen=True)
class Weights:
    values: Mapping[str, float]

    @classmethod
    def of(cls, changes: Mapping[str, float] | None = None) -> "Weights":
        """The default weights with ``changes`` applied; unknown factor or negative weight refused."""
        merged = dict(DEFAULT_WEIGHTS)
        for name, value in (changes or {}).items():
            if name not in FACTORS:
                raise PriorityError(t("priorities.error.unknown_factor", "es", name=name,
                                      known=", ".join(FACTORS)))
            if value is None or not value >= 0:
                raise PriorityError(t("priorities.error.bad_weight", "es", name=name, value=value))
            merged[name] = float(value)
        if sum(merged.values()) <= 0:
            raise PriorityError(t("priorities.error.all_zero", "es"))
        return cls(merged)


def _cap(value: float) -> float:
    return max(0.0, min(1.0, float(value)))


def factors(cur: Connection, framework: str, gestion: str, *, as_of: date | None = None) -> pd.DataFrame:
    """The record behind each factor and the factor values (0–1), one row per entity of the register."""
    as_of = as_of or date.today()
    raw = sql.run(cur, "priority_factors", framework=framework, gestion=str(gestion), as_of=as_of, period=None,
                  report=None, sectors=None, levels=None, entities=None, areas=None, statuses=None,
                  stages=None, real_only=False)
    most_procedures = raw["procedures"].max() if raw["procedures"].notna().any() else None
    rows = []
    for r in raw.to_dict("records"):
        r = {k: sql.plain(v) for k, v in r.items()}
        index_now, weakest = r["index_now"], r["weakest_score"]
        if index_now is None:
            maturity = 0.0
        else:
            maturity = _cap(1 - (index_now + (weakest if weakest is not None else index_now)) / 200)
        fall = None
        if index_now is not None and r["index_before"] is not None:
            fall = round(r["index_before"] - index_now, 2)
        last = None if r["last_supervision"] is None else pd.Timestamp(r["last_supervision"]).date()
        years = None if last is None else (as_of - last).days / DAYS_A_YEAR
        r.update({
            "last_supervision": last,
            "fall": fall,
            "years_since": years,
            "never_supervised": last is None,
            "f_madurez": maturity,
            "f_caida": _cap((fall or 0) / FALL_FULL),
            "f_vencidas": _cap(r["overdue"] / OVERDUE_FULL),
            "f_tiempo": 1.0 if last is None else _cap(years / YEARS_FULL),
            "f_limitaciones": _cap((r["limitations"] or 0) / LIMITATIONS_FULL),
            "f_ciudadania": (_cap(r["procedures"] / most_procedures)
                             if r["procedures"] is not None and most_procedures else 0.0),
            "f_criticidad": CRITICALITY_VALUES.get(r["criticality"], 0.0),
        })
        rows.append(r)
    return pd.DataFrame(rows)


def rank(table: pd.DataFrame, weights: Weights | None = None) -> pd.DataFrame:
    """Priority, each factor's share, rank, from a ``factors`` table and the weights."""
    weights = weights or Weights.of()
    out = table.copy()
    total_weight = sum(weights.values[f] for f in FACTORS)
    parts = pd.DataFrame({f: weights.values[f] * out[f"f_{f}"].astype(float) for f in FACTORS})
    out["priority"] = 100 * parts.sum(axis=1) / total_weight
    points = parts.sum(axis=1)
    for f in FACTORS:
        out[f"share_{f}"] = (parts[f] / points.where(points > 0)).fillna(0.0)
    out = out.sort_values(["priority", "entity_code"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["rank"] = range(1, len(out) + 1)
    return out


def priorities(cur: Connection, framework: str, gestion: str, *, as_of: date | None = None,
               weights: Mapping[str, float] | None = None, lang: str = "es") -> pd.DataFrame:
    """Every entity with its factors, their shares, its priority, rank and the sentence that explains it."""
    ranked = rank(factors(cur, framework, gestion, as_of=as_of), Weights.of(weights))
    unknown_counts = Weights.of(weights).values["criticidad"] > 0
    ranked["reason"] = [reason(r, len(ranked), lang, unknown_criticality=unknown_counts
                                and not isinstance(r["criticality"], str))
                        for r in ranked.to_dict("records")]
    return ranked


def cells(ranked: pd.DataFrame, factor: str, lang: str) -> list[str]:
    """A factor's column for reading: «value (share)»; the criticality with its group first («alta 1,00 (25 %)»,
    «no registrada 0,00 (0 %)»), so that a 0 not recorded is never read as a group."""
    plain = [f"{fmt_number(v, 2, lang)} ({fmt_percent(s, 0, lang)})"
             for v, s in zip(ranked[f"f_{factor}"], ranked[f"share_{factor}"])]
    if factor != "criticidad":
        return plain
    return [t(f"priorities.criticality.{g if isinstance(g, str) else 'none'}", lang) + " " + cell
            for g, cell in zip(ranked["criticality"], plain)]


def _factor_text(row: dict, name: str, lang: str) -> str:
    if name == "madurez":
        area = row.get("weakest_area_en" if lang == "en" else "weakest_area_es") or row.get("weakest_area") or "—"
        return t("priorities.why.madurez", lang, index=fmt_number(row["index_now"], 1, lang), area=area,
                 score=fmt_number(row["weakest_score"], 1, lang))
    if name == "caida":
        return t("priorities.why.caida", lang, points=fmt_number(row["fall"], 1, lang),
                 before=row["previous_round"])
    if name == "vencidas":
        return t("priorities.why.vencidas" + ("_one" if row["overdue"] == 1 else ""), lang, n=row["overdue"])
    if name == "tiempo":
        if row["never_supervised"]:
            return t("priorities.why.never", lang)
        return t("priorities.why.tiempo", lang, years=fmt_number(row["years_since"], 1, lang))
    if name == "limitaciones":
        n = int(row["limitations"])
        return t("priorities.why.limitaciones" + ("_one" if n == 1 else ""), lang, n=n)
    if name == "criticidad":
        return t("priorities.why.criticidad", lang, group=t(f"priorities.criticality.{row['criticality']}", lang))
    return t("priorities.why.ciudadania", lang, n=fmt_number(row["procedures"], 0, lang))


def reason(row: dict, of: int, lang: str = "es", *, unknown_criticality: bool = False) -> str:
    """One sentence: the place, the priority, and the (up to) two factors that weigh most in it.

    ``unknown_criticality``: the entity has no criticality group while that factor weighs; the sentence
    says so, so that a manager does not read its place as the one of a «baja».
    """
    head = t("priorities.why.head", lang, rank=row["rank"], of=of, value=fmt_number(row["priority"], 1, lang))
    tail = (" " + t("priorities.why.criticality_unknown", lang)) if unknown_criticality else ""
    weighing = sorted((f for f in FACTORS if row[f"share_{f}"] > 0), key=lambda f: -row[f"share_{f}"])[:2]
    if not weighing:
        return head + " " + t("priorities.why.nothing", lang) + tail
    parts = [f"{_factor_text(row, f, lang)} ({fmt_percent(row[f'share_{f}'], 0, lang)})" for f in weighing]
    return head + " " + t("priorities.why.because", lang, reasons=t("priorities.why.and", lang).join(parts)) + tail
