"""The deck as data: one message per slide (a headline stating the finding, one chart, a note).

``build_deck`` is the one model of a presentation: the presentation page
draws it, ``egov.export.deck`` writes it as PowerPoint, the command line
uses both, and ``report_figures`` gives the executive summary the same
charts for one entity.

The default deck covers the selection (all entities in the filters, or a
peer group such as one sector): overview (ranking, levels), one slide per
supervision area, the e-government tools ladder and the recommendations.
With ``entity`` the deck is about that entity against its peers: its
profile (radar), criteria, tools and recommendations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

import pandas as pd
import plotly.graph_objects as go

from egov import compliance, followup, profile, scoring, tools
from egov import framework as framework_store
from egov.charts import bars, findings, network, polar, theme
from egov.charts import compliance as compliance_charts
from egov.charts import present as charts
from egov.charts.base import extremes
from egov.storage.db import Connection
from egov.i18n import fmt_number, fmt_percent, t

GROUP_KEYS = ("overview.ranking", "overview.levels", "area.*", "tools.ladder", "tools.combinations", "tools.network",
              "recs.status", "recs.compliance")
ENTITY_KEYS = ("entity.radar", "entity.criteria", "entity.tools", "entity.recs", "entity.compliance")


@dataclass
class Slide:
    """One slide: ``headline`` states the finding; ``figure`` keeps it as its title too (for images)."""

    key: str
    headline: str
    figure: go.Figure
    note: str
    source: str
    name: str = ""  # short name for choosing slides ("Ranking del índice")
    data: pd.DataFrame = field(default_factory=pd.DataFrame)  # the data behind the chart
    synthetic: bool = False
    subject: str = ""  # the entity's name in an entity deck (the cover's title)


@dataclass
class Context:
    framework: str
    period: str
    lang: str
    version: str
    scope: dict
    as_of: date
    scores: pd.DataFrame  # entity_scores of the period within the scope
    bands: pd.DataFrame
    synthetic: bool


# --- helpers ---------------------------------------------------------------------------


def _n(value, digits: int, lang: str) -> str:
    return fmt_number(value, digits, lang)


def _lc(lang: str) -> str:
    return "en" if lang == "en" else "es"


def _label(row) -> str:
    acronym = row.get("acronym") if hasattr(row, "get") else getattr(row, "acronym", None)
    return acronym if isinstance(acronym, str) and acronym else str(row["entity_code"])


def _retitle(fig: go.Figure, headline: str) -> go.Figure:
    from egov.charts.base import wrap

    fig.update_layout(title=dict(text=wrap(headline)))
    return fig


def scope_text(scope: dict, lang: str, entity: str | None = None) -> str:
    """The filters in words, for the source note ("sector: Salud; nivel: central")."""
    parts = []
    if entity:
        parts.append(t("present.scope.entity", lang, values=entity))
    for name in ("sectors", "levels", "entities"):
        values = scope.get(name)
        if values:
            parts.append(t(f"present.scope.{name}", lang, values=", ".join(map(str, values))))
    return "; ".join(parts) if parts else t("present.scope.all", lang)


def source_note(framework: str, version: str, period: str, scope: dict, lang: str, when: date, *,
                synthetic: bool, entity: str | None = None) -> str:
    text = t("present.source", lang, framework=framework, version=version, period=period,
             scope=scope_text(scope, lang, entity), date=when.strftime("%d/%m/%Y"))
    return text + (" " + t("present.demo", lang) + "." if synthetic else "")


def _context(cur: Connection, framework: str, period: str | None, lang: str, scope: dict,
             as_of: date | None) -> Context | None:
    periods = scoring.periods(cur, framework)
    if not periods:
        return None
    period = period or periods[0]
    scores = scoring.entity_scores(cur, framework, period, **scope)
    if scores.empty:
        return None
    fw = scoring.frameworks(cur)
    fw = fw[fw["framework_code"] == framework]
    version = str(fw.iloc[0]["version"]) if not fw.empty else ""
    return Context(framework=framework, period=period, lang=lang, version=version, scope=scope,
                   as_of=as_of or date.today(), scores=scores,
                   bands=framework_store.bands(cur, framework),
                   synthetic=bool(scores["is_synthetic"].fillna(False).any()))


# --- the selection's slides ------------------------------------------------------------------


def _cut_note(shown: int, total: int, lang: str) -> str:
    """What a slide says when its chart shows only the best and the lowest entities."""
    return "" if shown >= total else " " + t("chart.note.extremes", lang, half=shown // 2,
                                             total=fmt_number(total, 0, lang))


def _ranking(ctx: Context) -> Slide:
    lang, df = ctx.lang, ctx.scores.dropna(subset=["index_value"])
    total, high = len(df), int((df["index_value"] >= 50).sum())
    headline = t("present.head.ranking", lang, n=high, total=total, median=_n(df["index_value"].median(), 1, lang))
    best, worst = df.loc[df["index_value"].idxmax()], df.loc[df["index_value"].idxmin()]
    note = t("present.note.ranking", lang, best=_label(best), best_value=_n(best["index_value"], 1, lang),
             worst=_label(worst), worst_value=_n(worst["index_value"], 1, lang),
             coverage=fmt_percent(df["coverage"].mean(), 0, lang))
    shown = extremes(df, "index_value")
    note += _cut_note(len(shown), len(df), lang)
    fig = charts.score_columns(shown, ctx.bands, value="index_value", title=headline, lang=lang,
                               y_title=t("chart.axis.index", lang), hover_label=t("chart.hover.index", lang))
    data = df[["entity_code", "name", "sector", "gov_level", "index_value", "rank_in_period", f"band_name_{_lc(lang)}",
               "coverage", "is_synthetic"]].sort_values("rank_in_period")
    return Slide("overview.ranking", headline, fig, note, "", t("present.slide.overview.ranking", lang), data)


def _levels(ctx: Context) -> Slide:
    lang, df = ctx.lang, ctx.scores.dropna(subset=["index_value"])
    lc = _lc(lang)
    bands = ctx.bands.sort_values("sort_order")
    counts = df["band_code"].value_counts()
    low, top = bands.iloc[0], bands.iloc[-1]
    n_low, n_top = int(counts.get(low["band_code"], 0)), int(counts.get(top["band_code"], 0))
    if n_low >= n_top:
        headline = t("present.head.levels", lang, n=n_low, total=len(df), band=low[f"name_{lc}"])
    else:
        headline = t("present.head.levels_top", lang, n=n_top, total=len(df), band=top[f"name_{lc}"])
    ranges = "; ".join(f"{b[f'name_{lc}']} {_n(b['lower_bound'], 0, lang)}–{_n(b['upper_bound'], 0, lang)}"
                       for _, b in bands.iterrows())
    fig = bars.level_distribution(df, bands, title=headline, lang=lang)
    data = pd.DataFrame({"band": bands[f"name_{lc}"], "lower_bound": bands["lower_bound"],
                         "upper_bound": bands["upper_bound"],
                         "entities": [int(counts.get(c, 0)) for c in bands["band_code"]]})
    return Slide("overview.levels", headline, fig, t("present.note.levels", lang, ranges=ranges), "",
                 t("present.slide.overview.levels", lang), data)


def _area_frame(cur: Connection, ctx: Context) -> pd.DataFrame:
    areas = scoring.area_scores(cur, ctx.framework, ctx.period)
    keep = ctx.scores[["entity_code", "name", "acronym", "sector", "gov_level", "is_synthetic"]]
    return areas.merge(keep, on="entity_code", how="inner")


def _area_slides(cur: Connection, ctx: Context) -> list[Slide]:
    lang, lc = ctx.lang, _lc(ctx.lang)
    areas = _area_frame(cur, ctx)
    if areas.empty:
        return []
    means = areas.groupby("area_code")["area_score"].mean()
    weakest = means.idxmin() if means.notna().any() else None
    slides = []
    for code, part in sorted(areas.groupby("area_code"), key=lambda item: item[1]["area_order"].iloc[0]):
        name = part[f"area_name_{lc}"].iloc[0]
        scored = part.dropna(subset=["area_score"])
        below = int((scored["area_score"] < 50).sum())
        headline = t("present.head.area", lang, area=name, n=below, total=len(scored),
                     mean=_n(scored["area_score"].mean(), 1, lang))
        if scored.empty:
            note = ""
        else:
            best, worst = scored.loc[scored["area_score"].idxmax()], scored.loc[scored["area_score"].idxmin()]
            note = t("present.note.area", lang, best=_label(best), best_value=_n(best["area_score"], 1, lang),
                     worst=_label(worst), worst_value=_n(worst["area_score"], 1, lang),
                     weakest=t("present.note.area_weakest", lang) if code == weakest else "")
        shown = extremes(part, "area_score")
        note += _cut_note(len(shown), len(scored), lang)
        fig = charts.score_columns(shown, ctx.bands, value="area_score", title=headline, lang=lang,
                                   y_title=t("chart.axis.area_score", lang), hover_label=name)
        data = part[["entity_code", "name", "sector", "gov_level", "area_code", f"area_name_{lc}", "area_score",
                     "coverage", "is_synthetic"]].sort_values("area_score", ascending=False)
        slides.append(Slide(f"area.{code}", headline, fig, note, "", t("present.slide.area", lang, area=name), data))
    return slides


def _ladder(cur: Connection, ctx: Context) -> Slide | None:
    lang, lc = ctx.lang, _lc(ctx.lang)
    ladder = scoring.ladder(cur, ctx.framework, ctx.period, **ctx.scope)
    if ladder.empty:
        return None
    steps = tools.steps(cur, ctx.framework)
    headline = findings.only_signature(ladder, lang)  # the pages' own sentence
    own = int(ladder["own_tools"].map(lambda v: v is not None and len(v) > 0).sum())
    fig = bars.ladder_steps(ladder, steps, title=headline, lang=lang)
    fig.update_traces(textfont=dict(size=13))  # the names beside each bar must fit a 16:9 slide
    data = ladder[["entity_code", "name", "sector", "gov_level", "step", f"step_name_{lc}", "platform_tools",
                   "own_tools", "planned_tools"]]
    return Slide("tools.ladder", headline, fig, t("present.note.ladder", lang, own=own), "",
                 t("present.slide.tools.ladder", lang), data)


def _combinations(cur: Connection, ctx: Context) -> Slide | None:
    lang, lc = ctx.lang, _lc(ctx.lang)
    combos = tools.combinations(cur, ctx.framework, ctx.period, **ctx.scope)
    if combos.empty:
        return None
    headline = findings.combinations_headline(combos, lang)
    fig = bars.combinations(combos, title=headline, lang=lang, limit=8)
    data = combos[[f"combination_{lc}", "entities", "share", "tools_count"]]
    return Slide("tools.combinations", headline, fig, t("present.note.combinations", lang, n=len(combos)), "",
                 t("present.slide.tools.combinations", lang), data)


def _network(cur: Connection, ctx: Context) -> Slide | None:
    lang = ctx.lang
    edges = tools.network(cur, ctx.framework, ctx.period, **ctx.scope)
    if edges.empty:
        return None
    headline = findings.network_headline(edges, lang)
    fig = network.interop_network(edges, title=headline, lang=lang, max_labels=40)
    keep = [c for c in ("source_code", "source_name", "target_name", "target_code", "channel") if c in edges]
    return Slide("tools.network", headline, fig, t("present.note.network", lang), "",
                 t("present.slide.tools.network", lang), edges[keep])


def _recommendations(cur: Connection, ctx: Context) -> Slide:
    lang = ctx.lang
    summary = followup.summary(cur, ctx.framework, ctx.period, as_of=ctx.as_of, **ctx.scope)
    by_area = followup.status_by(cur, "area", ctx.framework, ctx.period, as_of=ctx.as_of, **ctx.scope)
    if not summary.get("total"):
        headline = t("present.head.recs_none", lang)
        note = ""
    else:
        headline = t("present.head.recs", lang, overdue=summary["overdue"], open=summary["open"],
                     share=fmt_percent(summary["share_met"], 0, lang))
        note = t("present.note.recs", lang, total=summary["total"], entities=summary["entities_with_overdue"],
                 all_entities=summary["entities"], date=ctx.as_of.strftime("%d/%m/%Y"))
    fig = charts.recommendation_status(by_area, title=headline, lang=lang)
    return Slide("recs.status", headline, fig, note, "", t("present.slide.recs.status", lang),
                 by_area.drop(columns=["area_order"], errors="ignore"))


def _compliance(cur: Connection, ctx: Context) -> Slide:
    """The index of compliance with recommendations of each entity in the selection, and its groups.

    Every recommendation of the entities counts, whatever the gestión of its report (as in the profile), read
    at the deck's date; an entity whose index is unknown is counted in the note, never drawn as 0.
    """
    lang = ctx.lang
    frame = compliance.by_entity(cur, as_of=ctx.as_of, framework=ctx.framework, **ctx.scope)
    counts = compliance.groups(frame).set_index("group")["entities"].to_dict()
    known = frame[frame["compliance_index"].notna()]
    if known.empty:
        headline, note = t("present.head.compliance_none", lang), ""
    else:
        headline = t("present.head.compliance", lang, high=counts["alto"], low=counts["bajo"], n=len(known),
                     median=_n(float(known["compliance_index"].median()), 1, lang))
        timely = known["timeliness"].notna()
        note = t("present.note.compliance", lang, medium=counts["medio"], unknown=counts[compliance.NO_DATA],
                 timely=int(timely.sum()), date=ctx.as_of.strftime("%d/%m/%Y"),
                 w_degree=_n(compliance.DEGREE_WEIGHT, 1, lang), w_time=_n(1 - compliance.DEGREE_WEIGHT, 1, lang))
    fig = compliance_charts.index_bars(frame, title=headline, lang=lang)
    data = frame[["entity_code", "entity_name", "counted", "in_time", "without_deadline", "not_applicable", "met", "met_on_time",
                  "met_with_deadline", "degree", "timeliness", "compliance_index", "group", "any_synthetic"]]
    return Slide("recs.compliance", headline, fig, note, "", t("present.slide.recs.compliance", lang), data)


# --- one entity's slides -------------------------------------------------------------------------


def _peers(ctx_scores: pd.DataFrame, entity: str, sectors: Sequence[str] | None, lang: str) -> tuple[list[str], str]:
    """The entity's peer group: the chosen sectors, else its own sector, else every entity of the round."""
    row = ctx_scores[ctx_scores["entity_code"] == entity]
    sector = None if row.empty else row.iloc[0]["sector"]
    others = ctx_scores[ctx_scores["entity_code"] != entity]
    if sectors:
        group = others[others["sector"].isin(list(sectors))]
        if not group.empty:
            return group["entity_code"].tolist(), t("present.peers.scope", lang, n=len(group))
    if isinstance(sector, str):
        group = others[others["sector"] == sector]
        if not group.empty:
            return group["entity_code"].tolist(), t("present.peers.sector", lang, n=len(group), sector=sector)
    return others["entity_code"].tolist(), t("present.peers.scope", lang, n=len(others))


def _radar_frame(cur: Connection, data, peers: list[str]) -> pd.DataFrame:
    areas = scoring.area_scores(cur, data.framework, data.period)
    mine = areas[areas["entity_code"] == data.entity_code]
    peer = areas[areas["entity_code"].isin(peers)].groupby("area_code")["area_score"].mean().rename("peer_score")
    frame = mine[["area_code", "area_name_es", "area_name_en", "area_order", "area_score"]].rename(
        columns={"area_score": "entity_score"})
    return frame.merge(peer, on="area_code", how="left").sort_values("area_order").reset_index(drop=True)


def entity_slides(cur: Connection, data, lang: str, *, sectors: Sequence[str] | None = None,
                  peer_by: str | None = None) -> list[Slide]:
    """The slides about one entity, from the executive summary's data (``report_pdf.gather``).

    ``peer_by`` (one of ``profile.PEER_GROUPS``) compares the entity with that peer group, named
    with its size, and with no mean below ``profile.MIN_PEERS``; otherwise the chosen sectors
    or its own sector, as before. Either way, peers and the position come from real records
    only unless ``data.include_synthetic``: a deck about one entity is as official as its summary.
    """
    from egov.export import report_pdf

    Entity = data.phrase(lang, capital=True)
    slides = []
    key = "present.head.entity_radar" if data.rank is not None else "present.head.entity_radar_unranked"
    headline = t(key, lang, Entity=Entity, index=_n(data.index_value, 1, lang),
                 band=data.band_name or "—", rank=data.rank if data.rank is not None else "—",
                 ranked=data.ranked or "—")
    coverage = t("present.note.coverage", lang, coverage=fmt_percent(data.coverage, 0, lang))
    if peer_by:
        raw = profile.peer_areas(cur, data.framework, data.period, data.entity_code, peer_by,
                                 real_only=not data.include_synthetic)
        radar_data = profile.comparable(raw)
        peer_label = t(f"entity.peer_label.{peer_by}", lang, n=int(raw["group_n"].max() or 0))
        note = profile.peer_sentence(raw, peer_by, data.period, lang,
                                     value_label=profile.group_label(raw, peer_by, lang)) + " " + coverage
    else:
        everyone = report_pdf.peers_scope(cur, data.framework, data.period, data.include_synthetic)
        peers, peer_words = _peers(everyone, data.entity_code, sectors, lang)
        radar_data = _radar_frame(cur, data, peers)
        peer_label = t("present.peers.label", lang)
        note = t("present.note.entity_radar", lang, peers=peer_words, coverage=fmt_percent(data.coverage, 0, lang))
    if not data.include_synthetic:
        note += " " + t("present.note.real_only", lang)
    fig = polar.radar(radar_data, title=headline, lang=lang, entity_label=data.short_name, peer_label=peer_label)
    slides.append(Slide("entity.radar", headline, fig, note, "", t("present.slide.entity.radar", lang), radar_data))

    criteria = pd.concat([a.criteria for a in [*data.areas, *([data.tools_area] if data.tools_area else [])]],
                         ignore_index=True) if (data.areas or data.tools_area) else pd.DataFrame()
    if not criteria.empty:
        assessed = criteria[criteria["status"] == "evaluado"]
        span = (assessed["scale_max"] - assessed["scale_min"]).replace(0, 1)
        established = int((((assessed["score"] - assessed["scale_min"]) / span) >= 0.75).sum())
        headline = t("present.head.entity_criteria", lang, Entity=Entity, n=established, total=len(criteria))
        fig = charts.criteria_levels(criteria, title=headline, lang=lang)
        slides.append(Slide("entity.criteria", headline, fig, t("present.note.entity_criteria", lang), "",
                            t("present.slide.entity.criteria", lang),
                            criteria[["area_code", "criterion_code", "name_es", "name_en", "status", "score",
                                      "level_label_es", "evidence"]]))

    if data.ladder_step is not None:
        headline = t("present.head.entity_tools", lang, Entity=Entity, step=data.ladder_step, top=data.ladder_top,
                     name=data.ladder_name)
    else:
        headline = t("present.slide.entity.tools", lang)
    lc = _lc(lang)
    own = data.tools[data.tools["status"] == "propia"][f"name_{lc}"].tolist()
    note = t("present.note.entity_tools", lang, own=", ".join(own)) if own else t("present.note.entity_tools_none",
                                                                                  lang)
    fig = charts.tool_statuses(data.tools, title=headline, lang=lang)
    slides.append(Slide("entity.tools", headline, fig, note, "", t("present.slide.entity.tools", lang),
                        data.tools[["tool_code", "name_es", "name_en", "status", "procedures_count", "scope"]]))

    recs = data.recommendations
    if recs.empty:
        headline = t("present.head.recs_none", lang)
    else:
        headline = t("present.head.entity_recs", lang, Entity=Entity, overdue=int(recs["is_overdue"].sum()),
                     total=len(recs), met=int(recs["is_met"].sum()))
    fig = charts.recommendation_table(recs, title=headline, lang=lang)
    recs_data = recs[["report_number", "rec_no", "area_code", "text_es", "due_date", "status", "is_overdue",
                      "days_overdue"]] if not recs.empty else pd.DataFrame()
    slides.append(Slide("entity.recs", headline, fig,
                        t("present.note.entity_recs", lang, report=data.report_number or "—",
                          date=data.generated.strftime("%d/%m/%Y")),
                        "", t("present.slide.entity.recs", lang), recs_data))
    slides.append(_entity_compliance(cur, data, lang, Entity))
    return slides


def _entity_compliance(cur: Connection, data, lang: str, Entity: str) -> Slide:
    """The entity's index of compliance with recommendations and its evolution across follow-up reports.

    The same records as its recommendations slide (real ones only unless ``data.include_synthetic``), every
    gestión, at the deck's date. An unknown degree or timeliness is written «no se conoce», never 0: DIGEMIG's
    report gives no acceptance, schedule or follow-up, so it has no credit and no deadline.
    """
    real_only = not data.include_synthetic
    row = compliance.of_entity(cur, data.entity_code, as_of=data.generated, framework=data.framework,
                               real_only=real_only)
    steps = compliance.evolution(cur, [data.entity_code], real_only=real_only, framework=data.framework)
    steps = steps[pd.to_datetime(steps["as_of"]).dt.date <= data.generated] if not steps.empty else steps

    def shown(value) -> str:
        return t("present.compliance.unknown", lang) if value is None else _n(value, 1, lang)

    if row is None:
        headline = t("present.head.recs_none", lang)
        note = ""
    else:
        key = "present.head.entity_compliance" if row["compliance_index"] is not None \
            else "present.head.entity_compliance_unknown"
        headline = t(key, lang, Entity=Entity, index=shown(row["compliance_index"]), degree=shown(row["degree"]),
                     timeliness=shown(row["timeliness"]),
                     group=t(f"compliance.group.{compliance.group_of(row['compliance_index'])}", lang))
        note = t("present.note.entity_compliance", lang, counted=row["counted"], in_time=row["in_time"],
                 without_deadline=row["without_deadline"],
                 na=row["not_applicable"], on_time=row["met_on_time"], with_deadline=row["met_with_deadline"],
                 date=data.generated.strftime("%d/%m/%Y"), reports=len(steps))
    fig = compliance_charts.evolution(steps, title=headline, lang=lang)
    table = steps if not steps.empty else (pd.DataFrame([row]) if row is not None else pd.DataFrame())
    return Slide("entity.compliance", headline, fig, note, "", t("present.slide.entity.compliance", lang), table)


# --- the deck --------------------------------------------------------------------------------------


def build_deck(cur: Connection, framework: str, period: str | None = None, *, lang: str = "es",
               sectors: Sequence[str] | None = None, levels: Sequence[str] | None = None,
               entities: Sequence[str] | None = None, entity: str | None = None,
               only: Sequence[str] | None = None, as_of: date | None = None,
               peer_by: str | None = None, include_synthetic: bool = False) -> list[Slide]:
    """The slides of a presentation ([] when nothing is assessed in the selection).

    ``include_synthetic`` (a deck about one entity): compare with the demonstration data too; the slides
    then carry the demonstration mark. By default that deck uses real records only.

    ``only``: the keys to keep (in the deck's order); unknown keys are ignored.
    ``entity``: a deck about that entity (raises ``report_pdf.ReportError`` if
    it has no assessment).
    """
    scope = {"sectors": list(sectors) if sectors else None, "levels": list(levels) if levels else None,
             "entities": list(entities) if entities else None}
    wanted = list(only) if only else None

    def keep(key: str) -> bool:
        return wanted is None or key in wanted

    if entity:
        from egov.export import report_pdf

        data = report_pdf.gather(cur, framework, entity, period, as_of=as_of, lang=lang,
                                 include_synthetic=include_synthetic)
        slides = [s for s in entity_slides(cur, data, lang, sectors=sectors, peer_by=peer_by) if keep(s.key)]
        source = source_note(framework, data.framework_version, data.period, {}, lang, data.generated,
                             synthetic=data.is_synthetic, entity=data.short_name)
        for slide in slides:
            slide.source, slide.synthetic, slide.subject = source, data.is_synthetic, data.entity_name
        return _ordered(slides, wanted)

    ctx = _context(cur, framework, period, lang, scope, as_of)
    if ctx is None:
        return []
    slides: list[Slide] = []
    if keep("overview.ranking"):
        slides.append(_ranking(ctx))
    if keep("overview.levels"):
        slides.append(_levels(ctx))
    if wanted is None or any(k.startswith("area.") for k in wanted):
        slides.extend(s for s in _area_slides(cur, ctx) if keep(s.key))
    for key, make in (("tools.ladder", _ladder), ("tools.combinations", _combinations), ("tools.network", _network)):
        if keep(key):
            made = make(cur, ctx)
            if made is not None:
                slides.append(made)
    if keep("recs.status"):
        slides.append(_recommendations(cur, ctx))
    if keep("recs.compliance"):
        slides.append(_compliance(cur, ctx))
    source = source_note(framework, ctx.version, ctx.period, scope, lang, ctx.as_of, synthetic=ctx.synthetic)
    for slide in slides:
        slide.source, slide.synthetic = source, ctx.synthetic
    return _ordered(slides, wanted)


def _ordered(slides: list[Slide], wanted: list[str] | None) -> list[Slide]:
    if not wanted:
        return slides
    rank = {key: i for i, key in enumerate(wanted)}
    return sorted(slides, key=lambda s: rank.get(s.key, len(rank)))


def slide_names(cur: Connection, framework: str, period: str | None = None, *, lang: str = "es",
                entity: str | None = None) -> list[tuple[str, str]]:
    """(key, name) of every slide a deck can hold, without drawing anything (for the setup panel)."""
    if entity:
        return [(key, t(f"present.slide.{key}", lang)) for key in ENTITY_KEYS]
    names = [("overview.ranking", t("present.slide.overview.ranking", lang)),
             ("overview.levels", t("present.slide.overview.levels", lang))]
    periods = scoring.periods(cur, framework)
    if periods:
        areas = scoring.area_scores(cur, framework, period or periods[0])
        for row in areas.drop_duplicates("area_code").sort_values("area_order").itertuples():
            names.append((f"area.{row.area_code}", t("present.slide.area", lang,
                                                      area=getattr(row, f"area_name_{_lc(lang)}"))))
    names += [(key, t(f"present.slide.{key}", lang))
              for key in ("tools.ladder", "tools.combinations", "tools.network", "recs.status", "recs.compliance")]
    return names


# --- drawing a slide's chart on a screen or a 16:9 page ---------------------------------------------


# Static images and projected slides use the theme's font list (quoted, so Chromium reads it).
SLIDE_FONT = theme.FONT_FAMILY


def styled(fig: go.Figure, *, height: int, font_size: int = 16, keep_title: bool = False) -> go.Figure:
    """A copy of ``fig`` for a projector: the headline is shown apart (no chart title), larger type."""
    out = go.Figure(fig)
    out.update_layout(height=height, font=dict(size=font_size, family=SLIDE_FONT),
                      hoverlabel=dict(font=dict(size=font_size, family=SLIDE_FONT)))
    if not keep_title:
        out.update_layout(title=dict(text=""), margin=dict(t=48))
    return out


# --- the executive summary's charts ----------------------------------------------------------------


def report_figures(cur: Connection, data, lang: str = "es") -> list[tuple[str, str, go.Figure]]:
    """(section, caption, figure) for ``report_pdf.render``: sections 'results', 'tools', 'recs'.

    The same charts as the entity deck: the profile against its sector's peers
    and the criteria (results), the tools, and the recommendations.
    """
    by_key = {s.key: s for s in entity_slides(cur, data, lang)}
    out = []
    for key, section, caption, height in (("entity.radar", "results", "present.caption.radar", 470),
                                          ("entity.criteria", "results", "present.caption.criteria", 0),
                                          ("entity.tools", "tools", "present.caption.tools", 400)):
        slide = by_key.get(key)
        if slide is None:
            continue
        fig = styled(slide.figure, height=height or int(slide.figure.layout.height or 520), font_size=14,
                     keep_title=True)
        out.append((section, t(caption, lang), fig))
    return out
