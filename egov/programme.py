"""The supervision programme: which entities are programmed for supervision in each gestión, and where each
supervision stands (issue 17, migration 010).

A programmed supervision is one entity × gestión × kind of work (``supervision``, or ``seguimiento``: a
follow-up of recommendations programmed as its own work) with a state in the order of its life:

    programada → en_ejecucion → informe_emitido → seguimiento_programado

Once a report is issued the row names it (``report_number``); the responsible office, the planned start and
end and the notes are kept only when the programme gives them — an empty date is unknown, never guessed.

It comes in two ways, both audited and undoable batches through ``egov.storage.store.write_batch``:

- a ``programa`` file (Cargar datos or ``egov import``), checked like every kind (``egov.ingest``);
- one record at a time by an analyst (``add`` a supervision, ``set_state``): a ``registro`` batch, like a
  follow-up status recorded on the Seguimiento page, so the analyst may undo it and a viewer may not write it.

The follow-ups that fall due in a gestión come from the implementation schedules on record only
(``queries/programme_followups_due.sql``): a recommendation without a schedule has no deadline and is never
shown as due. The page (``views/programa.py``) and ``egov programa`` read and write through this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Sequence

import pandas as pd

from egov import auth, kinds
from egov.i18n import t
from egov.storage import sql, store
from egov.storage.db import Connection

STATES = kinds.PROGRAMME_STATES
REPORT_STATES = kinds.PROGRAMME_REPORT_STATES
WORK_KINDS = kinds.WORK_KINDS
DEFAULT_WORK_KIND = "supervision"
FIRST_STATE = "programada"


class ProgrammeError(store.StoreError):
    """A programme record the store refuses; ``text(lang)`` says what is wrong and how to fix it."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(self.text("es"))

    def text(self, lang: str = "es") -> str:
        return t(f"programme.error.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Recorded:
    batch_id: int
    entity_code: str
    period: str
    work_kind: str
    state: str


def _list(values: Sequence[str] | None) -> list[str] | None:
    return list(values) if values else None


def programme(cur: Connection, *, period: str | None = None, offices: Sequence[str] | None = None,
              states: Sequence[str] | None = None, entities: Sequence[str] | None = None,
              sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None) -> pd.DataFrame:
    """The programmed supervisions chosen by the filters (None = all), by gestión, planned start, entity."""
    return sql.run(cur, "programme_list", period=period, offices=_list(offices), states=_list(states),
                   entities=_list(entities), sectors=_list(sectors), levels=_list(levels))


def periods(cur: Connection) -> list[str]:
    """The gestiones with a programmed supervision, newest first."""
    return [str(p) for p in sql.run(cur, "programme_periods")["period"]]


def offices(cur: Connection) -> list[str]:
    return [str(o) for o in sql.run(cur, "programme_offices")["office"]]


def entities(cur: Connection) -> pd.DataFrame:
    """Every registered entity (code, acronym, name, sector, level of government), for the forms."""
    return sql.run(cur, "programme_entities")


def next_period(period: str | None) -> str | None:
    """The gestión after ``period`` ('2024' -> '2025'); None when the gestión is not a year."""
    text = str(period or "").strip()
    return str(int(text) + 1) if re.fullmatch(r"\d{4}", text) else None


def gestion_window(period: str | None) -> tuple[date, date] | None:
    """A gestión is a calendar year (Bolivia's fiscal year): 1 January to 31 December; None when not a year."""
    text = str(period or "").strip()
    if not re.fullmatch(r"\d{4}", text):
        return None
    return date(int(text), 1, 1), date(int(text), 12, 31)


def followups_due(cur: Connection, period: str, *, as_of: date | None = None,
                  entities: Sequence[str] | None = None, sectors: Sequence[str] | None = None,
                  levels: Sequence[str] | None = None) -> pd.DataFrame:
    """Open recommendations whose agreed deadline (schedule on record) falls within the gestión ``period``.

    Empty when the gestión is not a year (its dates are then unknown).
    """
    window = gestion_window(period)
    if window is None:
        return sql.run(cur, "programme_followups_due", start=date(9999, 12, 31), end=date(1, 1, 1),
                       as_of=as_of or date.today(), framework=None, period=None, report=None, sectors=None,
                       levels=None, entities=None, areas=None, statuses=None, stages=None, real_only=False)
    return sql.run(cur, "programme_followups_due", start=window[0], end=window[1], as_of=as_of or date.today(),
                   framework=None, period=None, report=None, sectors=_list(sectors), levels=_list(levels),
                   entities=_list(entities), areas=None, statuses=None, stages=None, real_only=False)


def counts(frame: pd.DataFrame) -> dict[str, int]:
    """Programmed supervisions per state (every state, 0 when none)."""
    found = frame["state"].value_counts().to_dict() if not frame.empty else {}
    return {state: int(found.get(state, 0)) for state in STATES}


# --- recording -----------------------------------------------------------------------------------------


def _clean(value):
    if isinstance(value, str):
        return value.strip() or None
    return value


def _day(value) -> date | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date() if not isinstance(value, date) or isinstance(value, datetime) else value


def _one(cur: Connection, entity_code: str, period: str, work_kind: str) -> dict | None:
    found = sql.run(cur, "programme_one", entity=entity_code, period=period, work_kind=work_kind)
    if found.empty:
        return None
    return {k: sql.plain(v) for k, v in found.iloc[0].items()}


def _check(cur: Connection, row: dict) -> None:
    """The rules of a ``programa`` file for one row (the importer's checks, said as one error)."""
    if row["work_kind"] not in WORK_KINDS:
        raise ProgrammeError("bad_work_kind", value=row["work_kind"], allowed=", ".join(WORK_KINDS))
    if row["state"] not in STATES:
        raise ProgrammeError("bad_state", value=row["state"], allowed=", ".join(STATES))
    if not row["period"]:
        raise ProgrammeError("period_required")
    if not sql.scalar(cur, "entity_exists", entity=row["entity_code"]):
        raise ProgrammeError("unknown_entity", entity=row["entity_code"])
    start, end = row["planned_start"], row["planned_end"]
    if start is not None and end is not None and end < start:
        raise ProgrammeError("end_before_start", start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y"))
    if row["state"] in REPORT_STATES and not row["report_number"]:
        raise ProgrammeError("report_required", state=t(f"programme.state.{row['state']}"))
    if row["state"] not in REPORT_STATES and row["report_number"]:
        raise ProgrammeError("report_not_issued", state=t(f"programme.state.{row['state']}"))


def _write(con: Connection, row: dict, *, user: str, role: str, label: str, allow_changes: bool) -> int:
    at = datetime.now()
    canonical = json.dumps({**row, "user": user, "recorded_at": at.isoformat()}, ensure_ascii=False,
                           sort_keys=True, default=str, separators=(",", ":"))
    frame = pd.DataFrame([{**row, "recorded_by": user}])
    for column in ("planned_start", "planned_end"):
        frame[column] = pd.Series([row[column]], dtype="object")
    info = store.BatchInfo("registro", label, store.sha256_of(canonical.encode("utf-8")), user=user, role=role)
    return store.write_batch(con, info, {"supervision_programme": frame}, allow_changes=allow_changes)


def add(con: Connection, entity_code: str, period: str, *, user: str, role: str,
        work_kind: str = DEFAULT_WORK_KIND, state: str = FIRST_STATE, office: str | None = None,
        planned_start: date | None = None, planned_end: date | None = None, report_number: str | None = None,
        notes: str | None = None) -> Recorded:
    """Programme one supervision (by default «programada») as its own audited, undoable batch.

    Refused with ProgrammeError (nothing written) when the entity is unknown, it is already programmed for
    that gestión and kind of work, the end is before the start, or the state and the report disagree.
    """
    auth.require(role, auth.Action.RECORD_FOLLOWUP)  # before anything else: a refused user changes nothing
    row = {"entity_code": _clean(entity_code), "period": _clean(str(period or "")),
           "work_kind": _clean(work_kind) or DEFAULT_WORK_KIND, "state": _clean(state) or FIRST_STATE,
           "office": _clean(office), "planned_start": _day(planned_start), "planned_end": _day(planned_end),
           "report_number": _clean(report_number), "notes": _clean(notes)}
    cur = con.cursor()
    try:
        _canonical_entity(cur, row)
        _check(cur, row)
        if _one(cur, row["entity_code"], row["period"], row["work_kind"]) is not None:
            raise ProgrammeError("already_programmed", entity=row["entity_code"], period=row["period"],
                                 work_kind=t(f"programme.work_kind.{row['work_kind']}"))
    finally:
        cur.close()
    label = f"programa: {row['entity_code']} {row['period']} ({row['work_kind']}) — {row['state']}"
    try:
        # allow_changes=False: a supervision programmed meanwhile by someone else is never overwritten.
        batch_id = _write(con, row, user=user, role=role, label=label, allow_changes=False)
    except store.ChangesNotConfirmed as exc:
        raise ProgrammeError("already_programmed", entity=row["entity_code"], period=row["period"],
                             work_kind=t(f"programme.work_kind.{row['work_kind']}")) from exc
    return Recorded(batch_id, row["entity_code"], row["period"], row["work_kind"], row["state"])


def _canonical_entity(cur: Connection, row: dict) -> None:
    """The entity code as stored (codes match ignoring case, as in a file); unchanged when unknown."""
    found = sql.run(cur, "programme_entity_code", entity=row["entity_code"] or "")
    if not found.empty:
        row["entity_code"] = str(found.iloc[0]["entity_code"])


def set_state(con: Connection, entity_code: str, period: str, state: str, *, user: str, role: str,
              work_kind: str = DEFAULT_WORK_KIND, report_number: str | None = None,
              notes: str | None = None) -> Recorded:
    """Change the state of a programmed supervision as its own audited, undoable batch.

    The office, dates and notes stay as they were (``notes`` replaces them only when given); a report
    number is needed from «informe emitido» on and kept from the stored row when not given. Refused with
    ProgrammeError when the supervision is not programmed or already has that state.
    """
    auth.require(role, auth.Action.RECORD_FOLLOWUP)
    work_kind = _clean(work_kind) or DEFAULT_WORK_KIND
    cur = con.cursor()
    try:
        entity_code = str(entity_code or "").strip()
        probe = {"entity_code": entity_code}
        _canonical_entity(cur, probe)
        entity_code = probe["entity_code"]
        stored = _one(cur, entity_code, str(period), work_kind)
        if stored is None:
            raise ProgrammeError("not_programmed", entity=entity_code, period=period,
                                 work_kind=t(f"programme.work_kind.{work_kind}"))
        if stored["state"] == state:
            raise ProgrammeError("same_state", state=t(f"programme.state.{state}") if state in STATES else state)
        report = _clean(report_number) or (stored["report_number"] if state in REPORT_STATES else None)
        row = {"entity_code": entity_code, "period": str(period), "work_kind": work_kind, "state": state,
               "office": stored["office"], "planned_start": _day(stored["planned_start"]),
               "planned_end": _day(stored["planned_end"]), "report_number": report,
               "notes": _clean(notes) if _clean(notes) is not None else stored["notes"]}
        _check(cur, row)
    finally:
        cur.close()
    label = f"programa: {entity_code} {period} ({work_kind}) — {stored['state']} → {state}"
    batch_id = _write(con, row, user=user, role=role, label=label, allow_changes=True)
    return Recorded(batch_id, entity_code, str(period), work_kind, state)


def can_edit(role: str | None) -> bool:
    """Whether this role may add supervisions and change their state (the page shows the forms only then)."""
    return auth.allowed(role, auth.Action.RECORD_FOLLOWUP)
