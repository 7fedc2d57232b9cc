"""The sections of the Metodología page (views/metodologia.py): the framework as stored, the
arithmetic of the index, a worked example and every column of every import file."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from egov import framework, kinds, profile, scoring
from egov.i18n import catalogue, fmt_number, fmt_percent, t
from egov.ui import cache, filters, safe
from egov.ui.profile_view import md_text, nums


def _lc(lang: str) -> str:
    return "en" if lang == "en" else "es"


def areas_and_criteria(fw: str, lang: str) -> None:
    lc = _lc(lang)
    areas = cache.load(framework.areas, fw)
    st.subheader(safe.t("method.areas.title", lang, n=len(areas)))
    st.dataframe(pd.DataFrame({
        t("method.col.code", lang): areas["area_code"], t("method.col.area", lang): areas[f"name_{lc}"],
        t("method.col.weight", lang): nums(areas["weight"], lang, 2, trim=True),
        t("method.col.weight_share", lang): [fmt_percent(v, 1, lang) for v in areas["weight_share"]],
        t("method.col.criteria", lang): areas["criteria"]}), hide_index=True, width="stretch", key="method_areas")
    crit = cache.load(framework.criteria, fw)
    levels = cache.load(framework.levels, fw)
    st.subheader(safe.t("method.criteria.title", lang, n=len(crit)))
    st.caption(t("method.criteria.help", lang))
    for area in areas.itertuples():
        part = crit[crit["area_code"] == area.area_code]
        with st.expander(safe.plain(f"{area.area_code} — {getattr(area, f'name_{lc}')} ({len(part)})")):
            st.dataframe(pd.DataFrame({
                t("method.col.code", lang): part["criterion_code"],
                t("method.col.criterion", lang): part[f"name_{lc}"],
                t("method.col.weight", lang): nums(part["weight"], lang, 2, trim=True),
                t("method.col.weight_share_area", lang): [fmt_percent(v, 1, lang) for v in part["weight_share_in_area"]],
                t("method.col.scale", lang): [f"{fmt_number(a, 0, lang)}–{fmt_number(b, 0, lang)}"
                                              for a, b in zip(part["scale_min"], part["scale_max"])],
                t("method.col.tool", lang): part[f"tool_name_{lc}"].fillna("—")}),
                hide_index=True, width="stretch", key=f"method_criteria_{area.area_code}")
            # Each criterion's levels written out in full: what the supervisor observes at each one.
            for crit_row in part.itertuples():
                description = getattr(crit_row, f"description_{lc}")
                if not isinstance(description, str) or not description:
                    description = crit_row.description_es if isinstance(crit_row.description_es, str) else ""
                mine = levels[levels["criterion_code"] == crit_row.criterion_code]
                lines = [f"**{md_text(crit_row.criterion_code)} · {md_text(getattr(crit_row, f'name_{lc}'))}.** "
                         f"{md_text(description)}"]
                lines += [f"- **{fmt_number(lv.level, 0 if lv.level == int(lv.level) else 1, lang)} "
                          f"{md_text(getattr(lv, f'label_{lc}'))}.** {md_text(getattr(lv, f'descriptor_{lc}'))}"
                          for lv in mine.itertuples()]
                st.markdown("\n".join(lines))


def bands_tools_ladder(fw: str, lang: str) -> None:
    lc = _lc(lang)
    bands = cache.load(framework.bands, fw)
    st.subheader(t("method.bands.title", lang))
    st.markdown(t("method.bands.help", lang))
    st.dataframe(pd.DataFrame({
        t("method.col.band", lang): bands[f"name_{lc}"],
        t("method.col.range", lang): [t("method.range_top" if top else "method.range", lang,
                                        lo=fmt_number(lo, 0, lang), hi=fmt_number(hi, 0, lang))
                                      for lo, hi, top in zip(bands["lower_bound"], bands["upper_bound"],
                                                             bands["is_top"])]}),
        hide_index=True, width="stretch", key="method_bands")
    tools = cache.load(framework.tools, fw)
    st.subheader(safe.t("method.tools.title", lang, n=len(tools)))
    st.caption(t("method.tools.help", lang))
    st.dataframe(pd.DataFrame({
        t("method.col.code", lang): tools["tool_code"], t("method.col.tool", lang): tools[f"name_{lc}"],
        t("method.col.description", lang): tools["description_es"].fillna("—"),
        t("method.col.derived", lang): tools["criteria"].fillna("—")}),
        hide_index=True, width="stretch", key="method_tools")
    ladder = cache.load(framework.ladder, fw)
    st.subheader(t("method.ladder.title", lang))
    st.caption(t("method.ladder.help", lang))
    rows = []
    for step, part in ladder.groupby("step", sort=True):
        needs = []
        for r in part.itertuples():
            if pd.isna(r.req_group):  # a step without requirements
                continue
            names = [f"{n} ({t(f'chart.status.{s}', lang)})" for n, s
                     in zip(getattr(r, f"tools_{lc}"), r.min_statuses)]
            needs.append(names[0] if len(names) == 1 else "(" + t("method.or", lang).join(names) + ")")
        rows.append({t("method.col.step", lang): int(step),
                     t("method.col.name", lang): part.iloc[0][f"name_{lc}"],
                     t("method.col.requires", lang): t("method.and", lang).join(needs) or t("method.no_requirement", lang),
                     t("method.col.description", lang): part.iloc[0]["description_es"]
                     if isinstance(part.iloc[0]["description_es"], str) else "—"})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="method_ladder")


def version_changes(fw: str, lang: str) -> None:
    """What changed between versions of the framework, where the catalogue documents it (the default one)."""
    key = f"method.changes.{fw}"
    if key not in catalogue():
        return
    st.subheader(t("method.changes.title", lang))
    st.caption(t("method.changes.help", lang))
    st.markdown(t(key, lang))


def worked_example(f: filters.Filters) -> None:
    """One entity's index rebuilt in front of the reader: criteria → areas → index."""
    lang, lc = f.lang, _lc(f.lang)
    st.subheader(t("method.example.title", lang))
    if not f.period:
        st.info(t("ui.no_assessments", lang))
        return
    scores = cache.load(scoring.entity_scores, f.framework, f.period, **f.scope()).dropna(subset=["index_value"])
    if scores.empty:
        st.info(t("ui.no_assessments", lang))
        return
    labels = cache.built("method:example_labels", f, lambda: profile.names(scores))  # thousands at national size
    code = st.selectbox(t("method.example.choose", lang), list(labels), format_func=labels.get,
                        key="method_example_entity")
    row = scores[scores["entity_code"] == code].iloc[0]
    crit = cache.load(profile.criteria, f.framework, f.period, code)
    peer = cache.load(profile.peer_areas, f.framework, f.period, code, "level")
    st.dataframe(pd.DataFrame({
        t("method.col.code", lang): crit["criterion_code"],
        t("method.col.result", lang): [t(f"entity.result.{s}", lang) if s != "evaluado" else fmt_number(v, 1, lang)
                                       for s, v in zip(crit["status"], crit["score"])],
        t("method.col.scale", lang): [f"{fmt_number(a, 0, lang)}–{fmt_number(b, 0, lang)}"
                                      for a, b in zip(crit["scale_min"], crit["scale_max"])],
        t("method.col.normalised", lang): nums(crit["normalised"], lang, 3, trim=True),
        t("method.col.weight", lang): nums(crit["weight"], lang, 2, trim=True)}),
        hide_index=True, width="stretch", key="method_example_criteria")
    scored = peer.dropna(subset=["entity_score"])
    total_w = float(scored["area_weight"].sum())
    rebuilt = float((scored["area_weight"] * scored["entity_score"]).sum() / total_w) if total_w else None
    st.dataframe(pd.DataFrame({
        t("method.col.area", lang): peer[f"area_name_{lc}"],
        t("method.col.weight", lang): nums(peer["area_weight"], lang, 2, trim=True),
        t("method.col.area_score", lang): nums(peer["entity_score"], lang, 2),
        t("method.col.contribution", lang): nums(peer["area_weight"] * peer["entity_score"] / total_w, lang, 2)
        if total_w else "—"}), hide_index=True, width="stretch", key="method_example_areas")
    st.markdown(safe.t("method.example.result", lang, entity=labels[code], rebuilt=fmt_number(rebuilt, 2, lang),
                  index=fmt_number(row["index_value"], 2, lang), assessed=int(row["criteria_assessed"]),
                  total=int(row["criteria_total"]), na=int(row["criteria_not_applicable"]),
                  coverage=fmt_percent(row["coverage"], 1, lang)))


def import_kinds(lang: str) -> None:
    st.subheader(t("method.kinds.title", lang))
    st.caption(t("method.kinds.help", lang))
    for kind in kinds.KINDS.values():
        title = kind.title_en if lang == "en" else kind.title_es
        with st.expander(f"«{kind.name}» — {title} ({len(kind.columns)})"):
            st.dataframe(pd.DataFrame({
                t("method.col.column", lang): [c.name for c in kind.columns],
                t("method.col.required", lang): [t("method.yes" if c.required else "method.no", lang)
                                                 for c in kind.columns],
                t("method.col.type", lang): [t(f"method.type.{c.type}", lang) for c in kind.columns],
                t("method.col.choices", lang): [", ".join(c.choices) or "—" for c in kind.columns],
                t("method.col.aliases", lang): [", ".join(c.aliases) or "—" for c in kind.columns],
                t("method.col.help", lang): [c.help_en if lang == "en" else c.help_es for c in kind.columns]}),
                hide_index=True, width="stretch", key=f"method_kind_{kind.name}",
                column_config={t("method.col.help", lang): st.column_config.TextColumn(width="large")})
