"""The supervision programme as a timeline: one row per entity, a bar from the planned start to the planned end
of each programmed supervision coloured by its state, the report's issue date, and the follow-ups that fall due.

States are the stages of one life (programada → en ejecución → informe emitido → seguimiento programado), so
they take evenly spaced colours of the project's one ordered scale (``theme.level_colors``), light = earliest.
A supervision without planned dates gets no bar: the chart invents no dates (the page lists those apart).
A recommendation's deadline is a diamond on its entity's row, only when a schedule on record gives it.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

from egov import kinds
from egov.charts import theme
from egov.charts.base import LEGEND_ROOM, TOP_AXIS_ROOM, bar_height, empty, figure, literal
from egov.i18n import t

STATE_COLORS: dict[str, str] = theme.level_colors(list(kinds.PROGRAMME_STATES))
DUE_COLOR = theme.OKABE_ITO[5]  # vermillion: a deadline is a category of its own, not a stage
ISSUED_COLOR = theme.TEXT_COLOR


def _label(row) -> str:
    acronym = row.get("acronym")
    code = acronym if isinstance(acronym, str) and acronym else row["entity_code"]
    return f"{code} ({t('programme.work_kind.seguimiento')})" if row.get("work_kind") == "seguimiento" else code


def _date(value) -> str:
    return pd.Timestamp(value).strftime("%d/%m/%Y") if value is not None and not pd.isna(value) else "—"


def timeline(planned: pd.DataFrame, due: pd.DataFrame, *, title: str, lang: str,
             window: tuple | None = None) -> go.Figure:
    """Bars (planned start → end) per programmed supervision, issue-date markers, follow-up deadline diamonds.

    ``window`` (the gestión's first and last day) sets the axis, widened to any date outside it.
    """
    dated = planned.dropna(subset=["planned_start", "planned_end"]) if not planned.empty else planned
    issued = (planned.dropna(subset=["report_issue_date"]) if not planned.empty else planned)
    if dated.empty and issued.empty and due.empty:
        return empty(t("programme.page.none_selected", lang), lang, title)
    rows: list[str] = []
    for frame in (dated, issued):
        for _, r in frame.iterrows():
            label = _label(r)
            if label not in rows:
                rows.append(label)
    for _, r in due.iterrows():
        label = _label({**r, "work_kind": "supervision"})
        if label not in rows:
            rows.append(label)
    fig = figure(title, lang, height=bar_height(len(rows), per_bar=26) + LEGEND_ROOM, top_extra=TOP_AXIS_ROOM)
    for state in kinds.PROGRAMME_STATES:
        of_state = dated[dated["state"] == state] if not dated.empty else dated
        if of_state.empty:
            continue
        starts = pd.to_datetime(of_state["planned_start"])
        # The planned end is a whole day: the bar runs to the end of it.
        ends = pd.to_datetime(of_state["planned_end"]) + timedelta(days=1)
        name = t(f"programme.state.{state}", lang)
        hover = [f"<b>{literal(_label(r))}</b> · {literal(name)}<br>{_date(r['planned_start'])} – "
                 f"{_date(r['planned_end'])}<br>{literal(r['office']) if isinstance(r['office'], str) else '—'}"
                 for _, r in of_state.iterrows()]
        fig.add_bar(base=starts, x=(ends - starts).dt.total_seconds() * 1000,
                    y=[_label(r) for _, r in of_state.iterrows()],
                    orientation="h", name=name, marker=dict(color=STATE_COLORS[state],
                                                           line=dict(color="#4A4A4A", width=0.5)),
                    customdata=of_state[["entity_code"]].to_numpy(), hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>")
    if not issued.empty:
        fig.add_scatter(x=pd.to_datetime(issued["report_issue_date"]), y=[_label(r) for _, r in issued.iterrows()],
                        mode="markers", name=t("programme.page.issued_legend", lang),
                        marker=dict(symbol="line-ns-open", size=16, color=ISSUED_COLOR, line=dict(width=2.5)),
                        customdata=issued[["entity_code"]].to_numpy(),
                        hovertext=[f"<b>{literal(_label(r))}</b><br>{literal(r['report_number'])}: "
                                   f"{_date(r['report_issue_date'])}" for _, r in issued.iterrows()],
                        hovertemplate="%{hovertext}<extra></extra>")
    if not due.empty:
        fig.add_scatter(x=pd.to_datetime(due["due_date"]),
                        y=[_label({**r, "work_kind": "supervision"}) for _, r in due.iterrows()], mode="markers",
                        name=t("programme.page.due_legend", lang),
                        marker=dict(symbol="diamond", size=10, color=DUE_COLOR, line=dict(color="#FFFFFF", width=1)),
                        customdata=due[["entity_code"]].to_numpy(),
                        hovertext=[f"<b>{literal(_label({**r, 'work_kind': 'supervision'}))}</b> · "
                                   f"{literal(r['report_number'])} n.º {int(r['rec_no'])}<br>"
                                   f"{t('programme.col.due_date', lang)}: {_date(r['due_date'])}"
                                   for _, r in due.iterrows()],
                        hovertemplate="%{hovertext}<extra></extra>")
    xaxis = dict(type="date", title=t("programme.page.axis", lang), side="top", tickformat="%d/%m/%Y")
    if window is not None:
        shown = [pd.Timestamp(d) for frame, cols in ((dated, ("planned_start", "planned_end")),
                                                     (issued, ("report_issue_date",)), (due, ("due_date",)))
                 if not frame.empty for c in cols for d in frame[c].dropna()]
        low = min([pd.Timestamp(window[0])] + shown) - timedelta(days=5)
        high = max([pd.Timestamp(window[1])] + shown) + timedelta(days=6)
        xaxis["range"] = [low, high]
    fig.update_layout(barmode="overlay", legend=dict(orientation="h", y=-0.06), xaxis=xaxis,
                      yaxis=dict(categoryorder="array", categoryarray=list(reversed(rows)), title=""))
    return fig
