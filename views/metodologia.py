"""Metodología: the framework as it is in the database and how the index is computed."""

import streamlit as st

from egov import framework
from egov.i18n import t
from egov.ui import cache, compliance_view, filters, method_view, priorities_view, safe
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

f = filters.current()
lang = f.lang
st.title(t("method.title", lang))

if f.framework is None:
    st.info(t("ui.no_framework", lang))
    method_view.import_kinds(lang)
    st.stop()

info = cache.load(framework.info, f.framework) or {}
name = info.get("name_en" if lang == "en" else "name_es") or f.framework
st.markdown(safe.t("method.framework", lang, name=name, code=f.framework, version=info.get("version") or "—"))
if info.get("description_es"):
    st.caption(safe.plain(info["description_en"] if lang == "en" and info.get("description_en")
                          else info["description_es"]))

st.subheader(t("method.index.title", lang))
st.markdown(t("method.index.body", lang))

method_view.areas_and_criteria(f.framework, lang)
method_view.bands_tools_ladder(f.framework, lang)
method_view.version_changes(f.framework, lang)
method_view.worked_example(f)
compliance_view.methodology(lang)
priorities_view.methodology(lang)
method_view.import_kinds(lang)
