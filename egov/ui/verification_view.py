"""The Áreas page's section on what verification changed (declared against official, per entity and area)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from egov import verification
from egov.i18n import fmt_number, fmt_percent, t
from egov.ui import cache, filters, safe, show


def section(chosen: filters.Filters) -> None:
    lang = chosen.lang
    lc = "en" if lang == "en" else "es"
    st.subheader(t("verify.heading", lang))
    gaps = cache.load(verification.entity_gap, chosen.framework, chosen.period, **chosen.scope())
    if gaps.empty:
        st.info(t("verify.none", lang), icon=":material/fact_check:")
        return
    top = gaps.iloc[0]
    st.markdown(safe.plain(t("verify.finding", lang, n=len(gaps), name=top["name"],
                             gap=fmt_number(abs(top["gap"]), 1, lang),
                             mean=fmt_number(gaps["gap"].mean(), 1, lang))))
    # Formatted and converted once per data version and filters (``show.table``), not at every run.
    show.table("verification_entities", chosen, lambda: pd.DataFrame({
        t("verify.col.entity", lang): gaps["name"],
        t("verify.col.declared", lang): [fmt_number(v, 1, lang) for v in gaps["declared_index"]],
        t("verify.col.official", lang): [fmt_number(v, 1, lang) for v in gaps["index_computed"]],
        t("verify.col.gap", lang): [fmt_number(v, 1, lang) for v in gaps["gap"]],
        t("verify.col.share", lang): [fmt_percent(v, 0, lang) for v in gaps["verified_share"]]}),
        lang=lang, limit=None, hide_index=True, width="stretch", key="verification_entities")
    by_area = cache.load(verification.area_gap, chosen.framework, chosen.period, **chosen.scope())
    if not by_area.empty:
        show.table("verification_areas", chosen, lambda: pd.DataFrame({
            t("verify.col.area", lang): by_area[f"area_name_{lc}"],
            t("verify.col.mean_gap", lang): [fmt_number(v, 1, lang) for v in by_area["mean_gap"]],
            t("verify.col.n", lang): by_area["entities"].astype(int)}),
            lang=lang, limit=None, hide_index=True, width="stretch", key="verification_areas")
    st.caption(t("verify.help", lang))
