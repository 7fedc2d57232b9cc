"""Follow-up of recommendations: what was recommended, what was done, what is overdue.

A supervision report ends with recommendations; each belongs to an entity, a
report and a supervision area. The report sets no deadline: the entity accepts
each recommendation (or not) and files an implementation schedule
(cronograma) that gives each an agreed deadline, possibly rescheduled later
(the latest revision counts). Until then a recommendation is «sin aceptar» or
«sin cronograma», never overdue. The audit institution
later rates each one; every rating is a row of ``recommendation_status``
(status, its date, the evidence, who recorded it). Nothing is overwritten:
the current status is derived from that history each time it is read.

Definitions (the same text is in the catalogue, ``followup.methodology``):

- **current status**: the status with the latest ``status_date`` on or
  before the date of the view (``as_of``); ties go to the latest
  ``recorded_at``. A recommendation without any status yet is *pendiente*.
- **open**: current status in *pendiente*, *en proceso*, *parcialmente
  cumplida* or *no cumplida*.
- **due date**: the agreed deadline of the schedule's latest revision; none
  without a schedule.
- **overdue** («plazo vencido»): open and ``due_date < as_of``; **days
  overdue** = ``as_of − due_date``. ``as_of`` defaults to today; tests pass a
  fixed date.
- **stage** (``STAGES``): the Contraloría's rating when the current status is
  one; else no aceptada, sin aceptar, sin cronograma, en plazo («pendiente de
  implementación») or plazo vencido.
- **met**: *cumplida*. Shares are taken over the applicable
  recommendations: *no aplicable* is left out of the denominator.
- a status dated in the future is refused, and *no aplicable* needs
  evidence (OLACEFS practice: every "not applicable" needs a reason).
- **tie-back**: for a met recommendation, the score of the area it concerns
  in the recommendation's round against the entity's next assessed round.

The arithmetic lives in ``queries/recommendation_*.sql`` (composed from
``recommendation_current.sql``), so the Resumen page, the Seguimiento page,
the entity profile and the exports count one way. Recording one status from
the page goes through ``egov.storage.store.write_batch`` as a ``registro`` batch:
audited and undoable like an imported file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Sequence

import pandas as pd

from egov import auth, kinds
from egov.storage import sql, store
from egov.storage.db import Connection
from egov.i18n import t

STATUSES = kinds.REC_STATUSES
# Where a recommendation stands in the follow-up practice, in the order of its life (recommendation_current.sql).
STAGES = ("sin_aceptar", "no_aceptada", "sin_cronograma", "en_plazo", "plazo_vencido", "parcialmente_cumplida",
          "no_cumplida", "cumplida", "no_aplicable")
OPEN_STATUSES = ("pendiente", "en_proceso", "parcialmente_cumplida", "no_cumplida")
MET_STATUS = "cumplida"
NOT_APPLICABLE = "no_aplicable"

# Ageing buckets of open recommendations by days overdue (upper bound inclusive).
AGEING_BUCKETS = ("al_dia", "1_90", "91_180", "181_365", "mas_365")

SUMMARY_KEYS = ("total", "open", "overdue", "met", "pendiente", "en_proceso", "cumplida",
                "parcialmente_cumplida", "no_cumplida", "no_aplicable", "applicable", "share_met",
                "share_open_overdue", "max_days_overdue", "entities", "entities_with_overdue",
                "any_synthetic")


def _list(values: Sequence[str] | None) -> list[str] | None:
    return list(values) if values else None


def _as_of(value: date | None) -> date:
    if value is None:
        return date.today()
    return value.date() if isinstance(value, datetime) else value


def _scope(*, framework: str | None, period: str | None, as_of: date | None, sectors, levels, entities,
           areas=None, statuses=None, report: str | None = None, stages=None,
           real_only: bool = False) -> dict[str, Any]:
    return {"framework": framework, "period": period, "as_of": _as_of(as_of), "sectors": _list(sectors),
            "levels": _list(levels), "entities": _list(entities), "areas": _list(areas),
            "statuses": _list(statuses), "report": report, "stages": _list(stages), "real_only": bool(real_only)}


_plain = sql.plain


# --- reading -------------------------------------------------------------------


def summary(cur: Connection, framework: str | None = None, period: str | None = None, *,
            as_of: date | None = None, sectors: Sequence[str] | None = None,
            levels: Sequence[str] | None = None, entities: Sequence[str] | None = None,
            areas: Sequence[str] | None = None, real_only: bool = False) -> dict[str, Any]:
    """Counts of the recommendations in scope as of ``as_of`` (default today).

    ``real_only`` leaves out every recommendation whose record or follow-up is synthetic
    (official pages use real records only).

    Keys: total, open, overdue, met, one per status (pendiente ... no_aplicable),
    applicable (total − no aplicable), share_met (met / applicable, None when
    nothing applies), share_open_overdue, max_days_overdue, entities,
    entities_with_overdue, any_synthetic, as_of. ``period`` is the round of
    the report that issued the recommendations (None = every round).
    """
    frame = sql.run(cur, "recommendation_summary", **_scope(
        framework=framework, period=period, as_of=as_of, sectors=sectors, levels=levels,
        entities=entities, areas=areas, real_only=real_only))
    row = frame.iloc[0].to_dict()
    result = {key: _plain(row[key]) for key in SUMMARY_KEYS}
    for key in SUMMARY_KEYS:
        if key not in ("share_met", "share_open_overdue", "max_days_overdue", "any_synthetic"):
            result[key] = int(result[key] or 0)
    result["any_synthetic"] = bool(result["any_synthetic"])
    result["as_of"] = _as_of(as_of)
    return result


def recommendations(cur: Connection, *, framework: str | None = None, entity_code: str | None = None,
                    period: str | None = None, as_of: date | None = None,
                    sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
                    entities: Sequence[str] | None = None, areas: Sequence[str] | None = None,
                    statuses: Sequence[str] | None = None, report: str | None = None,
                    overdue_only: bool = False, stages: Sequence[str] | None = None,
                    real_only: bool = False) -> pd.DataFrame:
    """One row per recommendation with its current status and stage (see recommendation_current.sql).

    Columns include entity_code, entity_name, report_number, rec_no, period,
    area_code, area_name_es/en, text_es, due_date, issue_date, status,
    status_implied, status_date, evidence, recorded_by, updates, is_open,
    is_met, is_applicable, is_overdue, days_overdue, is_synthetic, stage, acceptance,
    acceptance_date, received_date, schedule_source, schedule_revision, followup_number.
    ``stages`` keeps only those stages; ``real_only`` leaves synthetic records out.
    ``entity_code`` narrows to one entity (the profile); ``entities`` is the
    shared filter's list.
    """
    chosen = _list(entities)
    if entity_code is not None:
        chosen = [entity_code] if chosen is None or entity_code in chosen else []
        if not chosen:
            chosen = ["\0none"]
    frame = sql.run(cur, "recommendation_current", **_scope(
        framework=framework, period=period, as_of=as_of, sectors=sectors, levels=levels, entities=chosen,
        areas=areas, statuses=statuses, report=report, stages=stages, real_only=real_only))
    if overdue_only:
        frame = frame[frame["is_overdue"]].reset_index(drop=True)
    return frame


def history(cur: Connection, entity_code: str, report_number: str | None = None,
            rec_no: int | None = None) -> pd.DataFrame:
    """Every status recorded for an entity's recommendations (or one of them), oldest first.

    Columns: entity_code, report_number, rec_no, period, area_code, text_es,
    due_date, status_date, status, previous_status, evidence, recorded_by,
    recorded_at, batch_id, batch_kind, is_synthetic, is_current, set_back.
    """
    return sql.run(cur, "recommendation_history", entity=entity_code, report=report_number,
                   rec_no=None if rec_no is None else int(rec_no))


def timeline(cur: Connection, entity_code: str, report_number: str | None = None) -> pd.DataFrame:
    """Each recommendation's life cycle as dated events, oldest first (the profile's timeline).

    Columns: entity_code, report_number, rec_no, event_date, event (emision, recepcion, aceptada,
    no_aceptada, cronograma, reprogramacion, calificacion, avance), status, deadline, detail,
    followup_number, source, is_synthetic. An event the record does not hold is not there: without a
    schedule there is no deadline event.
    """
    return sql.run(cur, "recommendation_timeline", entity=entity_code, report=report_number)


def overdue(cur: Connection, framework: str | None = None, period: str | None = None, *,
            as_of: date | None = None, sectors=None, levels=None, entities=None, areas=None) -> pd.DataFrame:
    """Overdue recommendations, most days overdue first."""
    return sql.run(cur, "recommendation_overdue", **_scope(
        framework=framework, period=period, as_of=as_of, sectors=sectors, levels=levels,
        entities=entities, areas=areas))


def status_by(cur: Connection, dimension: str, framework: str | None = None, period: str | None = None, *,
              as_of: date | None = None, sectors=None, levels=None, entities=None, areas=None) -> pd.DataFrame:
    """Counts per status, open, overdue and share met, by ``entity`` or by ``area``."""
    if dimension not in ("entity", "area"):
        raise ValueError(f"dimension must be 'entity' or 'area', not {dimension!r}")
    return sql.run(cur, f"recommendation_by_{dimension}", **_scope(
        framework=framework, period=period, as_of=as_of, sectors=sectors, levels=levels,
        entities=entities, areas=areas))


def ageing(cur: Connection, framework: str | None = None, period: str | None = None, *,
           as_of: date | None = None, sectors=None, levels=None, entities=None, areas=None) -> pd.DataFrame:
    """Open recommendations by how long past due they are: every bucket, even empty ones."""
    return sql.run(cur, "recommendation_ageing", **_scope(
        framework=framework, period=period, as_of=as_of, sectors=sectors, levels=levels,
        entities=entities, areas=areas))


def share_met_by_round(cur: Connection, framework: str | None = None, *, as_of: date | None = None,
                       sectors=None, levels=None, entities=None, areas=None) -> pd.DataFrame:
    """Per round (the period of the issuing report): totals, met and share met as of ``as_of``."""
    return sql.run(cur, "recommendation_share_met", **_scope(
        framework=framework, period=None, as_of=as_of, sectors=sectors, levels=levels,
        entities=entities, areas=areas))


def narrow(frame: pd.DataFrame, *, statuses: Sequence[str] | None = None, areas: Sequence[str] | None = None,
           stages: Sequence[str] | None = None, overdue_only: bool = False) -> pd.DataFrame:
    """``recommendations``' own filters applied to a frame it returned (a new frame; None = all).

    Seguimiento reads every recommendation in scope once and narrows it for its lists: at national size
    each reading of the history costs seconds, a filter on the frame milliseconds.
    """
    keep = pd.Series(True, index=frame.index)
    if statuses:
        keep &= frame["status"].isin(list(statuses))
    if areas:
        keep &= frame["area_code"].isin(list(areas))
    if stages:
        keep &= frame["stage"].isin(list(stages))
    if overdue_only:
        keep &= frame["is_overdue"].astype(bool)
    return frame[keep].reset_index(drop=True)


def tie_back(cur: Connection, framework: str, *, as_of: date | None = None, period: str | None = None,
             sectors=None, levels=None, entities=None, areas=None) -> pd.DataFrame:
    """Met recommendations with their area's score in their round and in the entity's next round.

    ``outcome``: mejoro / igual / empeoro (change rounded to two decimals),
    sin_ronda_siguiente (the entity has not been assessed since) or
    sin_puntaje (the area has no score in one of the two rounds).
    """
    return sql.run(cur, "recommendation_tie_back", **_scope(
        framework=framework, period=None, as_of=as_of, sectors=sectors, levels=levels,
        entities=entities, areas=areas), rec_period=period)


# --- recording one status --------------------------------------------------------


class FollowUpError(store.StoreError):
    """A status the store refuses; ``text(lang)`` says why and what to do."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(self.text("es"))

    def text(self, lang: str = "es") -> str:
        return t(f"followup.error.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Recorded:
    batch_id: int
    entity_code: str
    report_number: str
    rec_no: int
    status: str
    status_date: date


def _canonical_record(entity_code: str, report_number: str, rec_no: int, status: str, status_date: date,
                      evidence: str | None, user: str, at: datetime) -> str:
    return json.dumps({"entity": entity_code, "report": report_number, "rec_no": rec_no, "status": status,
                       "status_date": status_date.isoformat(), "evidence": evidence, "user": user,
                       "recorded_at": at.isoformat()}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def check_status(cur: Connection, entity_code: str, report_number: str, rec_no: int, status: str,
                 status_date: date, evidence: str | None, *, today: date | None = None) -> None:
    """Raise FollowUpError when this status may not be recorded; writes nothing.

    The same rules as a follow-up file: a known recommendation, accepted (or
    with a schedule), a known status, no date in the future or before the
    report was issued, no «no cumplida» before the agreed deadline, evidence
    for no_aplicable, and at most one status per recommendation and day.
    """
    today = _as_of(today)
    if status not in STATUSES:
        raise FollowUpError("bad_status", value=status, allowed=", ".join(STATUSES))
    if not isinstance(status_date, date):
        raise FollowUpError("bad_date", value=status_date)
    status_date = _as_of(status_date)
    if status_date > today:
        raise FollowUpError("future_date", date=status_date.strftime("%d/%m/%Y"))
    if status == NOT_APPLICABLE and not (evidence or "").strip():
        raise FollowUpError("evidence_required")
    found = sql.run(cur, "recommendation_one", entity=entity_code, report=report_number, rec_no=int(rec_no))
    if found.empty:
        raise FollowUpError("unknown_recommendation", entity=entity_code, report=report_number, rec_no=rec_no)
    issued = _plain(found.iloc[0]["issue_date"])
    if issued is not None:
        issued = pd.Timestamp(issued).date()
        if status_date < issued:
            raise FollowUpError("before_issue", date=status_date.strftime("%d/%m/%Y"),
                                issued=issued.strftime("%d/%m/%Y"))
    deadline = _plain(found.iloc[0]["due_date"])
    acceptance = _plain(found.iloc[0]["acceptance"])
    if acceptance == "no_aceptada" or (acceptance is None and deadline is None):
        # Only an accepted recommendation is followed up (a schedule of the earlier model stands for it).
        raise FollowUpError("not_accepted", entity=entity_code, report=report_number, rec_no=rec_no,
                            decision=t("followup.decision.no_aceptada" if acceptance else "followup.decision.none"))
    if status == "no_cumplida" and deadline is not None and status_date < pd.Timestamp(deadline).date():
        raise FollowUpError("not_met_before_deadline", date=status_date.strftime("%d/%m/%Y"),
                            deadline=pd.Timestamp(deadline).strftime("%d/%m/%Y"))
    recorded = found.iloc[0]["recorded_dates"]
    recorded = list(recorded) if hasattr(recorded, "__len__") and not isinstance(recorded, str) else []
    if status_date in {pd.Timestamp(d).date() for d in recorded}:
        raise FollowUpError("same_date", date=status_date.strftime("%d/%m/%Y"))


def record_status(con: Connection, entity_code: str, report_number: str, rec_no: int, status: str,
                  status_date: date, evidence: str | None, user: str, role: str, *,
                  today: date | None = None) -> Recorded:
    """Record ONE status of one recommendation as its own undoable, audited batch.

    The batch's checksum is the sha256 of a canonical description of the
    record plus the moment it was made, so two identical records made at
    different moments are two batches. Refused (nothing written) for the
    reasons in ``check_status``; a role that may not record follow-up gets
    ``egov.auth.PermissionDenied``.
    """
    auth.require(role, auth.Action.RECORD_FOLLOWUP)  # before anything else: a refused user changes nothing
    evidence = (evidence or "").strip() or None
    rec_no = int(rec_no)
    cur = con.cursor()
    try:
        check_status(cur, entity_code, report_number, rec_no, status, status_date, evidence, today=today)
    finally:
        cur.close()
    status_date = _as_of(status_date)
    at = datetime.now()
    canonical = _canonical_record(entity_code, report_number, rec_no, status, status_date, evidence, user, at)
    row = pd.DataFrame([{"entidad": entity_code, "informe": report_number, "numero": rec_no,
                         "fecha": status_date, "estado": status, "evidencia": evidence}])
    frames = kinds.to_tables("seguimiento", row, recorded_by=user)
    info = store.BatchInfo("registro", f"registro: {entity_code} {report_number} n.º {rec_no}",
                           store.sha256_of(canonical.encode("utf-8")), user=user, role=role)
    try:
        # allow_changes=False: a status recorded for the same day meanwhile is never overwritten.
        batch_id = store.write_batch(con, info, frames, allow_changes=False)
    except store.ChangesNotConfirmed as exc:
        raise FollowUpError("same_date", date=status_date.strftime("%d/%m/%Y")) from exc
    return Recorded(batch_id, entity_code, report_number, rec_no, status, status_date)


def can_record(role: str | None) -> bool:
    """Whether this role may record follow-up (the page shows the form only then)."""
    return auth.allowed(role, auth.Action.RECORD_FOLLOWUP)
