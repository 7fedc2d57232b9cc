"""The frame every page shares: the sidebar (language, filters) and the demo badge."""

from __future__ import annotations

import streamlit as st

from egov.i18n import t
from egov.ui import filters, signin, state
from egov.ui.session import User


def sidebar(user: User, lang: str) -> filters.Filters:
    """Language switch and global filters; returns the filters of this run."""
    with st.sidebar:
        st.caption(t("app.title", lang))
        state.language_switch(lang, key="lang_choice")
    signin.user_box(user, lang)  # who is signed in (or the single-user local mode) and sign-out
    return filters.draw(lang)


def demo_badge(synthetic: bool, lang: str) -> None:
    """The «Datos de demostración» badge, whenever synthetic data is in the view."""
    if synthetic:
        st.badge(t("demo.badge", lang), icon=":material/science:", color="orange", help=t("demo.badge_help", lang))
