"""Resumen: the first screen (being completed in the pages work)."""

import streamlit as st

from egov import scoring
from egov.ui import state

with state.reading() as cur:
    framework = scoring.default_framework(cur)
    table = scoring.entity_scores(cur, framework) if framework else None
st.title("Resumen")
if table is None or table.empty:
    st.info("No hay evaluaciones cargadas. Cargue datos en «Cargar datos».")
else:
    latest = table["period"].max()
    now = table[table["period"] == latest]
    st.metric("Entidades evaluadas", len(now))
    st.dataframe(now[["rank_in_period", "name", "index_value", "band_name_es", "coverage"]], hide_index=True)
