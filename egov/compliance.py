"""The index of compliance with recommendations: how much of what was recommended was done, and in time.

Costa Rica's Contraloría publishes such an index for its own recommendations (degree and timeliness); this
one follows the record of ``egov.followup`` and never adds to it. Per entity, as of a date (``as_of``):

- **credit** of a recommendation: 1 for *cumplida*, ``PARTIAL_CREDIT`` (0.5) for *parcialmente cumplida*,
  0 for *no cumplida* and for an open recommendation whose agreed deadline has passed (*plazo vencido*).
  *No aplicable* is left out. A recommendation not yet due (in time, without a schedule, or without an
  acceptance) has no credit and is counted apart, never as zero; so is one the entity did not accept.
- **degree** («grado de cumplimiento») = 100 × Σ credit / number of recommendations with a credit.
- **timeliness** («oportunidad») = 100 × met on or before the agreed deadline / met with an agreed
  deadline. The deadline is the one of the schedule's latest revision; the date a recommendation was met
  is the start of its current run of *cumplida* statuses (a progress note «cumplida» dated before the
  follow-up report's rating counts from its own date; a rating alone counts from the rating's date). A recommendation met without a schedule has no
  timeliness: no deadline is ever invented, so the timeliness may be unknown.
- **index** = ``DEGREE_WEIGHT`` × degree + (1 − ``DEGREE_WEIGHT``) × timeliness, or the degree alone when
  the timeliness is unknown. 0–100.
- **group**: alto (index ≥ 75), medio (≥ 50), bajo (< 50), sin datos (no recommendation with a credit).

The arithmetic is ``queries/compliance_by_entity.sql`` over ``recommendation_current.sql``; the same text
is in the catalogue (``compliance.methodology``) for the Metodología page.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

import pandas as pd

from egov import followup
from egov.storage import sql
from egov.storage.db import Connection

PARTIAL_CREDIT = 0.5   # the share a «parcialmente cumplida» rating earns
DEGREE_WEIGHT = 0.7    # the degree's weight in the index; the timeliness weighs the rest (0.3)
GROUPS = (("alto", 75.0), ("medio", 50.0), ("bajo", 0.0))  # lower bound of each group, best first
NO_DATA = "sin_datos"


def group_of(value: float | None) -> str:
    """The group of an index value: alto, medio, bajo, or sin_datos when there is none."""
    if value is None or pd.isna(value):
        return NO_DATA
    for name, lower in GROUPS:
        if value >= lower:
            return name
    return GROUPS[-1][0]


def by_entity(cur: Connection, *, as_of: date | None = None, framework: str | None = None,
              period: str | None = None, sectors: Sequence[str] | None = None,
              levels: Sequence[str] | None = None, entities: Sequence[str] | None = None,
              real_only: bool = False, partial_credit: float = PARTIAL_CREDIT,
              degree_weight: float = DEGREE_WEIGHT) -> pd.DataFrame:
    """One row per entity with recommendations in scope: counts, degree, timeliness, index and group.

    Columns: entity_code, entity_name, acronym, sector, gov_level, total, not_applicable, counted,
    not_yet_due (= in_time + without_deadline: open and within its agreed deadline, or with no agreed
    deadline at all), not_accepted, met, partly_met, not_met, overdue_open, credit, met_with_deadline,
    met_on_time, met_without_deadline, any_synthetic, degree, timeliness, compliance_index, group.
    ``period`` is the gestión of the reports that issued the recommendations (None = all).
    """
    if not 0 <= partial_credit <= 1 or not 0 <= degree_weight <= 1:
        raise ValueError("partial_credit and degree_weight must lie between 0 and 1")
    frame = sql.run(cur, "compliance_by_entity", partial_credit=float(partial_credit),
                    degree_weight=float(degree_weight), **followup._scope(
                        framework=framework, period=period, as_of=as_of, sectors=sectors, levels=levels,
                        entities=entities, real_only=real_only))
    frame["group"] = [group_of(v) for v in frame["compliance_index"]]
    return frame


def of_entity(cur: Connection, entity_code: str, **kwargs) -> dict | None:
    """The entity's row of ``by_entity`` as a dict, or None when it has no recommendation in scope."""
    frame = by_entity(cur, entities=[entity_code], **kwargs)
    if frame.empty:
        return None
    return {k: sql.plain(v) for k, v in frame.iloc[0].to_dict().items()}


def groups(frame: pd.DataFrame) -> pd.DataFrame:
    """How many entities fall in each group (every group, even empty), best first: group, entities."""
    names = [name for name, _ in GROUPS] + [NO_DATA]
    counts = frame["group"].value_counts() if not frame.empty else pd.Series(dtype=int)
    return pd.DataFrame({"group": names, "entities": [int(counts.get(n, 0)) for n in names]})


def evolution(cur: Connection, entities: Sequence[str] | None = None, *, real_only: bool = False,
              **kwargs) -> pd.DataFrame:
    """The index read at the issue date of every follow-up report of those entities (None = all).

    One row per date and entity that has recommendations with a credit by then: as_of, entity_code,
    entity_name, degree, timeliness, compliance_index, counted. A date where an entity had nothing
    counted gives no row (never a zero).
    """
    chosen = list(entities) if entities else None
    dates = sql.run(cur, "compliance_dates", entities=chosen, real_only=bool(real_only))["issue_date"]
    parts = []
    for when in dates:
        day = pd.Timestamp(when).date()
        frame = by_entity(cur, as_of=day, entities=chosen, real_only=real_only, **kwargs)
        frame = frame[frame["counted"] > 0]
        if not frame.empty:
            parts.append(frame.assign(as_of=day))
    columns = ["as_of", "entity_code", "entity_name", "degree", "timeliness", "compliance_index", "counted"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]
