"""Sensibilidad: how much each entity's position depends on the weights and on the missing criteria.

What-if weights (kept in the URL: ``?peso=PLAN:0&peso=ORG:2``) recompute every index and position
beside the official ones; uncertainty runs give each entity a range of positions. Nothing is
written to the store, except by an administrator's explicit «guardar como nueva versión».
"""

import streamlit as st

from egov import sensitivity
from egov.i18n import t
from egov.ui import cache, filters, sensitivity_view
from egov.ui.guard import require_page

user = require_page()  # every role may read; saving weights checks the administrator's role again

f = filters.current()
lang = f.lang
st.title(t("sens.title", lang))
st.caption(t("sens.intro", lang))

if f.framework is None:
    st.info(t("ui.no_framework", lang))
    st.stop()
if not f.period:
    st.info(t("sens.no_round", lang))
    st.stop()

matrix = cache.load(sensitivity.load, f.framework, f.period)
if matrix.rows.empty:
    st.info(t("ui.no_assessments", lang))
    st.stop()

areas, criteria = sensitivity_view.whatif(f, matrix)
sensitivity_view.save_version(f, matrix, areas, criteria, user)
st.divider()
sensitivity_view.uncertainty(f)
