"""Chart builders the slides and the executive summary need and no other builder covers.

- ``score_columns``: many entities' scores (index or one area) as upright bars,
  best first, coloured by maturity band: it stays legible with ~50 entities on
  a 16:9 slide, where a horizontal ranking would need 1000 px of height;
- ``recommendation_status``: recommendations per area, stacked by status;
- ``criteria_levels``: one entity's level on each criterion (unknown and not
  applicable drawn apart, never as zero);
- ``tool_statuses``: one entity's adoption status of each tool;
- ``recommendation_table``: one entity's recommendations as a table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.bars import entity_labels
from egov.charts.base import empty, figure, literal, name_col
from egov.i18n import fmt_number, t

# Recommendation statuses, best outcome first; colours: met = the mature end of
# the scale, not met = Okabe-Ito vermillion, not applicable = no-data grey.
REC_STATUS_ORDER = ("cumplida", "parcialmente_cumplida", "en_proceso", "pendiente", "no_cumplida", "no_aplicable")
REC_STATUS_COLORS = {
    "cumplida": theme.scale_color(1.0), "parcialmente_cumplida": theme.scale_color(0.62),
    "en_proceso": theme.scale_color(0.35), "pendiente": theme.scale_color(0.08),
    "no_cumplida": theme.OKABE_ITO[5], "no_aplicable": theme.NO_DATA_COLOR,
}


def bands_of(values: pd.Series, bands: pd.DataFrame) -> list[str | None]:
    """The band code whose range holds each value (lower bound inclusive; the top band includes 100)."""
    ordered = bands.sort_values("lower_bound")
    codes = ordered["band_code"].tolist()
    at = np.searchsorted(ordered["lower_bound"].to_numpy(dtype=float), values.to_numpy(dtype=float), side="right") - 1
    return [codes[i] if i >= 0 and v == v else None for i, v in zip(at, values)]


def score_columns(frame: pd.DataFrame, bands: pd.DataFrame, *, value: str, title: str, lang: str,
                  y_title: str, hover_label: str) -> go.Figure:
    """One upright bar per entity (best on the left), coloured by the band its value falls in.

    ``frame``: entity_code, name, acronym and the ``value`` column (0–100).
    """
    df = frame.dropna(subset=[value]).copy()
    if df.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df["label"] = entity_labels(df)
    df = df.sort_values([value, "label"], ascending=[False, True])
    df["band"] = bands_of(df[value], bands)
    ordered = bands.sort_values("sort_order")
    colours = theme.band_colors(ordered["band_code"].tolist())
    names = dict(zip(ordered["band_code"], ordered[f"name_{lc}"]))
    fig = figure(title, lang, height=520)
    many = len(df) > 30
    for band in ordered["band_code"]:
        part = df[df["band"] == band]
        if part.empty:
            continue
        fig.add_bar(x=part["label"], y=part[value], name=names[band],
                    marker=dict(color=colours[band], line=dict(color="#4A4A4A", width=0.4)),
                    customdata=part[["entity_code", "name"]].to_numpy(),
                    texttemplate="%{y:.0f}", textposition="outside", cliponaxis=False,
                    textfont=dict(size=10 if many else 12),
                    hovertemplate=("<b>%{customdata[1]}</b><br>" + literal(hover_label) + ": %{y:.1f}<br>"
                                   + names[band] + "<extra></extra>"))
    for bound in sorted(ordered["lower_bound"].tolist())[1:]:
        fig.add_hline(y=bound, line=dict(color=theme.MUTED_COLOR, width=1, dash="dot"))
    fig.update_layout(barmode="overlay", bargap=0.2,
                      legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, traceorder="normal"))
    fig.update_xaxes(categoryorder="array", categoryarray=df["label"].tolist(), tickangle=-60 if many else -35,
                     title=t("chart.axis.entity", lang), tickfont=dict(size=10 if many else 12))
    fig.update_yaxes(range=[0, 108], tickvals=[0, 25, 50, 75, 100], title=y_title)
    return fig


def recommendation_status(by_area: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """Recommendations of each area stacked by current status (rows of followup.status_by('area'))."""
    if by_area.empty or int(by_area["total"].sum()) == 0:
        return empty(t("present.head.recs_none", lang), lang, title)
    lc = name_col(lang)
    df = by_area.sort_values("area_order", ascending=False)
    fig = figure(title, lang, height=420)
    for status in REC_STATUS_ORDER:
        counts = df[status].fillna(0).astype(int)
        label = t(f"followup.status.{status}", lang)
        fig.add_bar(y=df[f"area_name_{lc}"], x=counts, orientation="h", name=label,
                    marker=dict(color=REC_STATUS_COLORS[status], line=dict(color="#4A4A4A", width=0.4)),
                    text=[str(v) if v else "" for v in counts], textposition="inside", insidetextanchor="middle",
                    textfont=dict(color=theme.text_color_on(REC_STATUS_COLORS[status])),
                    customdata=df[["overdue", "total"]].to_numpy(),
                    hovertemplate=("<b>%{y}</b><br>" + label + ": %{x}<br>"
                                   + t("present.axis.recommendations", lang) + ": %{customdata[1]}<extra></extra>"))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0,
                                                   traceorder="normal"))
    fig.update_xaxes(title=t("present.axis.recommendations", lang))
    fig.update_yaxes(title="", showgrid=False)
    return fig


def criteria_levels(criteria: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """One entity's criteria (rows of queries/report_criteria.sql), the level reached as a bar.

    A criterion not assessed ('desconocido', 'no_aplica', 'sin_dato') gets a
    grey stub and its status as text, so it can never be read as a zero.
    """
    if criteria.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df = criteria.iloc[::-1].reset_index(drop=True)
    labels = (df["criterion_code"].astype(str) + " " + df[f"name_{lc}"].astype(str).str.slice(0, 52)).tolist()
    values, colours, texts = [], [], []
    for row in df.itertuples():
        assessed = row.status == "evaluado" and row.score == row.score and row.score is not None
        if assessed:
            span = (row.scale_max - row.scale_min) or 1
            share = (row.score - row.scale_min) / span
            values.append(share * 4)
            colours.append(theme.scale_color(share))
            label = getattr(row, f"level_label_{lc}")
            texts.append(f"{fmt_number(row.score, 0, lang)} {label}" if isinstance(label, str) else
                         fmt_number(row.score, 0, lang))
        else:
            values.append(0.12)
            colours.append(theme.NO_DATA_COLOR)
            texts.append(t(f"export.score_status.{row.status}", lang))
    fig = figure(title, lang, height=max(360, 120 + 24 * len(df)))
    fig.add_bar(y=labels, x=values, orientation="h", showlegend=False, text=texts, textposition="outside",
                textfont=dict(size=11 if len(df) > 16 else 13),
                cliponaxis=False, marker=dict(color=colours, line=dict(color="#4A4A4A", width=0.4)),
                customdata=df[[f"name_{lc}"]].to_numpy(),
                hovertemplate="<b>%{customdata[0]}</b><br>%{text}<extra></extra>")
    fig.update_xaxes(range=[0, 5.4], tickvals=[0, 1, 2, 3, 4], title=t("present.axis.criterion_level", lang))
    fig.update_yaxes(title="", showgrid=False, categoryorder="array", categoryarray=labels,
                     tickfont=dict(size=11 if len(df) > 16 else 13))
    return fig


def tool_statuses(tools: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """One entity's tools (rows of queries/report_tools.sql): status as a bar length 0–3."""
    if tools.empty:
        return empty(t("chart.empty.no_tools", lang), lang, title)
    lc = name_col(lang)
    df = tools.sort_values("sort_order", ascending=False)
    order = {s: i for i, s in enumerate(theme.TOOL_STATUS_ORDER)}
    values, colours, texts, scopes = [], [], [], []
    for row in df.itertuples():
        status = row.status if isinstance(row.status, str) else None
        values.append(order[status] if status else 0.08)
        colours.append(theme.TOOL_STATUS_COLORS[status] if status else theme.NO_DATA_COLOR)
        texts.append(t(f"chart.status.{status}", lang) if status else t("chart.status.sin_dato", lang))
        scopes.append(row.scope[:90] if isinstance(row.scope, str) else "")
    values = [max(v, 0.08) for v in values]
    fig = figure(title, lang, height=max(340, 120 + 40 * len(df)))
    fig.add_bar(y=df[f"name_{lc}"], x=values, orientation="h", showlegend=False, text=texts,
                textposition="outside", cliponaxis=False,
                marker=dict(color=colours, line=dict(color="#4A4A4A", width=0.4)), customdata=scopes,
                hovertemplate="<b>%{y}</b><br>%{text}<br>%{customdata}<extra></extra>")
    fig.update_xaxes(range=[0, 4.3], tickvals=[0, 1, 2, 3],
                     ticktext=[t(f"chart.status.{s}", lang) for s in theme.TOOL_STATUS_ORDER],
                     title=t("present.axis.tool_status", lang))
    fig.update_yaxes(title="", showgrid=False)
    return fig


def recommendation_table(recs: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """One entity's recommendations: number, text, area, due date and status (overdue in vermillion)."""
    if recs.empty:
        return empty(t("present.head.recs_none", lang), lang, title)
    lc = name_col(lang)
    df = recs.sort_values("rec_no")
    texts = [_wrap(str(v), 92) for v in df["text_es"]]
    status = []
    for row in df.itertuples():
        # The life-cycle stage when known (a recommendation without a schedule is «sin cronograma», never overdue).
        stage = getattr(row, "stage", None)
        label = t(f"followup.stage.{stage}", lang) if isinstance(stage, str) else t(f"followup.status.{row.status}",
                                                                                    lang)
        if bool(row.is_overdue):
            label += "<br>" + t("present.overdue_days", lang, days=int(row.days_overdue))
        status.append(label)
    fill = [["#FFFFFF" if i % 2 == 0 else "#F3F5F8" for i in range(len(df))]]
    status_colour = [theme.OKABE_ITO[5] if bool(v) else theme.TEXT_COLOR for v in df["is_overdue"]]
    due = [pd.Timestamp(v).strftime("%d/%m/%Y") if v == v and v is not None else "—" for v in df["due_date"]]
    fig = figure(title, lang, height=120 + 62 * len(df))
    fig.add_table(
        columnwidth=[0.45, 6.6, 1.9, 1.1, 1.9],
        header=dict(values=[t("present.col.rec_no", lang), t("present.col.recommendation", lang),
                            t("present.col.area", lang), t("present.col.due", lang), t("present.col.status", lang)],
                    fill_color="#E6EDF4", align="left", font=dict(size=14, color=theme.TEXT_COLOR), height=32),
        cells=dict(values=[df["rec_no"].astype(int).tolist(), texts,
                           [_wrap(str(v), 20) for v in df[f"area_name_{lc}"]], due, status],
                   fill_color=fill * 5, align="left", height=30,
                   font=dict(size=13, color=[[theme.TEXT_COLOR] * len(df)] * 4 + [status_colour])))
    fig.update_layout(margin=dict(l=10, r=10, b=10))
    return fig


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "<br>".join(textwrap.wrap(text, width=width)) or text
