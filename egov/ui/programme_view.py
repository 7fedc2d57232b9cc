"""The Programa de supervisión page's pieces: the table, the Excel export, the forms that change the programme,
and the button on Prioridades that takes an entity into the next gestión's programme.

Thin over ``egov.programme``: every write is one call of the core (``add``, ``set_state``), which checks
the role again and writes one audited, undoable ``registro`` batch.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from egov import auth, programme
from egov.i18n import t
from egov.ui import cache, safe, state
from egov.ui.session import User

FLASH = "programme_flash"
_DATE = "DD/MM/YYYY"


def _entity(frame: pd.DataFrame) -> list[str]:
    return [a if isinstance(a, str) and a else c for a, c in zip(frame["acronym"], frame["entity_code"])]


def _day(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def display_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per programmed supervision, in the reader's words; empty dates stay empty."""
    return pd.DataFrame({
        t("programme.col.entity", lang): _entity(frame),
        t("programme.col.entity_name", lang): frame["entity_name"].to_numpy(),
        t("programme.col.period", lang): frame["period"].to_numpy(),
        t("programme.col.work_kind", lang): [t(f"programme.work_kind.{k}", lang) for k in frame["work_kind"]],
        t("programme.col.state", lang): [t(f"programme.state.{s}", lang) for s in frame["state"]],
        t("programme.col.office", lang): frame["office"].fillna("—").to_numpy(),
        t("programme.col.planned_start", lang): [_day(v) for v in frame["planned_start"]],
        t("programme.col.planned_end", lang): [_day(v) for v in frame["planned_end"]],
        t("programme.col.report_number", lang): frame["report_number"].fillna("—").to_numpy(),
        t("programme.col.report_issue_date", lang): [_day(v) for v in frame["report_issue_date"]],
        t("programme.col.notes", lang): frame["notes"].fillna("").to_numpy(),
        t("demo.badge", lang): [t("cli.yes" if s else "cli.no", lang) for s in frame["is_synthetic"]],
    })


def show_table(frame: pd.DataFrame, lang: str, *, key: str) -> None:
    table = display_table(frame, lang)
    config = {t(f"programme.col.{c}", lang): st.column_config.DateColumn(t(f"programme.col.{c}", lang), format=_DATE)
              for c in ("planned_start", "planned_end", "report_issue_date")}
    config[t("programme.col.notes", lang)] = st.column_config.TextColumn(t("programme.col.notes", lang),
                                                                           width="large")
    st.dataframe(table, hide_index=True, column_config=config, width="stretch", key=key)


def due_table(due: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("programme.col.entity", lang): _entity(due),
        t("programme.col.report", lang): due["report_number"].to_numpy(),
        t("programme.col.rec_no", lang): due["rec_no"].astype(int).to_numpy(),
        t("programme.col.due_date", lang): [_day(v) for v in due["due_date"]],
        t("programme.col.stage", lang): [t(f"followup.stage.{s}", lang) for s in due["stage"]],
        t("programme.col.text", lang): due["text_es"].to_numpy(),
    })


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The Excel sheet: the machine names of ``egov programa listar --format csv``, dates as dd/mm/aaaa."""
    from egov.cli.programme import COLUMNS  # one list of columns for the command and the export
    out = frame[list(COLUMNS)].rename(columns=COLUMNS).copy()
    for column in ("fecha_inicio", "fecha_fin", "fecha_emision_informe"):
        out[column] = [d.strftime("%d/%m/%Y") if (d := _day(v)) else None for v in out[column]]
    return out


def notes(period: str, filters_text: str, synthetic: bool, lang: str) -> list[str]:
    lines = [t("programme.page.note_scope", lang, period=period, filters=filters_text,
               date=date.today().strftime("%d/%m/%Y")),
             t("programme.page.note_dates", lang)]
    if synthetic:
        lines.insert(0, t("programme.page.note_synthetic", lang))
    return lines


def _refused(user: User, lang: str) -> None:
    st.error(safe.t("programme.page.refused", lang, role=t(f"auth.role.{user.role}", lang)))


def state_form(frame: pd.DataFrame, user: User, lang: str) -> None:
    """Change the state of one of the supervisions shown (a ``registro`` batch)."""
    st.caption(t("programme.page.edit_intro", lang))
    labels = {f"{c}|{p}|{k}": f"{e} · {p} · {t(f'programme.work_kind.{k}', lang)} ({t(f'programme.state.{s}', lang)})"
              for c, e, p, k, s in zip(frame["entity_code"], _entity(frame), frame["period"], frame["work_kind"],
                                       frame["state"])}
    with st.form("programme_state_form", clear_on_submit=False):
        chosen = st.selectbox(t("programme.page.edit_which", lang), list(labels), format_func=labels.get,
                              key="programme_edit_which")
        new_state = st.selectbox(t("programme.page.edit_state", lang), list(programme.STATES),
                                 format_func=lambda s: t(f"programme.state.{s}", lang), key="programme_edit_state")
        report = st.text_input(t("programme.page.edit_report", lang), key="programme_edit_report")
        note = st.text_input(t("programme.page.edit_notes", lang), key="programme_edit_notes")
        submitted = st.form_submit_button(t("programme.page.edit_submit", lang), type="primary")
    if not submitted or not chosen:
        return
    entity, period, work_kind = chosen.split("|")
    try:
        done = programme.set_state(state.connection(), entity, period, new_state, user=user.name, role=user.role,
                                   work_kind=work_kind, report_number=report, notes=note)
    except programme.ProgrammeError as exc:
        st.error(safe.plain(exc.text(lang)))
    except auth.PermissionDenied:
        _refused(user, lang)
    else:
        state.data_changed()
        st.session_state[FLASH] = [("success", safe.t("programme.page.edit_done", lang, entity=entity, period=period,
                                                      state=t(f"programme.state.{new_state}", lang),
                                                      batch=done.batch_id))]
        st.rerun()


def add_form(entities: pd.DataFrame, default_period: str | None, user: User, lang: str) -> None:
    """Programme one more supervision: entity, gestión, kind of work, and the office and dates when known.

    ``entities``: every entity of the store (``programme.entities``); their labels are made once per data version.
    """
    names = cache.built("programme:entity_names", (), lambda: dict(zip(
        entities["entity_code"], [f"{e} — {n}" for e, n in zip(_entity(entities), entities["name"])])))
    with st.form("programme_add_form", clear_on_submit=False):
        left, middle, right = st.columns([3, 1, 1])
        entity = left.selectbox(t("programme.page.add_entity", lang), list(names), format_func=names.get,
                                index=None, key="programme_add_entity")
        period = middle.text_input(t("programme.page.add_period", lang), value=default_period or "",
                                   key="programme_add_period")
        work_kind = right.selectbox(t("programme.page.add_work_kind", lang), list(programme.WORK_KINDS),
                                    format_func=lambda k: t(f"programme.work_kind.{k}", lang),
                                    key="programme_add_kind")
        office = st.text_input(t("programme.page.add_office", lang), key="programme_add_office")
        with_dates = st.checkbox(t("programme.page.add_dates", lang), key="programme_add_with_dates")
        left, right = st.columns(2)
        start = left.date_input(t("programme.page.add_start", lang), value=None, format=_DATE,
                                key="programme_add_start")
        end = right.date_input(t("programme.page.add_end", lang), value=None, format=_DATE, key="programme_add_end")
        submitted = st.form_submit_button(t("programme.page.add_submit", lang), type="primary")
    if submitted:
        add_entity(entity, period, user, lang, work_kind=work_kind, office=office,
                   planned_start=start if with_dates else None, planned_end=end if with_dates else None)


def add_entity(entity: str | None, period: str | None, user: User, lang: str, **details) -> None:
    """Add ``entity`` to the programme of ``period`` as «programada»; the message waits for the next run."""
    if not entity:
        st.error(t("programme.error.unknown_entity", lang, entity="—"))
        return
    try:
        done = programme.add(state.connection(), entity, period or "", user=user.name, role=user.role, **details)
    except programme.ProgrammeError as exc:
        st.error(safe.plain(exc.text(lang)))
    except auth.PermissionDenied:
        _refused(user, lang)
    else:
        state.data_changed()
        st.session_state[FLASH] = [("success", safe.t("programme.page.add_done", lang, entity=done.entity_code,
                                                      period=done.period, batch=done.batch_id))]
        st.rerun()


def from_priorities(ranked: pd.DataFrame, period: str, user: User, lang: str, *, depends: Any) -> None:
    """Prioridades: choose an entity of the list and add it to the next gestión's programme as «programada».

    ``depends``: everything ``ranked`` was chosen by (``cache.built``), so its labels are made once.
    """
    if not programme.can_edit(user.role):
        return
    for level, message in st.session_state.pop(FLASH, []):
        getattr(st, level)(message)
    target = programme.next_period(period) or ""
    with st.expander(t("programme.prio.title", lang), expanded=False):
        st.caption(t("programme.prio.intro", lang, period=target or "—"))
        names = cache.built("prio:programme_names", (depends, lang), lambda: dict(zip(ranked["entity_code"], [
            f"{int(r)}. {e} — {n}" for r, e, n in zip(ranked["rank"], _entity(ranked), ranked["name"])])))
        with st.form("prio_programme_form", clear_on_submit=False):
            left, right = st.columns([4, 1])
            entity = left.selectbox(t("programme.prio.entity", lang), list(names), format_func=names.get,
                                    key="prio_programme_entity")
            chosen_period = right.text_input(t("programme.prio.period", lang), value=target,
                                             key="prio_programme_period")
            submitted = st.form_submit_button(t("programme.prio.submit", lang), type="primary")
        if submitted:
            add_entity(entity, chosen_period, user, lang)
        st.page_link("views/programa.py", label=t("programme.prio.see", lang), icon=":material/event_note:")
