"""The sidebar every page shares: language, user, and the global filters."""

from __future__ import annotations

import streamlit as st

from egov.i18n import t
from egov.ui.session import User


def sidebar(user: User, lang: str) -> None:
    with st.sidebar:
        st.caption(t("app.title", lang))
        choice = st.segmented_control("Idioma / Language", ["es", "en"], default=lang, key="lang_choice",
                                      label_visibility="collapsed")
        if choice and choice != lang:
            st.query_params["lang"] = choice
            st.session_state["lang"] = choice
            st.rerun()
