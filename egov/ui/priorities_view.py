"""The Prioridades page's pieces: weight sliders, the list with every factor, the chart and the Excel export.

Thin over ``egov.priorities``: the page reads the weights here and hands them to the core.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from egov import priorities
from egov.i18n import fmt_number, t


def weights(lang: str) -> dict[str, float]:
    """One slider per factor, starting at the documented default weight."""
    chosen: dict[str, float] = {}
    with st.expander(t("priorities.page.weights", lang), expanded=False):
        st.caption(t("priorities.page.weights_help", lang))
        columns = st.columns(3)
        for i, factor in enumerate(priorities.FACTORS):
            chosen[factor] = columns[i % 3].slider(
                t(f"priorities.factor.{factor}", lang), 0.0, 5.0, float(priorities.DEFAULT_WEIGHTS[factor]), 0.5,
                key=f"prio_weight_{factor}", help=t(f"priorities.help.{factor}", lang))
    return chosen


def method_text(lang: str) -> str:
    """How the priority is computed, with the documented default weights filled in from the core."""
    weights = priorities.DEFAULT_WEIGHTS
    return t("priorities.page.method_body", lang,
             weights=", ".join(f"{f} {fmt_number(weights[f], 0, lang)}" for f in priorities.FACTORS),
             total=fmt_number(sum(weights.values()), 0, lang))


def methodology(lang: str) -> None:
    """The Metodología page's section on the supervision priorities."""
    st.subheader(t("priorities.page.method", lang))
    st.markdown(method_text(lang))


def in_scope(ranked: pd.DataFrame, sectors, levels, entities) -> pd.DataFrame:
    """The rows the sidebar's filters choose; the place stays the one among every entity."""
    keep = pd.Series(True, index=ranked.index)
    if sectors:
        keep &= ranked["sector"].isin(sectors)
    if levels:
        keep &= ranked["gov_level"].isin(levels)
    if entities:
        keep &= ranked["entity_code"].isin(entities)
    return ranked[keep]


def display_table(ranked: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Place, entity, priority, each factor as «value (share)», and the sentence."""
    out = pd.DataFrame({
        t("cli.col.prio_rank", lang): ranked["rank"].astype(int).to_numpy(),
        t("cli.col.entidad", lang): [a if isinstance(a, str) and a else c
                                     for a, c in zip(ranked["acronym"], ranked["entity_code"])],
        t("cli.col.prio_priority", lang): [fmt_number(v, 1, lang) for v in ranked["priority"]]})
    for factor in priorities.FACTORS:
        out[t(f"priorities.factor.{factor}", lang)] = priorities.cells(ranked, factor, lang)
    out[t("priorities.page.reason", lang)] = ranked["reason"].to_numpy()
    return out


def export_frame(ranked: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Excel sheet: the record behind each factor, the factors, their shares and the sentence."""
    from egov.cli.priorities import COLUMNS  # one list of columns for the command and the export
    frame = ranked[list(COLUMNS)].rename(columns=COLUMNS).copy()
    frame["ultima_supervision"] = [d.strftime("%d/%m/%Y") if isinstance(d, date) else None
                                   for d in frame["ultima_supervision"]]
    return frame


def notes(period: str, as_of: date, chosen: dict[str, float], synthetic: bool, lang: str) -> list[str]:
    lines = [t("priorities.page.note_scope", lang, period=period, date=as_of.strftime("%d/%m/%Y")),
             t("priorities.page.note_weights", lang,
               weights=", ".join(f"{f} = {fmt_number(chosen[f], 1, lang)}" for f in priorities.FACTORS)),
             t("priorities.page.note_formula", lang)]
    if synthetic:
        lines.insert(0, t("cli.prio.synthetic", lang))
    return lines
