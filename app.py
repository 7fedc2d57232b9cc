"""Entry point: page config, navigation by role, shared sidebar and filters, then the chosen page."""

import streamlit as st

from egov.ui import chrome, navigation, signin, state

st.set_page_config(page_title="Madurez de Gobierno Electrónico", page_icon=":material/account_balance:",
                   layout="wide")

state.connection()  # opens the store (and loads the sample data on an empty machine)
lang = state.language()
user = signin.gate(lang)  # the sign-in screen until someone is signed in (single-user local mode: let through)
# Every page listed: Streamlit collapses a menu of more than twelve pages behind «View N more».
page = st.navigation(navigation.build(user.role, lang), expanded=True)
chosen = chrome.sidebar(user, lang)
# The presentation page marks each slide itself: a deck about one real entity holds no demo data.
if page.url_path != "presentacion":
    chrome.demo_badge(chosen.any_synthetic, lang)
page.run()
