"""Presentación: the deck one slide at a time, for a projector (``?diapositiva=N&entidad=…&pares=…&slides=…``).

No sidebar or header while presenting; ← and → move between slides; the
setup (entity, peer group, slides) and the downloads (PowerPoint, PDF,
PNG/SVG, CSV/Excel) sit in an expander below the slide.
"""

import streamlit as st

from egov.export.report_pdf import ReportError
from egov.i18n import t
from egov.ui import filters, present_view, safe
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

chosen = filters.current()
lang = chosen.lang
present_view.hide_chrome()

if chosen.framework is None or chosen.period is None:
    st.info(t("present.page.empty", lang))
    st.page_link("views/resumen.py", label=t("present.page.exit", lang), icon=":material/logout:")
    st.stop()

try:
    deck = present_view.load_deck(chosen)
except ReportError as exc:
    st.warning(safe.plain(exc))
    deck = []

at = None
if deck:
    at = present_view.current_index(len(deck))
    present_view.show(deck, at, lang)
else:
    st.info(t("present.page.empty", lang))
present_view.setup(chosen, deck, at)
