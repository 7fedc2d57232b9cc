"""Recommendations as tables on a page: the Seguimiento list and the entity profile's block.

``entity_recommendations(code, lang)`` draws one entity's recommendations
with their current status, due date and days overdue, and an expander per
recommendation with its whole history (date, status, evidence, who recorded
it). Everything is read through ``egov.followup`` (cached), as of today.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from egov import followup
from egov.i18n import fmt_number, fmt_signed, t
from egov.ui import cache, safe, show

_DATE = "DD/MM/YYYY"


def _status_label(row: pd.Series, lang: str) -> str:
    if bool(row.get("status_implied", False)):
        return t("followup.status.implied", lang)
    return t(f"followup.status.{row['status']}", lang)


def _num(value, decimals: int, lang: str) -> str:
    """A number as people read it (decimal comma in Spanish); '—' when there is none."""
    return fmt_number(None if value is None or pd.isna(value) else float(value), decimals, lang)


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce")


def _day_texts(series: pd.Series) -> pd.Series:
    """Dates as people read them here (DD/MM/YYYY), and '—' where there is none: a date column
    shows a missing date as «None», and an accepted recommendation has no deadline until its
    schedule gives one."""
    return _dates(series).dt.strftime("%d/%m/%Y").fillna("—")


# A table of more rows than this is cut (first rows in the order given) and says so: a browser
# cannot read 200,000 rows and every run would send them all; the CSV download stays complete.
TABLE_LIMIT = 1_000


def status_labels(recs: pd.DataFrame, lang: str) -> list[str]:
    """``_status_label`` of every row, without a Python call per row."""
    implied = t("followup.status.implied", lang)
    names = {s: t(f"followup.status.{s}", lang) for s in followup.STATUSES}
    flags = recs["status_implied"] if "status_implied" in recs else [False] * len(recs)
    return [implied if bool(flag) else names.get(status, str(status)) for flag, status in zip(flags, recs["status"])]


def _list_table(recs: pd.DataFrame, lang: str, with_entity: bool) -> pd.DataFrame:
    lc = "en" if lang == "en" else "es"
    table = pd.DataFrame({
        "entity": recs["acronym"].where(recs["acronym"].notna() & (recs["acronym"] != ""), recs["entity_code"]),
        "report": recs["report_number"], "rec_no": recs["rec_no"].astype(int),
        "status": status_labels(recs, lang),
        "stage": [t(f"followup.stage.{v}", lang) if isinstance(v, str) else "—"
                  for v in recs.get("stage", pd.Series([None] * len(recs), index=recs.index))],
        "days_overdue": [_num(v, 0, lang) for v in recs["days_overdue"]],
        "due_date": _day_texts(recs["due_date"]), "status_date": _day_texts(recs["status_date"]),
        "area": recs[f"area_name_{lc}"].fillna(recs["area_code"]), "period": recs["period"],
        "text": recs["text_es"],
    })
    return table if with_entity else table.drop(columns=["entity"])


def show_list(recs: pd.DataFrame, lang: str, *, with_entity: bool = True, key: str | None = None,
              depends=None) -> None:
    """The recommendations (rows of ``followup.recommendations``) as one table (the first TABLE_LIMIT rows).

    With ``depends`` (what ``recs`` was read with) the table is built once per data version.
    """
    def build() -> pd.DataFrame:
        return _list_table(recs.head(TABLE_LIMIT), lang, with_entity)

    table = cache.built(f"table:{key}", depends, build) if depends is not None else build()
    config = {name: st.column_config.Column(t(f"followup.col.{name}", lang)) for name in table.columns}
    config["text"] = st.column_config.TextColumn(t("followup.col.text", lang), width="large")
    config["days_overdue"] = st.column_config.TextColumn(t("followup.col.days_overdue", lang))
    _draw(table, key, depends, column_config=config)
    if len(recs) > TABLE_LIMIT:
        st.caption(t("followup.page.rows_shown", lang, shown=fmt_number(TABLE_LIMIT, 0, lang),
                     total=fmt_number(len(recs), 0, lang)))


def _draw(table: pd.DataFrame, key: str | None, depends, **options) -> None:
    """``st.dataframe`` of ``table``; one built with ``depends`` is handed over as the Arrow table made once."""
    st.dataframe(table if depends is None else show.arrow(f"table:{key}", depends, table),
                 hide_index=True, width="stretch", key=key, **options)


def show_history(history: pd.DataFrame, lang: str, *, key: str | None = None) -> None:
    """One recommendation's statuses, oldest first (rows of ``followup.history``)."""
    table = pd.DataFrame({
        "status_date": _dates(history["status_date"]),
        "status": [t(f"followup.status.{s}", lang) + (f" ({t('followup.set_back', lang)})" if back else "")
                   for s, back in zip(history["status"], history["set_back"])],
        "evidence": history["evidence"], "recorded_by": history["recorded_by"],
        "recorded_at": pd.to_datetime(history["recorded_at"], errors="coerce"),
    })
    config = {name: st.column_config.Column(t(f"followup.col.{name}", lang)) for name in table.columns}
    config["status_date"] = st.column_config.DateColumn(t("followup.col.status_date", lang), format=_DATE)
    config["recorded_at"] = st.column_config.DatetimeColumn(t("followup.col.recorded_at", lang),
                                                            format="DD/MM/YYYY HH:mm")
    config["evidence"] = st.column_config.TextColumn(t("followup.col.evidence", lang), width="large")
    st.dataframe(table, hide_index=True, column_config=config, width="stretch", key=key)


def entity_recommendations(entity_code: str, lang: str) -> None:
    """The entity's recommendations with current status, due date, days overdue, and each one's history."""
    today = date.today()
    st.subheader(t("followup.profile.title", lang))
    recs = cache.load(followup.recommendations, entity_code=entity_code, as_of=today)
    if recs.empty:
        st.info(t("followup.profile.none", lang))
        return
    st.caption(safe.t("followup.profile.counts", lang, total=len(recs), open=int(recs["is_open"].sum()),
                 overdue=int(recs["is_overdue"].sum()), met=int(recs["is_met"].sum()),
                 date=today.strftime("%d/%m/%Y")))
    show_list(recs, lang, with_entity=False, key=f"profile_recs_{entity_code}")
    history = cache.load(followup.history, entity_code)
    for rec in recs.itertuples():
        text = rec.text_es if len(rec.text_es) <= 90 else rec.text_es[:88] + "…"
        label = safe.t("followup.profile.expander", lang, report=rec.report_number, rec_no=int(rec.rec_no),
                  status=_status_label(pd.Series(rec._asdict()), lang), text=text)
        with st.expander(label):
            safe.text(rec.text_es)
            mine = history[(history["report_number"] == rec.report_number) & (history["rec_no"] == rec.rec_no)]
            if mine.empty:
                st.caption(t("followup.no_history", lang))
            else:
                show_history(mine, lang, key=f"profile_hist_{entity_code}_{rec.report_number}_{rec.rec_no}")


def show_tie_back(tie: pd.DataFrame, lang: str, *, key: str | None = None, depends=None) -> None:
    """Met recommendations against their area's score in the next round (rows of ``followup.tie_back``)."""
    table = (cache.built(f"table:{key}", depends, lambda: _tie_back_table(tie.head(TABLE_LIMIT), lang))
             if depends is not None else _tie_back_table(tie.head(TABLE_LIMIT), lang))
    config = {name: st.column_config.Column(t(f"followup.col.{name}", lang)) for name in table.columns}
    config["met_date"] = st.column_config.DateColumn(t("followup.col.met_date", lang), format=_DATE)
    _draw(table, key, depends, column_config=config)
    if len(tie) > TABLE_LIMIT:
        st.caption(t("followup.page.rows_shown", lang, shown=fmt_number(TABLE_LIMIT, 0, lang),
                     total=fmt_number(len(tie), 0, lang)))


def _tie_back_table(tie: pd.DataFrame, lang: str) -> pd.DataFrame:
    lc = "en" if lang == "en" else "es"
    table = pd.DataFrame({
        "entity": tie["acronym"].where(tie["acronym"].notna() & (tie["acronym"] != ""), tie["entity_code"]),
        "report": tie["report_number"], "rec_no": tie["rec_no"].astype(int),
        "area": tie[f"area_name_{lc}"].fillna(tie["area_code"]), "met_date": _dates(tie["met_date"]),
        "area_score": [_num(v, 1, lang) for v in tie["area_score"]], "next_period": tie["next_period"].fillna("—"),
        "next_area_score": [_num(v, 1, lang) for v in tie["next_area_score"]],
        "change": [fmt_signed(v, 1, lang) for v in tie["change"]],
        "outcome": [t(f"followup.outcome.{o}", lang) for o in tie["outcome"]],
    })
    return table
