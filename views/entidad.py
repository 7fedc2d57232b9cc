"""Entidad: one entity's profile (``?entidad=CODE``): scores, peers, criteria, tools, findings, history."""

import streamlit as st

from egov import profile, scoring
from egov.i18n import t
from egov.ui import cache, compliance_view, filters, profile_view, record_view, safe, sensitivity_view
from egov.ui.guard import require_page

require_page()  # every role may read; a signed-out or stale session is stopped here

f = filters.current()
lang = f.lang
st.title(t("entity.title", lang))

if f.framework is None:
    st.info(t("ui.no_framework", lang))
    st.stop()
entities = cache.load(scoring.assessed_entities, f.framework)
if entities.empty:
    st.info(t("ui.no_assessments", lang))
    st.stop()

code = profile_view.choose_entity(entities, f)
if not code:
    st.info(t("entity.pick_one", lang))
    st.stop()

entity = entities[entities["entity_code"] == code].iloc[0]
name = profile.label(entity)
rounds = cache.load(profile.rounds, f.framework, code)
period = profile.pick_period(rounds["period"].tolist(), f.period)
if period != f.period:
    st.info(safe.t("entity.other_period", lang, entity=name, wanted=f.period or "—", shown=period))
previous = f.periods[f.periods.index(period) + 1] if period in f.periods[:-1] else None

st.header(safe.plain(f"{entity['name']} ({name})" if name != entity["name"] else entity["name"]))
info = profile.headline(rounds, period, previous)
profile_view.headline(info, entity, period, lang)
sensitivity_view.position_note(f, code, period)  # a position is a range: overlapping entities read as tied

st.subheader(t("entity.areas.title", lang))
profile_view.radar(f, code, name, period)
profile_view.criteria(f, code, period)
profile_view.evidence_list(f, code, period)
profile_view.tools(f, code, period)
record_view.report(f, code, period)
record_view.findings(f, code, period)
profile_view.recommendations(f, code)
compliance_view.entity_line(f, code)
record_view.timeline(f, code)
profile_view.history(f, code, name, rounds)
