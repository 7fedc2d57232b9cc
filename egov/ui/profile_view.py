"""The sections of the entity profile page (views/entidad.py), kept here so the page stays thin.

Each function reads through ``cache.load`` and draws one section; none holds SQL.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from egov import evidence, followup, framework, profile, scoring
from egov.charts import lines, polar
from egov.i18n import fmt_number, fmt_percent, t
from egov.storage import db
from egov.ui import cache, filters, peers_view, safe, show, state

CHOICE_KEY = "entity_profile_choice"
PEER_KEY = "entity_peer_by"
PARAM = "entidad"


def nums(values, lang: str, decimals: int = 1, *, trim: bool = False) -> list[str]:
    """Numbers as the language writes them (decimal comma in Spanish) for a table; missing -> «—»."""
    out = []
    for v in values:
        text = fmt_number(v, decimals, lang) if v is not None and pd.notna(v) else "—"
        if trim and text != "—" and decimals:
            sep = "," if lang != "en" else "."
            text = text.rstrip("0").rstrip(sep) if sep in text else text
        out.append(text)
    return out


def _sync_param() -> None:
    chosen = st.session_state.get(CHOICE_KEY)
    if chosen:
        st.query_params[PARAM] = chosen
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def choose_entity(entities: pd.DataFrame, f: filters.Filters) -> str | None:
    """The entity of the URL (``?entidad=CODE``), else the one picked here; picking writes the URL."""
    scoped = entities
    if f.sectors:
        scoped = scoped[scoped["sector"].isin(f.sectors)]
    if f.levels:
        scoped = scoped[scoped["gov_level"].isin(f.levels)]
    if f.entities:
        scoped = scoped[scoped["entity_code"].isin(f.entities)]
    labels = profile.names(entities)
    options = scoped["entity_code"].tolist()
    wanted = st.query_params.get(PARAM)
    if wanted in labels and wanted not in options:
        options = [wanted] + options  # a shared link outside the sidebar's scope still opens
    if wanted in options and st.session_state.get(CHOICE_KEY) != wanted:
        st.session_state[CHOICE_KEY] = wanted
    elif st.session_state.get(CHOICE_KEY) not in options:
        st.session_state.pop(CHOICE_KEY, None)
    unset = {} if CHOICE_KEY in st.session_state else {"index": None}
    st.selectbox(t("entity.choose", f.lang), options, key=CHOICE_KEY, format_func=labels.get,
                 placeholder=t("entity.choose_placeholder", f.lang), on_change=_sync_param, **unset)
    if wanted and wanted not in labels:
        st.warning(safe.t("entity.unknown", f.lang, code=wanted))
    chosen = st.session_state.get(CHOICE_KEY)
    if chosen and wanted != chosen:
        st.query_params[PARAM] = chosen  # reached through the navigation: the URL names the entity again
    return chosen


def headline(info: dict, entity: pd.Series, period: str, lang: str) -> None:
    """Index (with the change since the previous round), level, rank and coverage."""
    group = entity.get("criticality")
    criticality = t("entity.criticality", lang,
                    group=t(f"priorities.criticality.{group if isinstance(group, str) else 'none'}", lang))
    st.caption(" · ".join(safe.plain(x) for x in [entity["sector"], filters.level_name(entity["gov_level"], lang),
                                            info.get("report_number") or t("entity.no_report", lang),
                                            criticality] if x))
    cols = st.columns(4)
    delta = None
    if info.get("change") is not None:
        sign = "+" if info["change"] > 0 else ""  # a negative number carries its own minus
        delta = t("entity.delta", lang, points=sign + fmt_number(info["change"], 1, lang), period=info["previous"])
    cols[0].metric(safe.t("entity.metric.index", lang, period=period), fmt_number(info["index"], 1, lang), delta=delta,
                   help=t("entity.metric.index_help", lang))
    cols[1].metric(t("entity.metric.band", lang), info[f"band_{'en' if lang == 'en' else 'es'}"] or "—")
    rank = t("entity.rank_of", lang, rank=info["rank"], n=info["ranked"]) if info["rank"] else "—"
    cols[2].metric(t("entity.metric.rank", lang), rank, help=t("entity.metric.rank_help", lang))
    cols[3].metric(t("entity.metric.coverage", lang), fmt_percent(info["coverage"], 0, lang),
                   help=t("entity.metric.coverage_help", lang, assessed=info["criteria_assessed"],
                          total=info["criteria_total"], na=info["criteria_not_applicable"]))
    if info.get("change") is None:
        st.caption(t("entity.no_previous", lang))
    if info.get("coverage_insufficient"):
        st.warning(t("entity.coverage_insufficient", lang, coverage=fmt_percent(info["coverage"], 0, lang),
                     minimum=fmt_percent(info["min_coverage"], 0, lang)), icon=":material/rule:")
    if info.get("declared_index") is not None:
        st.caption(t("entity.declared_index", lang, declared=fmt_number(info["declared_index"], 1, lang),
                     index=fmt_number(info["index_computed"], 1, lang),
                     share=fmt_percent(info["verified_share"], 0, lang)))


def radar(f: filters.Filters, code: str, name: str, period: str) -> None:
    lang = f.lang
    counts = cache.load(profile.peer_counts, f.framework, period, code)
    if PEER_KEY not in st.session_state:
        st.session_state[PEER_KEY] = "sector" if counts["sector"] >= profile.MIN_PEERS else "level"
    by = st.segmented_control(t("entity.peer_choice", lang), list(profile.PEER_GROUPS), key=PEER_KEY,
                              format_func=lambda g: t(f"entity.peer.{g}", lang, n=counts[g])) or "level"
    raw = cache.load(profile.peer_areas, f.framework, period, code, by)
    peer = profile.comparable(raw)  # a group (or an area) below the minimum draws no mean
    group = t(f"entity.peer_label.{by}", lang, n=counts[by])
    fig = polar.radar(peer, title=profile.radar_title(peer, lang), lang=lang, entity_label=name,
                      peer_label=group)
    show.chart(fig, key="entity_radar")
    st.markdown(profile.peer_sentence(raw, by, period, lang, value_label=safe.plain(peers_view.group_value(raw, by, lang))))
    lc = "en" if lang == "en" else "es"
    table = pd.DataFrame({
        t("entity.col.area", lang): peer[f"area_name_{lc}"],
        t("entity.col.score", lang): nums(peer["entity_score"], lang),
        t("entity.col.coverage", lang): [fmt_percent(v, 0, lang) for v in peer["entity_coverage"]],
        t("entity.col.peer_mean", lang): nums(peer["peer_score"], lang),
        t("entity.col.peer_n", lang): peer["peer_n"].astype(int)})
    st.dataframe(table, hide_index=True, width="stretch", key="entity_area_table")


def result_text(row: pd.Series, lang: str) -> str:
    """«2 de 4», or what is known instead: desconocido, no aplica, sin dato (never a zero)."""
    if row["status"] == "evaluado":
        return t("entity.result.scored", lang, score=fmt_number(row["score"], 1 if row["score"] % 1 else 0, lang),
                 top=fmt_number(row["scale_max"], 0, lang))
    return t(f"entity.result.{row['status']}", lang)


def md_text(text) -> str:
    """Text from the database shown as written (the one rule of ``egov.ui.safe``)."""
    return safe.plain(text) if isinstance(text, str) else ""


def declared_text(row: pd.Series, lang: str) -> str:
    """What the entity declared for the criterion (its self-assessment), «—» when it declared nothing."""
    if pd.isna(row["declared_status"]):
        return "—"
    if row["declared_status"] == "evaluado":
        score = row["declared_score"]
        return t("entity.result.scored", lang, score=fmt_number(score, 1 if score % 1 else 0, lang),
                 top=fmt_number(row["scale_max"], 0, lang))
    return t(f"entity.result.{row['declared_status']}", lang)


def criteria(f: filters.Filters, code: str, period: str) -> None:
    lang = f.lang
    lc = "en" if lang == "en" else "es"
    crit = cache.load(profile.criteria, f.framework, period, code)
    declared = crit["declared_status"].notna().any()  # the columns appear only where the entity declared
    if declared:
        area_rows = cache.load(profile.area_scores, f.framework, [code], period).set_index("area_code")
    st.subheader(t("entity.criteria.title", lang))
    st.caption(t("entity.criteria.help", lang))
    areas = crit.drop_duplicates("area_code")
    tabs = st.tabs([safe.plain(a) for a in areas[f"area_name_{lc}"]])
    for tab, area in zip(tabs, areas["area_code"]):
        part = crit[crit["area_code"] == area]
        table = pd.DataFrame({
            t("entity.col.criterion", lang): part["criterion_code"] + " " + part[f"name_{lc}"],
            t("entity.col.result", lang): part.apply(result_text, axis=1, lang=lang),
            t("entity.col.level", lang): part[f"level_label_{lc}"].fillna("—"),
            t("entity.col.descriptor", lang): part[f"level_descriptor_{lc}"].fillna("—"),
            t("entity.col.evidence", lang): part["evidence"].fillna("—")
            + part["derived_from_tool"].map(lambda d: t("entity.from_tool", lang) if d else "")})
        if declared:  # declared and verified side by side; which one the official result used
            table.insert(2, t("entity.col.declared", lang), part.apply(declared_text, axis=1, lang=lang).values)
            table.insert(3, t("entity.col.source", lang),
                         part["source"].map(lambda s: t(f"entity.source.{s}", lang) if isinstance(s, str) else "—").values)
        with tab:
            if declared and area in area_rows.index:
                row = area_rows.loc[area]
                st.caption(t("entity.area_declared", lang, official=fmt_number(row["area_score"], 1, lang),
                             declared=fmt_number(row["declared_area_score"], 1, lang)))
            st.dataframe(table, hide_index=True, width="stretch", key=f"entity_criteria_{area}",
                         column_config={t("entity.col.descriptor", lang): st.column_config.TextColumn(width="large"),
                                        t("entity.col.evidence", lang): st.column_config.TextColumn(width="large")})
            # The descriptor of each level reached, in full (a table cell cuts long text).
            reached = part.dropna(subset=[f"level_descriptor_{lc}"])
            if not reached.empty:
                st.markdown("\n".join(
                    f"- **{md_text(r.criterion_code)} · {md_text(getattr(r, f'level_label_{lc}'))}.** "
                    f"{md_text(getattr(r, f'level_descriptor_{lc}'))}" for r in reached.itertuples()))


def tools(f: filters.Filters, code: str, period: str) -> None:
    lang = f.lang
    lc = "en" if lang == "en" else "es"
    st.subheader(t("entity.tools.title", lang))
    ladder = cache.load(scoring.ladder, f.framework, period, entities=[code])
    if not ladder.empty:
        row = ladder.iloc[0]
        own = ", ".join(row["own_tools"]) if len(row["own_tools"]) else t("entity.none", lang)
        st.markdown(safe.t("entity.tools.step", lang, step=int(row["step"]), name=row[f"step_name_{lc}"], own=own))
    found = cache.load(profile.tools, f.framework, period, [code])
    table = pd.DataFrame({
        t("entity.col.tool", lang): found[f"tool_name_{lc}"],
        t("entity.col.status", lang): [t(f"chart.status.{s}", lang) if isinstance(s, str)
                                       else t("chart.status.sin_dato", lang) for s in found["status"]],
        t("entity.col.procedures", lang): [str(int(v)) if pd.notna(v) else "—" for v in found["procedures_count"]],
        t("entity.col.scope", lang): found["scope"].fillna("—")})
    st.dataframe(table, hide_index=True, width="stretch", key="entity_tools_table",
                 column_config={t("entity.col.scope", lang): st.column_config.TextColumn(width="large")})
    partners = cache.load(profile.partners, f.framework, period, code)
    if partners.empty:
        st.caption(t("entity.partners.none", lang))
    else:
        st.markdown(safe.t("entity.partners.title", lang, n=len(partners)))
        st.dataframe(pd.DataFrame({t("entity.col.partner", lang): partners["partner_name"],
                                   t("entity.col.channel", lang): [t(f"chart.channel.{c}", lang)
                                                                   for c in partners["channel"]]}),
                     hide_index=True, width="stretch", key="entity_partners_table")




def recommendations(f: filters.Filters, code: str) -> None:
    try:
        from egov.ui.recommendations import entity_recommendations
    except ImportError:  # the follow-up component is not installed: a plain table
        entity_recommendations = None
    if entity_recommendations is not None:
        entity_recommendations(code, f.lang)
        return
    st.subheader(t("entity.recs.title", f.lang))
    recs = cache.load(followup.recommendations, entity_code=code)
    st.dataframe(recs[["report_number", "rec_no", "area_code", "text_es", "due_date", "status"]], hide_index=True)


def history(f: filters.Filters, code: str, name: str, rounds: pd.DataFrame) -> None:
    lang = f.lang
    st.subheader(t("entity.history.title", lang))
    areas = cache.load(profile.area_scores, f.framework, [code], None)
    series = profile.history_series(rounds, areas, lang)
    bands = cache.load(framework.bands, f.framework)
    fig = lines.trends(series, title=profile.history_title(rounds, name, lang), lang=lang,
                       highlight=t("entity.index", lang), bands=bands)
    show.chart(fig, key="entity_history")
    lcb = "en" if lang == "en" else "es"
    st.dataframe(pd.DataFrame({
        t("entity.col.period", lang): rounds["period"],
        t("entity.col.index", lang): nums(rounds["index_value"], lang, 2),
        t("entity.col.band", lang): rounds[f"band_name_{lcb}"],
        t("entity.col.rank", lang): [t("entity.rank_of", lang, rank=int(r), n=int(n)) if pd.notna(r) else "—"
                                     for r, n in zip(rounds["rank_in_period"], rounds["ranked_in_period"])],
        t("entity.col.coverage", lang): [fmt_percent(v, 0, lang) for v in rounds["coverage"]],
        t("entity.col.report", lang): rounds["report_number"].fillna("—")}),
        hide_index=True, width="stretch", key="entity_rounds_table")



def _file_bytes(con, sha256: str):
    """The download's bytes, read from the store when the button is clicked (never kept in the page)."""
    def read() -> bytes:
        with db.cursor(con) as cur:
            return evidence.content(cur, sha256).content
    return read


def _evidence_subject(row, lang: str) -> str:
    """What a reference backs, as the report names it: a criterion, a finding or a follow-up rating."""
    if row.target == "hallazgo":
        return safe.t("entity.evidence.finding", lang, number=int(row.finding_no))
    if row.target == "seguimiento":
        return safe.t("entity.evidence.rating", lang, number=int(row.rec_no), report=row.report_number,
                      date=pd.Timestamp(row.status_date).strftime("%d/%m/%Y"))
    return safe.plain(row.criterion_code)


def evidence_list(f: filters.Filters, code: str, period: str) -> None:
    """The evidence behind the entity's scores, findings and follow-up ratings, each file a download of
    its exact bytes.

    A file is served as an attachment with the media type its content showed when it was stored
    (a document or image type, else application/octet-stream): the page never renders or runs it.
    """
    lang = f.lang
    st.subheader(t("entity.evidence.title", lang))
    found = cache.load(evidence.for_profile, f.framework, period, code)
    if found.empty:
        st.caption(t("entity.evidence.none", lang, period=period))
        return
    st.caption(t("entity.evidence.help", lang))
    con = state.connection()
    for row in found.itertuples():
        parts = [safe.plain(x) for x in (row.document_number,) if isinstance(x, str) and x]
        if pd.notna(row.document_date):
            parts.append(pd.Timestamp(row.document_date).strftime("%d/%m/%Y"))
        if isinstance(row.report_section, str) and row.report_section:
            parts.append(safe.t("entity.evidence.section", lang, section=row.report_section))
        if isinstance(row.working_paper, str) and row.working_paper:
            parts.append(safe.t("entity.evidence.working_paper", lang, paper=row.working_paper))
        line = safe.t("entity.evidence.line", lang, criterion=_evidence_subject(row, lang),
                      document=row.document_name)
        st.markdown(" · ".join([line] + parts))
        if not isinstance(row.file_sha256, str):
            st.caption(t("entity.evidence.no_file", lang))
            continue
        mime = row.media_type if row.media_type in evidence.SAFE_DOWNLOAD_TYPES else evidence.OCTET_STREAM
        st.download_button(
            safe.t("entity.evidence.download", lang, name=row.file_name), data=_file_bytes(con, row.file_sha256),
            file_name=row.file_name, mime=mime, on_click="ignore", icon=":material/download:",
            key=f"entity_evidence_{row.evidence_id}",
            help=safe.t("entity.evidence.download_help", lang, media_type=row.media_type,
                   size=fmt_number(row.size_bytes, 0, lang) + " bytes", sha256=row.file_sha256))
