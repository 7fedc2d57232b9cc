"""Entry point: page config, navigation by role, shared sidebar, then the chosen page."""

import streamlit as st

from egov.ui import navigation, state
from egov.ui.chrome import sidebar
from egov.ui.session import current_user

st.set_page_config(page_title="Madurez de Gobierno Electrónico", page_icon=":material/account_balance:",
                   layout="wide")

state.connection()  # opens the store (and loads the sample data on an empty machine)
user = current_user()
lang = state.language()
page = st.navigation(navigation.build(user.role, lang))
sidebar(user, lang)
page.run()
