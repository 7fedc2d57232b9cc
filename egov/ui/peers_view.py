"""A peer group to compare with, for any page that compares: pick the grouping, name the group and its size.

Used by Comparar (the group of its first entity); the profile's radar draws the same data
(``profile.peer_areas``, ``profile.comparable``, ``profile.peer_sentence``). A group with fewer
than ``profile.MIN_PEERS`` other entities says so instead of showing a mean.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from egov import profile
from egov.i18n import fmt_number, t
from egov.ui import cache, filters
from egov.ui.safe import plain


def group_value(peer: pd.DataFrame, by: str, lang: str) -> str | None:
    """The group's value as people read it, escaped where it comes from the data."""
    return profile.group_label(peer, by, lang, escape=plain)


def reference(f: filters.Filters, code: str, label: str, period: str, *, key: str) -> None:
    """A grouping chooser, the sentence naming the group and its size, and the group mean per area."""
    lang = f.lang
    lc = "en" if lang == "en" else "es"
    counts = cache.load(profile.peer_counts, f.framework, period, code)
    if key not in st.session_state:
        st.session_state[key] = "sector" if counts["sector"] >= profile.MIN_PEERS else "level"
    st.markdown(t("peers.reference.title", lang, entity=plain(label)))
    by = st.segmented_control(t("entity.peer_choice", lang), list(profile.PEER_GROUPS), key=key,
                              format_func=lambda g: t(f"entity.peer.{g}", lang, n=counts[g])) or "level"
    raw = cache.load(profile.peer_areas, f.framework, period, code, by)
    peer = profile.comparable(raw)
    st.markdown(profile.peer_sentence(raw, by, period, lang, value_label=plain(group_value(raw, by, lang))))
    st.dataframe(pd.DataFrame({
        t("entity.col.area", lang): peer[f"area_name_{lc}"],
        label: [fmt_number(v, 1, lang) if pd.notna(v) else "—" for v in peer["entity_score"]],
        t("entity.col.peer_mean", lang): [fmt_number(v, 1, lang) if pd.notna(v) else "—" for v in peer["peer_score"]],
        t("entity.col.peer_n", lang): peer["peer_n"].astype(int)}), hide_index=True, width="stretch",
        key=f"{key}_table")
