"""Charts of the follow-up of recommendations: status by entity or area, ageing, share met per round.

Recommendation statuses are categories with only a loose order, so they take
Okabe–Ito colours (defined once here, ``STATUS_COLORS``) rather than the
maturity scale: green = met, blues = under way, orange = pending, vermillion =
not met, grey = not applicable (left out of the shares). Every stacked bar
uses ``STATUS_ORDER``, from met to not met, so the same colour sits in the
same place on every chart. Titles state the finding (``*_title`` helpers).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.bars import entity_labels
from egov.charts.base import (
    LEGEND_ROOM,
    TITLE_WIDTH,
    bar_height,
    empty,
    figure,
    name_col,
    place_title,
)
from egov.i18n import fmt_number, fmt_percent, t

# Stacking and legend order: met first, not applicable last.
STATUS_ORDER = ("cumplida", "parcialmente_cumplida", "en_proceso", "pendiente", "no_cumplida", "no_aplicable")
NOT_APPLICABLE_COLOR = "#B9BAC0"
STATUS_COLORS: dict[str, str] = {
    "cumplida": theme.OKABE_ITO[2],  # bluish green
    "parcialmente_cumplida": theme.OKABE_ITO[4],  # sky blue
    "en_proceso": theme.OKABE_ITO[0],  # blue
    "pendiente": theme.OKABE_ITO[1],  # orange
    "no_cumplida": theme.OKABE_ITO[5],  # vermillion
    "no_aplicable": NOT_APPLICABLE_COLOR,
}
NOT_DUE_COLOR, OVERDUE_COLOR = theme.OKABE_ITO[0], theme.OKABE_ITO[5]


def _narrow(fig: go.Figure, title: str, width: int | None, legend_rows: int = 0) -> go.Figure:
    """Wrap the title for a narrower chart (a half-width column) and leave room for a top legend."""
    return place_title(fig, title, width=width or TITLE_WIDTH, top_extra=LEGEND_ROOM * legend_rows)


def status_name(status: str, lang: str) -> str:
    return t(f"followup.status.{status}", lang)


def _labels(frame: pd.DataFrame, dimension: str, lang: str) -> pd.Series:
    if dimension == "entity":
        return entity_labels(frame)
    return frame[f"area_name_{name_col(lang)}"].fillna(frame["area_code"]).astype(str)


def status_bars(counts: pd.DataFrame, *, dimension: str, title: str, lang: str,
                limit: int | None = None) -> go.Figure:
    """One horizontal bar per entity (or area), stacked by current status in ``STATUS_ORDER``.

    ``counts``: rows of queries/recommendation_by_entity.sql or _by_area.sql,
    in the order to show (first row on top); ``limit`` keeps the first rows.
    Entity bars carry the entity code in ``customdata[0]`` (a click opens the profile).
    """
    if counts.empty:
        return empty(t("followup.empty", lang), lang, title)
    df = counts.head(limit).copy() if limit else counts.copy()
    df["label"] = _labels(df, dimension, lang).to_numpy()
    names = df["entity_name"] if dimension == "entity" else df["label"]
    fig = figure(title, lang, height=bar_height(len(df), per_bar=24 if dimension == "entity" else 40, extra=200))
    for status in STATUS_ORDER:
        counts_of = df[status].astype(int)
        shares = [fmt_percent(n / total if total else None, 0, lang) for n, total in zip(counts_of, df["total"])]
        codes = df["entity_code"] if dimension == "entity" else df["area_code"]
        custom = list(zip(codes, names, shares, df["total"].astype(int), df["overdue"].astype(int)))
        fig.add_bar(
            y=df["label"], x=counts_of, orientation="h", name=status_name(status, lang),
            marker=dict(color=STATUS_COLORS[status], line=dict(color="#FFFFFF", width=0.5)),
            customdata=custom,
            hovertemplate=("<b>%{customdata[1]}</b><br>" + status_name(status, lang)
                           + ": %{x} / %{customdata[3]} (%{customdata[2]})<br>"
                           + t("followup.col.overdue", lang) + ": %{customdata[4]}<extra></extra>"))
    fig.update_layout(barmode="stack", bargap=0.3,
                      legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, traceorder="normal"))
    _narrow(fig, title, None, legend_rows=2)
    fig.update_yaxes(categoryorder="array", categoryarray=df["label"].tolist()[::-1], showgrid=False,
                     title=t("chart.axis.entity" if dimension == "entity" else "chart.axis.area", lang))
    fig.update_xaxes(title=t("followup.chart.axis.recommendations", lang), rangemode="tozero")
    return fig


def ageing_bars(ageing: pd.DataFrame, *, title: str, lang: str, title_width: int | None = None) -> go.Figure:
    """Open recommendations per ageing bucket (every bucket shown, oldest on the right)."""
    if ageing.empty or int(ageing["recommendations"].sum()) == 0:
        return empty(t("followup.chart.no_open", lang), lang, title)
    df = ageing.sort_values("bucket_order")
    total = int(df["recommendations"].sum())
    labels = [t(f"followup.ageing.{b}", lang) for b in df["bucket"]]
    shares = [fmt_percent(n / total, 0, lang) for n in df["recommendations"]]
    fig = figure(title, lang, height=400)
    fig.add_bar(x=labels, y=df["recommendations"], showlegend=False,
                marker=dict(color=[NOT_DUE_COLOR if b == "al_dia" else OVERDUE_COLOR for b in df["bucket"]]),
                text=[f"{int(n)} ({s})" for n, s in zip(df["recommendations"], shares)], textposition="outside",
                cliponaxis=False, customdata=shares,
                hovertemplate="<b>%{x}</b><br>" + t("followup.col.open", lang)
                + ": %{y} (%{customdata})<extra></extra>")
    top = int(df["recommendations"].max())
    fig.update_yaxes(title=t("followup.chart.axis.open", lang), range=[0, top * 1.2 + 1])
    fig.update_xaxes(title=t("followup.chart.axis.age", lang), categoryorder="array", categoryarray=labels)
    return _narrow(fig, title, title_width)


def share_met_bars(rounds: pd.DataFrame, *, title: str, lang: str, title_width: int | None = None) -> go.Figure:
    """Share met per round of the issuing report, with met / applicable on each bar."""
    df = rounds.dropna(subset=["period"])
    if df.empty:
        return empty(t("followup.empty", lang), lang, title)
    rounds_text = df["period"].astype(str)
    texts = [f"{fmt_percent(s, 0, lang)} ({int(m)}/{int(a)})" for s, m, a in
             zip(df["share_met"], df["met"], df["applicable"])]
    custom = df[["met", "applicable", "open", "overdue", "not_applicable", "total"]].astype(int).to_numpy()
    fig = figure(title, lang, height=360)
    fig.add_bar(x=rounds_text, y=df["share_met"].fillna(0), showlegend=False, text=texts,
                textposition="outside", cliponaxis=False, marker=dict(color=STATUS_COLORS["cumplida"]),
                customdata=custom,
                hovertemplate=("<b>" + t("followup.col.period", lang) + " %{x}</b><br>"
                               + t("followup.metric.share_met", lang) + ": %{y:.0%} (%{customdata[0]} / "
                               + "%{customdata[1]})<br>" + t("followup.col.open", lang) + ": %{customdata[2]}<br>"
                               + t("followup.col.overdue", lang) + ": %{customdata[3]}<br>"
                               + status_name("no_aplicable", lang) + ": %{customdata[4]}<extra></extra>"))
    fig.update_yaxes(title=t("followup.chart.axis.share_met", lang), range=[0, 1.15], tickformat=".0%",
                     tickvals=[0, 0.25, 0.5, 0.75, 1])
    fig.update_xaxes(title=t("followup.chart.axis.round", lang), type="category")
    return _narrow(fig, title, title_width)


# --- titles that state the finding ------------------------------------------------------------


def by_entity_title(summary: dict, lang: str) -> str:
    if not summary["total"]:
        return t("followup.by_entity", lang)
    return t("followup.chart.title.by_entity", lang, overdue=summary["overdue"], total=summary["total"],
             entities=summary["entities_with_overdue"], of=summary["entities"])


def by_area_title(by_area: pd.DataFrame, lang: str) -> str:
    df = by_area.dropna(subset=["share_met"])
    if df.empty:
        return t("followup.by_area", lang)
    low = df.sort_values(["share_met", "area_order"]).iloc[0]
    high = df.sort_values(["share_met", "area_order"], ascending=[False, True]).iloc[0]
    lc = name_col(lang)
    return t("followup.chart.title.by_area", lang, low=low[f"area_name_{lc}"],
             low_share=fmt_percent(low["share_met"], 0, lang), high=high[f"area_name_{lc}"],
             high_share=fmt_percent(high["share_met"], 0, lang))


def ageing_title(ageing: pd.DataFrame, lang: str) -> str:
    open_total = int(ageing["recommendations"].sum()) if not ageing.empty else 0
    if not open_total:
        return t("followup.ageing", lang)
    old = int(ageing.loc[ageing["bucket"] == "mas_365", "recommendations"].sum())
    return t("followup.chart.title.ageing", lang, old=old, total=open_total,
             share=fmt_percent(old / open_total, 0, lang))


def share_met_title(rounds: pd.DataFrame, lang: str) -> str:
    df = rounds.dropna(subset=["share_met"])
    if df.empty:
        return t("followup.share_by_round", lang)
    first, last = df.iloc[0], df.iloc[-1]
    if len(df) == 1:
        return t("followup.chart.title.share_one", lang, share=fmt_percent(last["share_met"], 0, lang),
                 period=last["period"])
    return t("followup.chart.title.share_rounds", lang, first=first["period"], last=last["period"],
             first_share=fmt_percent(first["share_met"], 0, lang),
             last_share=fmt_percent(last["share_met"], 0, lang))


def days_text(days, lang: str) -> str:
    return "—" if days is None or days != days else fmt_number(int(days), 0, lang)


# --- the life cycle of one entity's recommendations (the profile's timeline) -------------------------

EVENT_ORDER = ("emision", "recepcion", "aceptada", "no_aceptada", "cronograma", "reprogramacion", "avance",
               "calificacion")
EVENT_SYMBOLS = {"emision": "square", "recepcion": "circle-open", "aceptada": "circle", "no_aceptada": "x",
                 "cronograma": "diamond", "reprogramacion": "diamond-open", "avance": "triangle-up-open",
                 "calificacion": "star"}


def timeline(events: pd.DataFrame, *, title: str, lang: str, as_of=None) -> go.Figure:
    """Each recommendation a row, each recorded event a marker on its date; the agreed deadline (latest
    revision) a vermillion line when a schedule gives one. An event without a date is not drawn."""
    dated = events[events["event_date"].notna()]
    if dated.empty:
        return empty(t("followup.timeline.empty", lang), lang, title)
    rows = sorted({(r, int(n)) for r, n in zip(dated["report_number"], dated["rec_no"])})
    label = {key: t("followup.timeline.rec", lang, report=key[0], n=key[1]) for key in rows}
    fig = figure(title, lang, height=bar_height(len(rows), per_bar=46, minimum=300, extra=170))
    for event in EVENT_ORDER:
        part = dated[dated["event"] == event]
        if part.empty:
            continue
        colour = STATUS_COLORS.get(part["status"].iloc[0]) if event == "calificacion" else theme.TEXT_COLOR
        hover = [f"{t('followup.event.' + event, lang)} — {pd.Timestamp(d).strftime('%d/%m/%Y')}"
                 + (f"<br>{t('followup.status.' + s, lang)}" if isinstance(s, str) else "")
                 + (f"<br>{n}" if isinstance(n, str) else "")
                 for d, s, n in zip(part["event_date"], part["status"], part["followup_number"])]
        colours = [STATUS_COLORS.get(s, colour) if isinstance(s, str) else colour for s in part["status"]]
        fig.add_scatter(x=part["event_date"], y=[label[(r, int(n))] for r, n in zip(part["report_number"],
                                                                                     part["rec_no"])],
                        mode="markers",
                        name=t(f"followup.event.{event}", lang), hovertext=hover, hoverinfo="text",
                        marker=dict(symbol=EVENT_SYMBOLS[event], size=13, color=colours,
                                    line=dict(width=1.5, color=colours)))
    deadlines = events[events["deadline"].notna()].sort_values("event_date").groupby(
        ["report_number", "rec_no"]).tail(1)
    deadlines = deadlines[[(r, int(n)) in label for r, n in zip(deadlines["report_number"], deadlines["rec_no"])]]
    for row in deadlines.itertuples():
        key = (row.report_number, int(row.rec_no))
        fig.add_scatter(x=[row.deadline, row.deadline], y=[label[key], label[key]],
                        mode="markers", marker=dict(symbol="line-ns-open", size=22, color=OVERDUE_COLOR,
                                                    line=dict(width=3)),
                        name=t("followup.timeline.deadline", lang), showlegend=bool(row.Index == deadlines.index[0]),
                        hovertext=[t("followup.timeline.deadline", lang) + " — "
                                   + pd.Timestamp(row.deadline).strftime("%d/%m/%Y")] * 2, hoverinfo="text")
    if as_of is not None:
        fig.add_vline(x=pd.Timestamp(as_of).strftime("%Y-%m-%d"), line=dict(color=theme.NO_DATA_COLOR, dash="dot"))
    fig.update_yaxes(categoryorder="array", categoryarray=[label[key] for key in reversed(rows)], title=None)
    fig.update_xaxes(title=t("followup.timeline.axis", lang), type="date")
    fig.update_layout(legend=dict(orientation="h", y=-0.18))
    return fig


def timeline_title(recs: pd.DataFrame, lang: str) -> str:
    """The finding: how many recommendations have no schedule yet, how many are past their deadline."""
    if recs.empty:
        return t("followup.timeline.title_none", lang)
    return t("followup.timeline.title", lang, total=len(recs),
             unscheduled=int(recs["due_date"].isna().sum()),
             overdue=int((recs["stage"] == "plazo_vencido").sum()))
