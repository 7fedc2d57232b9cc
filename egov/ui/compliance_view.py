"""The compliance index on the pages: Seguimiento's tab, the entity profile's line, the Metodología text.

Thin over ``egov.compliance``: tables and texts only; the arithmetic is in the core.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from egov import compliance
from egov.export import tables
from egov.i18n import fmt_number, t
from egov.ui import cache, chrome, filters, safe, show


def _num(value, lang: str) -> str:
    return fmt_number(None if value is None or pd.isna(value) else float(value), 1, lang)


def methodology(lang: str) -> None:
    """The formula, with the documented constants filled in."""
    st.subheader(t("compliance.methodology_title", lang))
    st.markdown(t("compliance.methodology", lang, partial=fmt_number(compliance.PARTIAL_CREDIT, 1, lang),
                  w_degree=fmt_number(compliance.DEGREE_WEIGHT, 1, lang),
                  w_time=fmt_number(1 - compliance.DEGREE_WEIGHT, 1, lang)))


def display_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The index per entity with Spanish (or English) headers, best first."""
    return pd.DataFrame({
        t("compliance.col.entity", lang): [a if isinstance(a, str) and a else c
                                           for a, c in zip(frame["acronym"], frame["entity_code"])],
        t("compliance.col.index", lang): [_num(v, lang) for v in frame["compliance_index"]],
        t("compliance.col.degree", lang): [_num(v, lang) for v in frame["degree"]],
        t("compliance.col.timeliness", lang): [_num(v, lang) for v in frame["timeliness"]],
        t("compliance.col.group", lang): [t(f"compliance.group.{g}", lang) for g in frame["group"]],
        t("compliance.col.counted", lang): frame["counted"].astype(int).to_numpy(),
        t("compliance.col.in_time", lang): frame["in_time"].astype(int).to_numpy(),
        t("compliance.col.without_deadline", lang): frame["without_deadline"].astype(int).to_numpy(),
        t("compliance.col.not_applicable", lang): frame["not_applicable"].astype(int).to_numpy()})


def tab(f: filters.Filters, as_of: date, period: str | None) -> None:
    """Seguimiento's tab: groups of entities by the index, the index per entity, its Excel export."""
    lang = f.lang
    frame = cache.load(compliance.by_entity, as_of=as_of, framework=f.framework, period=period, **f.scope())
    chrome.demo_badge(bool(frame["any_synthetic"].any()) if not frame.empty else False, lang)
    with st.expander(t("compliance.methodology_title", lang)):
        methodology(lang)
    if frame.empty or not (frame["counted"] > 0).any():
        st.info(t("compliance.none", lang))
        return
    st.subheader(t("compliance.groups_title", lang))
    def group_table() -> pd.DataFrame:
        counts = compliance.groups(frame)
        return pd.DataFrame({t("compliance.col.group", lang): [t(f"compliance.group.{g}", lang) for g in counts["group"]],
                             t("compliance.groups_count", lang): counts["entities"]})

    show.table("compliance_groups", (f, as_of, period), group_table, lang=lang, limit=None, hide_index=True,
               key="compliance_groups")
    st.subheader(t("compliance.title", lang))
    # Every entity's row formatted once per data version and choices, not at every run.
    shown = show.table("compliance", (f, as_of, period), lambda: display_table(frame, lang), lang=lang,
                       hide_index=True, width="stretch", key="compliance_table")
    st.download_button(t("compliance.download", lang), lambda: tables.to_xlsx_bytes(shown, "cumplimiento"),
                       file_name="indice_cumplimiento.xlsx", mime=tables.XLSX_MIME, key="compliance_download")


def entity_line(f: filters.Filters, code: str) -> None:
    """The profile's line: the entity's index today, and its evolution across follow-up reports."""
    lang = f.lang
    row = cache.load(compliance.of_entity, code)
    if row is None:
        return
    chrome.demo_badge(bool(row["any_synthetic"]), lang)
    st.markdown(safe.t("compliance.entity_line", lang, index=_num(row["compliance_index"], lang),
                       degree=_num(row["degree"], lang), timeliness=_num(row["timeliness"], lang),
                       counted=row["counted"], in_time=row["in_time"],
                       without_deadline=row["without_deadline"], na=row["not_applicable"]))
    steps = cache.load(compliance.evolution, [code])
    if len(steps) > 1:
        st.caption(t("compliance.evolution", lang))
        st.dataframe(pd.DataFrame({
            t("compliance.col.as_of", lang): [d.strftime("%d/%m/%Y") for d in steps["as_of"]],
            t("compliance.col.index", lang): [_num(v, lang) for v in steps["compliance_index"]],
            t("compliance.col.degree", lang): [_num(v, lang) for v in steps["degree"]],
            t("compliance.col.timeliness", lang): [_num(v, lang) for v in steps["timeliness"]]}),
            hide_index=True, key="compliance_evolution")
