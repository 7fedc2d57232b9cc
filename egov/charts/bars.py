"""Bar charts: the ranking, counts per level or step, failed criteria, combinations, movers, comparisons.

Every builder takes a DataFrame as the queries return it, a title that states
the finding (see ``egov.charts.findings``) and the language; entities carry
their code in ``customdata[0]`` so that a click can open the profile.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from egov.charts import theme
from egov.charts.base import LEGEND_ROOM, TOP_AXIS_ROOM, bar_height, empty, figure, name_col
from egov.i18n import fmt_number, fmt_percent, fmt_signed, t

UP_COLOR, DOWN_COLOR = theme.OKABE_ITO[0], theme.OKABE_ITO[5]


def _short(row) -> str:
    acronym = row.get("acronym")
    return str(acronym) if isinstance(acronym, str) and acronym else str(row["entity_code"])


def entity_labels(frame: pd.DataFrame) -> pd.Series:
    """Acronym (else code) of each row; made unique by appending the code when two collide."""
    labels = frame.apply(_short, axis=1) if not frame.empty else pd.Series(dtype=str)
    dup = labels.duplicated(keep=False)
    if dup.any():
        labels = labels.where(~dup, labels + " (" + frame["entity_code"].astype(str) + ")")
    return labels


def ranking(scores: pd.DataFrame, bands: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """The index of each entity, best at the top, coloured by its maturity band.

    ``scores``: rows of queries/entity_scores.sql; ``bands``: the framework's
    bands (band_code, name_es, name_en, lower_bound, sort_order).
    """
    df = scores.dropna(subset=["index_value"]).copy()
    if df.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df["label"] = entity_labels(df)
    df = df.sort_values(["index_value", "label"], ascending=[True, False])
    fig = figure(title, lang, height=bar_height(len(df)), top_extra=TOP_AXIS_ROOM)
    colours = theme.band_colors(bands.sort_values("sort_order")["band_code"].tolist())
    for _, band in bands.sort_values("sort_order").iterrows():
        part = df[df["band_code"] == band["band_code"]]
        if part.empty:
            continue
        # ``position_shown`` (when given): the position as displays show it, ties marked (see egov.sensitivity).
        rank = "position_shown" if "position_shown" in part else "rank_in_period"
        custom = part[["entity_code", "name", f"band_name_{lc}", rank, "ranked_in_period"]].copy()
        custom["coverage"] = part["coverage"].map(lambda v: fmt_percent(v, 0, lang))
        fig.add_bar(
            x=part["index_value"], y=part["label"], orientation="h", name=band[f"name_{lc}"],
            marker=dict(color=colours[band["band_code"]], line=dict(color="#4A4A4A", width=0.4)),
            customdata=custom.to_numpy(), texttemplate="%{x:.1f}", textposition="outside", cliponaxis=False,
            hovertemplate=("<b>%{customdata[1]}</b><br>" + t("chart.hover.index", lang) + ": %{x:.1f}<br>"
                           + t("chart.hover.band", lang) + ": %{customdata[2]}<br>"
                           + t("chart.hover.rank", lang) + ": %{customdata[3]} / %{customdata[4]}<br>"
                           + t("chart.hover.coverage", lang) + ": %{customdata[5]}<extra></extra>"))
    for bound in sorted(bands["lower_bound"].tolist())[1:]:
        fig.add_vline(x=bound, line=dict(color=theme.MUTED_COLOR, width=1, dash="dot"))
    # The index axis is drawn on top (readable beside the first bars); the legend sits at the foot.
    fig.update_layout(barmode="overlay", bargap=0.25, margin=dict(b=50),
                      legend=dict(orientation="h", x=0, yref="container", y=0, yanchor="bottom",
                                  traceorder="normal"))
    fig.update_yaxes(categoryorder="array", categoryarray=df["label"].tolist(),
                     title=t("chart.axis.entity", lang), showgrid=False)
    fig.update_xaxes(range=[0, 108], title=t("chart.axis.index", lang), side="top", tickvals=[0, 25, 50, 75, 100])
    return fig


def level_distribution(scores: pd.DataFrame, bands: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """How many entities sit in each maturity band (every band shown, even with none)."""
    df = scores.dropna(subset=["index_value"])
    if df.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    ordered = bands.sort_values("sort_order")
    counts = df["band_code"].value_counts()
    total = int(counts.sum())
    colours = theme.band_colors(ordered["band_code"].tolist())
    n = [int(counts.get(code, 0)) for code in ordered["band_code"]]
    shares = [fmt_percent(v / total if total else None, 0, lang) for v in n]
    ranges = [f"{fmt_number(lo, 0, lang)}–{fmt_number(hi, 0, lang)}"
              for lo, hi in zip(ordered["lower_bound"], ordered["upper_bound"])]
    fig = figure(title, lang, height=340)
    fig.add_bar(x=ordered[f"name_{lc}"], y=n, marker=dict(color=[colours[c] for c in ordered["band_code"]],
                                                           line=dict(color="#4A4A4A", width=0.4)),
                customdata=list(zip(shares, ranges)), text=[f"{v} ({s})" for v, s in zip(n, shares)],
                textposition="outside", cliponaxis=False, showlegend=False,
                hovertemplate=("<b>%{x}</b> (" + t("chart.hover.index", lang) + " %{customdata[1]})<br>"
                               + t("chart.hover.entities", lang) + ": %{y} (%{customdata[0]})<extra></extra>"))
    fig.update_yaxes(title=t("chart.axis.entities", lang), rangemode="tozero", range=[0, max(n) * 1.2 + 1])
    fig.update_xaxes(title=t("chart.axis.band", lang))
    return fig


def _names_list(names: list[str], limit: int = 12, *, chars: int | None = None) -> str:
    """The first ``limit`` names, and «… (+k)» for the others; with ``chars``, only as many whole
    names as fit in that many characters (a label cut in the middle of a name reads as another name)."""
    count = min(limit, len(names))
    if chars is not None:
        while count > 0 and len(_joined(names, count)) > chars:
            count -= 1
    return _joined(names, count)


def _joined(names: list[str], count: int) -> str:
    rest = len(names) - count
    return ", ".join(names[:count]) + (f"{' ' if count else ''}… (+{rest})" if rest else "")


LADDER_LABEL_CHARS = 72


def ladder_steps(ladder: pd.DataFrame, steps: pd.DataFrame, *, title: str, lang: str,
                 show_names: bool = True) -> go.Figure:
    """The adoption ladder: one bar per step (top step on top), its share of entities and who is on it.

    ``ladder``: rows of queries/tool_ladder.sql; ``steps``: step, name_es, name_en.
    Entities with own mechanisms ('propia') are counted beside each step.
    """
    if ladder.empty:
        return empty(t("chart.empty.no_tools", lang), lang, title)
    lc = name_col(lang)
    ordered = steps.sort_values("step")
    colours = theme.step_colors(ordered["step"].tolist())
    df = ladder.copy()
    df["label"] = entity_labels(df)
    total = len(df)
    rows = []
    for _, step in ordered.iterrows():
        on = df[df["step"] == step["step"]].sort_values("label")
        own = int(on["own_tools"].map(lambda v: len(v) > 0 if v is not None else False).sum())
        rows.append(dict(step=int(step["step"]), name=f"{int(step['step'])}. {step[f'name_{lc}']}", n=len(on),
                         share=len(on) / total, names=on["label"].tolist(), own=own))
    table = pd.DataFrame(rows)
    # Beside its bar a label has about LADDER_LABEL_CHARS characters of room on a full-width chart
    # (the longest bar leaves the least); longer, Plotly cuts it at the chart's edge mid-name.
    texts = []
    for r in table.itertuples():
        head = f"{r.n} ({fmt_percent(r.share, 0, lang)})"
        if show_names and r.n:
            head += " · " + _names_list(r.names, 8 if total > 60 else 14, chars=LADDER_LABEL_CHARS - len(head) - 3)
        texts.append(head)
    fig = figure(title, lang, height=90 + 58 * len(table))
    fig.add_bar(
        y=table["name"], x=table["share"], orientation="h", text=texts, textposition="outside",
        cliponaxis=False, showlegend=False,
        marker=dict(color=[colours[s] for s in table["step"]], line=dict(color="#4A4A4A", width=0.4)),
        customdata=list(zip(table["n"], [_names_list(n, 25) for n in table["names"]], table["own"])),
        hovertemplate=("<b>%{y}</b><br>" + t("chart.hover.entities", lang) + ": %{customdata[0]} (%{x:.0%})<br>"
                       + "%{customdata[1]}<br>" + t("chart.hover.own_mechanisms", lang)
                       + ": %{customdata[2]}<extra></extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=table["name"].tolist(), showgrid=False, title="")
    fig.update_xaxes(range=[0, 1.75 if show_names else 1.15], tickformat=".0%",
                     title=t("chart.axis.share_entities", lang), tickvals=[0, 0.25, 0.5, 0.75, 1])
    return fig


def failed_criteria(failed: pd.DataFrame, *, title: str, lang: str, limit: int = 10) -> go.Figure:
    """The criteria most entities fail (share of assessed entities below the middle of the scale).

    ``failed``: rows of queries/criteria_failed.sql.
    """
    df = failed[failed["assessed"] > 0].head(limit)
    if df.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df = df.iloc[::-1]
    labels = df["criterion_code"] + " " + df[f"name_{lc}"].str.slice(0, 48)
    fig = figure(title, lang, height=bar_height(len(df), per_bar=30))
    fig.add_bar(y=labels, x=df["share_failing"], orientation="h", showlegend=False,
                marker=dict(color=theme.scale_color(0.55)), texttemplate="%{x:.0%}", textposition="outside",
                cliponaxis=False,
                customdata=df[[f"name_{lc}", f"area_name_{lc}", "failing", "assessed"]].to_numpy(),
                hovertemplate=("<b>%{customdata[0]}</b><br>" + t("chart.hover.area", lang) + ": %{customdata[1]}<br>"
                               + t("chart.hover.failing", lang)
                               + ": %{customdata[2]} / %{customdata[3]} (%{x:.0%})<extra></extra>"))
    fig.update_xaxes(range=[0, 1.12], tickformat=".0%", title=t("chart.axis.share_failing", lang))
    fig.update_yaxes(title="", showgrid=False)
    return fig


def combinations(combos: pd.DataFrame, *, title: str, lang: str, limit: int = 10) -> go.Figure:
    """The most common sets of tools used through the state platforms.

    ``combos``: combination_es, combination_en, entities, share, tools_count.
    """
    df = combos.head(limit)
    if df.empty:
        return empty(t("chart.empty.no_tools", lang), lang, title)
    lc = name_col(lang)
    df = df.iloc[::-1]
    fig = figure(title, lang, height=bar_height(len(df), per_bar=30))
    colours = [theme.scale_color(min(n, 4) / 4) for n in df["tools_count"]]
    fig.add_bar(y=df[f"combination_{lc}"], x=df["entities"], orientation="h", showlegend=False,
                marker=dict(color=colours, line=dict(color="#4A4A4A", width=0.4)),
                customdata=df["share"], texttemplate="%{x} (%{customdata:.0%})", textposition="outside",
                cliponaxis=False,
                hovertemplate="<b>%{y}</b><br>" + t("chart.hover.entities", lang)
                + ": %{x} (%{customdata:.0%})<extra></extra>")
    fig.update_xaxes(title=t("chart.axis.entities", lang), range=[0, df["entities"].max() * 1.25 + 0.5])
    fig.update_yaxes(title="", showgrid=False)
    return fig


def movers(changes: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """The entities whose index moved most between two rounds, gains up top, losses below.

    ``changes``: entity_code, name, acronym, index_from, index_to, change.
    """
    df = changes.dropna(subset=["change"]).copy()
    if df.empty:
        return empty(t("chart.empty.no_history", lang), lang, title)
    df["label"] = entity_labels(df)
    df = df.sort_values("change")
    fig = figure(title, lang, height=bar_height(len(df)))
    fig.add_bar(y=df["label"], x=df["change"], orientation="h", showlegend=False,
                marker=dict(color=[UP_COLOR if v >= 0 else DOWN_COLOR for v in df["change"]]),
                text=[fmt_signed(v, 1, lang) for v in df["change"]], textposition="outside", cliponaxis=False,
                customdata=df[["entity_code", "name", "index_from", "index_to"]].to_numpy(),
                hovertemplate=("<b>%{customdata[1]}</b><br>" + t("chart.hover.change", lang)
                               + ": %{x:+.1f}<br>%{customdata[2]:.1f} → %{customdata[3]:.1f}<extra></extra>"))
    reach = max(abs(df["change"]).max(), 1) * 1.3
    fig.update_xaxes(range=[-reach, reach], title=t("chart.axis.change", lang), zeroline=True,
                     zerolinewidth=1.5)
    fig.update_yaxes(categoryorder="array", categoryarray=df["label"].tolist(), title="", showgrid=False)
    return fig


def compare_areas(areas: pd.DataFrame, *, title: str, lang: str) -> go.Figure:
    """Two to six entities side by side, one group of bars per area.

    ``areas``: entity_code, name, acronym, area_code, area_name_es/en, area_order, area_score.
    """
    if areas.empty:
        return empty(t("chart.empty.no_scores", lang), lang, title)
    lc = name_col(lang)
    df = areas.copy()
    entities = df.drop_duplicates("entity_code")[["entity_code", "name", "acronym"]].reset_index(drop=True)
    entities["label"] = entity_labels(entities)
    df = df.merge(entities[["entity_code", "label"]], on="entity_code")
    order = df.drop_duplicates("area_code").sort_values("area_order")[f"area_name_{lc}"].tolist()
    fig = figure(title, lang, height=450, top_extra=LEGEND_ROOM)
    for i, ent in entities.iterrows():
        part = df[df["entity_code"] == ent["entity_code"]].sort_values("area_order")
        fig.add_bar(x=part[f"area_name_{lc}"], y=part["area_score"], name=ent["label"],
                    marker=dict(color=theme.OKABE_ITO[i % len(theme.OKABE_ITO)]),
                    customdata=part[["entity_code", "name"]].to_numpy(),
                    hovertemplate=("<b>%{customdata[1]}</b><br>%{x}: %{y:.1f}<extra></extra>"))
    fig.update_layout(barmode="group", legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0))
    fig.update_xaxes(categoryorder="array", categoryarray=order, title=t("chart.axis.area", lang))
    fig.update_yaxes(range=[0, 100], title=t("chart.axis.area_score", lang))
    return fig
