"""The one-sentence finding each chart's title states, computed from the data it draws.

Every function takes the frame the chart takes (as the core functions return
it) and the language, and returns a sentence such as «12 de 40 entidades
solo usan firma digital; 3 alcanzan la interoperabilidad plena». Numbers go
through ``fmt_number``/``fmt_percent`` (decimal comma in Spanish). The pages,
the slides and the PDF use the same sentences, so a figure reads the same
everywhere.
"""

from __future__ import annotations

import pandas as pd

from egov.charts.bars import entity_labels
from egov.i18n import fmt_number, fmt_percent, t

SIGNATURE_STEP = 1  # "Solo firma digital" in the default ladder
FULL_STEP = 4       # "Interoperabilidad plena"


def _lc(lang: str) -> str:
    return "en" if lang == "en" else "es"


def _num(value, lang: str, decimals: int = 1) -> str:
    return fmt_number(value, decimals, lang)


def _join(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    last = " and " if lang == "en" else " y "
    return ", ".join(names[:-1]) + last + names[-1]


def _has_own(value) -> bool:
    try:
        return value is not None and len(value) > 0
    except TypeError:
        return False


# --- Resumen ---------------------------------------------------------------------------------


def ladder_counts(ladder: pd.DataFrame, *, signature_step: int = SIGNATURE_STEP,
                  full_step: int = FULL_STEP) -> dict[str, int]:
    """How many entities (rows of tool_ladder.sql, one period) use only digital signature,
    reach full interoperability, and work with own mechanisms; and the total."""
    if ladder.empty:
        return {"total": 0, "signature": 0, "full": 0, "own": 0}
    own = int(ladder["own_tools"].map(_has_own).sum()) if "own_tools" in ladder else 0
    return {"total": int(len(ladder)), "signature": int((ladder["step"] == signature_step).sum()),
            "full": int((ladder["step"] == full_step).sum()), "own": own}


def only_signature(ladder: pd.DataFrame, lang: str, *, signature_step: int = SIGNATURE_STEP,
                   full_step: int = FULL_STEP, with_own: bool = False) -> str:
    """«12 de 40 entidades solo usan firma digital; 3 alcanzan la interoperabilidad plena»."""
    counts = ladder_counts(ladder, signature_step=signature_step, full_step=full_step)
    if not counts["total"]:
        return t("findings.ladder.none", lang)
    one_sig, one_full = counts["signature"] == 1, counts["full"] == 1
    key = {(False, False): "findings.ladder.signature_full", (True, True): "findings.ladder.signature_full_one",
           (False, True): "findings.ladder.signature_many_full_one",
           (True, False): "findings.ladder.signature_one_full_many"}[(one_sig, one_full)]
    text = t(key, lang, signature=counts["signature"], total=counts["total"], full=counts["full"])
    if with_own and counts["own"]:
        text += t("findings.ladder.own", lang, own=counts["own"])
    return text


def ranking_headline(scores: pd.DataFrame, lang: str) -> str:
    """Who leads, who trails and the median of the index (rows of entity_scores.sql, one period)."""
    df = scores.dropna(subset=["index_value"]).copy()
    if df.empty:
        return t("findings.ranking.none", lang)
    df["label"] = entity_labels(df).to_numpy()
    df = df.sort_values(["index_value", "label"], ascending=[False, True])
    top_value = df["index_value"].iloc[0]
    if len(df) == 1:
        return t("findings.ranking.single", lang, top=df["label"].iloc[0], top_value=_num(top_value, lang))
    leaders = df[df["index_value"].round(2) == round(float(top_value), 2)]["label"].tolist()
    values = dict(top_value=_num(top_value, lang), bottom=df["label"].iloc[-1],
                  bottom_value=_num(df["index_value"].iloc[-1], lang),
                  median=_num(df["index_value"].median(), lang))
    if 1 < len(leaders) < len(df):
        return t("findings.ranking.tied", lang, top=_join(leaders[:4], lang), **values)
    return t("findings.ranking.top", lang, top=leaders[0], **values)


def levels_headline(scores: pd.DataFrame, lang: str, bands: pd.DataFrame | None = None) -> str:
    """The most frequent maturity band, and how many reach the top band (when ``bands`` is given)."""
    df = scores.dropna(subset=["index_value", "band_code"])
    if df.empty:
        return t("findings.levels.none", lang)
    lc = _lc(lang)
    counts = df.groupby(["band_code", "band_order", f"band_name_{lc}"]).size().reset_index(name="n")
    counts = counts.sort_values(["n", "band_order"], ascending=[False, True])
    mode = counts.iloc[0]
    text = t("findings.levels.mode", lang, band=mode[f"band_name_{lc}"], n=int(mode["n"]), total=len(df))
    if bands is not None and not bands.empty:
        top = bands.sort_values("sort_order").iloc[-1]
        if top["band_code"] != mode["band_code"]:
            n_top = int((df["band_code"] == top["band_code"]).sum())
            text += t("findings.levels.top", lang, n=n_top, band=top[f"name_{lc}"])
    return text


def index_change(mean_now: float | None, mean_before: float | None, lang: str) -> str:
    """«El índice promedio subió 3,2 puntos desde la ronda anterior (48,1 → 51,3)»."""
    if mean_now is None or mean_now != mean_now:
        return t("findings.index.none", lang)
    now = _num(mean_now, lang)
    if mean_before is None or mean_before != mean_before:
        return t("findings.index.no_previous", lang, now=now)
    delta = round(float(mean_now), 1) - round(float(mean_before), 1)
    if abs(delta) < 0.05:
        return t("findings.index.same", lang, now=now)
    key = "findings.index.up" if delta > 0 else "findings.index.down"
    return t(key, lang, delta=_num(abs(delta), lang), before=_num(mean_before, lang), now=now)


# --- Áreas de supervisión --------------------------------------------------------------------


def weakest_area(area_means: pd.DataFrame, lang: str, *, with_strongest: bool = False) -> str:
    """«Infraestructura tecnológica es el área más rezagada: promedio 38,2».

    ``area_means``: one row per area with ``area_name_es``/``area_name_en`` and ``mean_score``.
    """
    df = area_means.dropna(subset=["mean_score"])
    if df.empty:
        return t("findings.area.none", lang)
    lc = _lc(lang)
    df = df.sort_values(["mean_score", f"area_name_{lc}"])
    low, high = df.iloc[0], df.iloc[-1]
    if with_strongest and len(df) > 1:
        return t("findings.area.weakest_strongest", lang, area=low[f"area_name_{lc}"],
                 mean=_num(low["mean_score"], lang), best=high[f"area_name_{lc}"],
                 best_mean=_num(high["mean_score"], lang))
    return t("findings.area.weakest", lang, area=low[f"area_name_{lc}"], mean=_num(low["mean_score"], lang))


def area_means_of(areas: pd.DataFrame) -> pd.DataFrame:
    """Mean area score across entities (rows of area scores: entity × area) -> one row per area."""
    if areas.empty:
        return pd.DataFrame(columns=["area_code", "area_name_es", "area_name_en", "area_order", "mean_score"])
    return (areas.groupby(["area_code", "area_name_es", "area_name_en", "area_order"], as_index=False)
            ["area_score"].mean().rename(columns={"area_score": "mean_score"}).sort_values("area_order"))


def heatmap_headline(areas: pd.DataFrame, lang: str, *, threshold: float = 25) -> str:
    """How many entities have some area below ``threshold`` (the first band's upper bound), and the
    weakest area on average. ``areas``: entity × area rows with ``area_score``."""
    df = areas.dropna(subset=["area_score"])
    if df.empty:
        return t("findings.area.none", lang)
    lc = _lc(lang)
    low = df[df["area_score"] < threshold]["entity_code"].nunique()
    means = area_means_of(df).sort_values(["mean_score", f"area_name_{lc}"])
    weakest = means.iloc[0]
    return t("findings.heatmap.low", lang, n=int(low), total=int(df["entity_code"].nunique()),
             threshold=_num(threshold, lang, 0), area=weakest[f"area_name_{lc}"],
             mean=_num(weakest["mean_score"], lang))


def spread_headline(areas: pd.DataFrame, lang: str) -> str:
    """The area whose scores range widest across entities."""
    df = areas.dropna(subset=["area_score"])
    if df.empty:
        return t("findings.area.none", lang)
    lc = _lc(lang)
    span = (df.groupby(["area_code", f"area_name_{lc}", "area_order"])["area_score"].agg(["min", "max"])
            .reset_index())
    span["range"] = span["max"] - span["min"]
    widest = span.sort_values(["range", "area_order"], ascending=[False, True]).iloc[0]
    return t("findings.spread.widest", lang, area=widest[f"area_name_{lc}"], low=_num(widest["min"], lang),
             high=_num(widest["max"], lang))


def groups_headline(by_group: pd.DataFrame, lang: str, *, dimension: str) -> str:
    """Best and worst group by mean index (rows with ``group_label`` and ``mean_index``);
    ``dimension`` names the grouping («sector», «nivel de gobierno»)."""
    df = by_group.dropna(subset=["mean_index"]).drop_duplicates("group_label")
    if df.empty:
        return t("findings.area.none", lang)
    df = df.sort_values(["mean_index", "group_label"], ascending=[False, True])
    best, worst = df.iloc[0], df.iloc[-1]
    if len(df) == 1:
        return t("findings.groups.one", lang, dimension=dimension, best=best["group_label"],
                 best_mean=_num(best["mean_index"], lang))
    return t("findings.groups.gap", lang, dimension=dimension, best=best["group_label"],
             best_mean=_num(best["mean_index"], lang), worst=worst["group_label"],
             worst_mean=_num(worst["mean_index"], lang))


def failed_criteria_headline(failed: pd.DataFrame, lang: str) -> str:
    """«"PISI aprobado" es el criterio que más entidades no alcanzan: 31 de 40 (78 %)».

    ``failed``: rows of criteria_failed.sql (most failed first).
    """
    df = failed[(failed["assessed"] > 0) & (failed["failing"] > 0)] if not failed.empty else failed
    if df.empty:
        return t("findings.failed.none", lang)
    top = df.sort_values(["share_failing", "failing", "criterion_code"], ascending=[False, False, True]).iloc[0]
    return t("findings.failed.top", lang, criterion=top[f"name_{_lc(lang)}"], failing=int(top["failing"]),
             assessed=int(top["assessed"]), share=fmt_percent(top["share_failing"], 0, lang))


# --- Herramientas ----------------------------------------------------------------------------


def matrix_headline(adoption: pd.DataFrame, tools: pd.DataFrame, lang: str) -> str:
    """The tool most and least used through the state platform.

    ``adoption``: rows of tool_status.sql (entity_code, tool_code, status);
    ``tools``: tool_code, name_es, name_en, sort_order.
    """
    if adoption.empty or tools.empty:
        return t("findings.ladder.none", lang)
    lc = _lc(lang)
    total = adoption["entity_code"].nunique()
    platform = adoption[adoption["status"] == "plataforma"].groupby("tool_code")["entity_code"].nunique()
    counts = tools.assign(n=tools["tool_code"].map(platform).fillna(0).astype(int))
    if counts["n"].sum() == 0:
        return t("findings.matrix.none", lang)
    most = counts.sort_values(["n", "sort_order"], ascending=[False, True]).iloc[0]
    least = counts.sort_values(["n", "sort_order"], ascending=[True, True]).iloc[0]
    return t("findings.matrix.most_least", lang, most=most[f"name_{lc}"], most_n=int(most["n"]), total=int(total),
             least=least[f"name_{lc}"],
             least_n=int(least["n"]))


def combinations_headline(combos: pd.DataFrame, lang: str) -> str:
    """«La combinación más común es firma digital + pagos electrónicos: 9 de 40 entidades (23 %)».

    ``combos``: combination_es/en, entities, share, total (most common first).
    """
    if combos.empty:
        return t("findings.ladder.none", lang)
    top = combos.sort_values(["entities", f"combination_{_lc(lang)}"], ascending=[False, True]).iloc[0]
    total = int(top["total"]) if "total" in combos else int(round(top["entities"] / top["share"]))
    return t("findings.combinations.top", lang, combination=top[f"combination_{_lc(lang)}"],
             n=int(top["entities"]), total=total, share=fmt_percent(top["share"], 0, lang))


def network_headline(edges: pd.DataFrame, lang: str) -> str:
    """«8 entidades intercambian datos con 14 instituciones: 20 vínculos por la plataforma… y 9 bilaterales».

    ``edges``: rows of interop_edges.sql (source_code, target_key, channel).
    """
    if edges.empty:
        return t("findings.network.none", lang)
    return t("findings.network.summary", lang, entities=int(edges["source_code"].nunique()),
             partners=int(edges["target_key"].nunique()),
             platform=int((edges["channel"] == "plataforma").sum()),
             bilateral=int((edges["channel"] == "bilateral").sum()))
