"""The entity profile's record sections: the report as issued, findings with their attributes, scope
limitations, and each recommendation's life cycle as a timeline.

Texts from the record are data: they are shown with ``st.text`` or inside tables, never as Markdown.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from egov import followup, record
from egov.charts import followup as charts
from egov.i18n import t
from egov.ui import cache, filters, safe, show


def report(f: filters.Filters, code: str, period: str) -> None:
    """The supervision report of the round as recorded: Referencia, Objetivo, Objeto, results per area."""
    lang = f.lang
    st.subheader(t("entity.record.title", lang))
    found = cache.load(record.reports, code, period=period)
    if not found:
        st.info(t("entity.record.none", lang))
        return
    for issued in found:
        st.caption(safe.t("entity.record.caption", lang, report=issued.report_number,
                     date=issued.issue_date.strftime("%d/%m/%Y") if issued.issue_date else "—"))
        if issued.is_synthetic:
            st.warning(t("entity.record.synthetic", lang))
        for label, text in (("reference", issued.reference), ("objective", issued.objective),
                            ("object", issued.object), ("scope", issued.scope),
                            ("period_examined", issued.period_examined), ("office", issued.issuing_office)):
            if text:
                st.markdown(f"**{t('entity.record.' + label, lang)}**")
                safe.text(text)
        if not issued.results.empty:
            with st.expander(t("entity.record.results", lang)):
                lc = "en" if lang == "en" else "es"
                for row in issued.results.itertuples():
                    st.markdown(f"**{t('entity.record.area', lang)}**")
                    safe.text(f"{getattr(row, f'area_name_{lc}') or row.area_code}\n{row.text_es}")
    limits = cache.load(record.limitations, code, period=period)
    for row in limits.itertuples():
        st.warning(safe.t("entity.record.limitation", lang, criterion=row.criterion_code,
                     request=row.request_note or "—",
                     date=pd.Timestamp(row.request_date).strftime("%d/%m/%Y") if pd.notna(row.request_date)
                     else "—"))


def findings(f: filters.Filters, code: str, period: str) -> None:
    """Findings with condición, criterio, causa and efecto; «—» where the report does not say."""
    lang = f.lang
    lc = "en" if lang == "en" else "es"
    st.subheader(t("entity.findings.title", lang))
    found = cache.load(record.findings, code, period=period)
    if found.empty:
        st.info(t("entity.findings.none", lang))
        return

    def cell(value) -> str:
        return value if isinstance(value, str) and value.strip() else t("entity.findings.not_said", lang)

    table = pd.DataFrame({
        t("entity.col.finding_no", lang): found["finding_no"].astype(int),
        t("entity.col.area", lang): found[f"area_name_{lc}"].fillna(found["area_code"]),
        t("entity.col.condition", lang): found["condition_es"],
        t("entity.col.criterion_rule", lang): [cell(v) for v in found["criterion_es"]],
        t("entity.col.cause", lang): [cell(v) for v in found["cause_es"]],
        t("entity.col.effect", lang): [cell(v) for v in found["effect_es"]],
        t("entity.col.answered_by", lang): [_numbers(v) for v in found["answered_by"]],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="entity_findings_table",
                 column_config={t("entity.col.condition", lang): st.column_config.TextColumn(width="large"),
                                t("entity.col.effect", lang): st.column_config.TextColumn(width="medium")})


def _numbers(value) -> str:
    """A list of recommendation numbers as «3, 5», or «—» when none answers the finding."""
    if value is None or isinstance(value, float) or value is pd.NA:
        return "—"
    numbers = [str(int(n)) for n in list(value)]
    return ", ".join(numbers) or "—"


def timeline(f: filters.Filters, code: str) -> None:
    """Each recommendation's life cycle: receipt, acceptance, schedule and its revisions, ratings."""
    lang = f.lang
    st.subheader(t("entity.timeline.title", lang))
    today = date.today()
    recs = cache.load(followup.recommendations, entity_code=code, as_of=today)
    events = cache.load(followup.timeline, code)
    fig = charts.timeline(events, title=charts.timeline_title(recs, lang), lang=lang, as_of=today)
    show.chart(fig, key="entity_timeline")
    if not recs.empty:
        st.dataframe(pd.DataFrame({
            t("followup.col.report", lang): recs["report_number"],
            t("followup.col.rec_no", lang): recs["rec_no"].astype(int),
            t("followup.col.stage", lang): [t(f"followup.stage.{s}", lang) for s in recs["stage"]],
            t("entity.col.deadline", lang): [pd.Timestamp(d).strftime("%d/%m/%Y") if pd.notna(d)
                                             else t("entity.timeline.no_deadline", lang) for d in recs["due_date"]],
            t("followup.col.text", lang): recs["text_es"],
            t("entity.col.heading", lang): recs["group_heading_es"].fillna(""),
            t("entity.col.correction", lang): recs["corrected_text_es"].fillna(""),
        }), hide_index=True, width="stretch", key="entity_timeline_table")
