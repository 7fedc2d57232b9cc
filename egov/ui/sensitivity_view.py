"""The sections of the sensitivity page (views/sensibilidad.py): what-if weights and uncertainty ranges.

The chosen weights travel in the URL (``?peso=PLAN:0&peso=ORG:2&peso_criterio=PLAN.1:2``, only
the weights that differ from the framework's), so a copied link restores them: the first run
of a session reads the URL, every later run writes it (the way ``egov.ui.filters`` keeps the
sidebar). Nothing here writes to the store except the administrator's explicit «guardar como
nueva versión», which goes through the importer (an audited, undoable ``marco`` batch).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from egov import auth, framework, profile, sensitivity
from egov.charts import base, intervals
from egov.export.tables import to_csv_bytes
from egov.i18n import fmt_number, fmt_percent, t
from egov.ui import cache, filters, guard, show, state
from egov.ui.safe import plain
from egov.ui.profile_view import nums

AREA_PARAM, CRITERION_PARAM = "peso", "peso_criterio"
URL_READ = "sens_url_read"
FLASH = "sens_flash"


def area_key(code: str) -> str:
    return f"sens_area_{code}"


def criterion_key(code: str) -> str:
    return f"sens_crit_{code}"


def _parse(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        code, _, value = item.rpartition(":")
        try:
            weight = float(value.replace(",", "."))
        except ValueError:
            continue
        if code and weight >= 0:
            out[code] = weight
    return out


def _read_url_once(m: sensitivity.Matrix) -> None:
    if st.session_state.get(URL_READ):
        return
    st.session_state[URL_READ] = True
    for param, codes, key in ((AREA_PARAM, m.area_codes, area_key), (CRITERION_PARAM, m.criterion_codes,
                                                                      criterion_key)):
        for code, weight in _parse(st.query_params.get_all(param)).items():
            if code in codes:
                st.session_state[key(code)] = float(weight)


def _write_url(areas: dict[str, float], criteria: dict[str, float]) -> None:
    for param, chosen in ((AREA_PARAM, areas), (CRITERION_PARAM, criteria)):
        values = [f"{code}:{weight:g}" for code, weight in chosen.items()]
        if values:
            if st.query_params.get_all(param) != values:
                st.query_params[param] = values
        elif param in st.query_params:
            del st.query_params[param]


def _reset(m: sensitivity.Matrix) -> None:
    for code, weight in zip(m.area_codes, m.area_weights):
        st.session_state[area_key(code)] = float(weight)
    for code, weight in zip(m.criterion_codes, m.criterion_weights):
        st.session_state[criterion_key(code)] = float(weight)


def _slider(label: str, key: str, official: float, *, help: str | None = None) -> float:
    current = float(st.session_state.get(key, official))
    top = max(5.0, 2 * official, current)
    if key not in st.session_state:
        st.session_state[key] = float(official)
    return st.slider(label, 0.0, top, step=0.1, key=key, help=help)


def choose_weights(m: sensitivity.Matrix, lang: str) -> tuple[dict[str, float], dict[str, float]]:
    """Sliders for the area weights (criterion weights in an expander); returns what differs from official."""
    _read_url_once(m)
    names = m.area_names_en if lang == "en" else m.area_names_es
    chosen_areas: dict[str, float] = {}
    cols = st.columns(min(len(m.area_codes), 5) or 1)
    for i, (code, name, official) in enumerate(zip(m.area_codes, names, m.area_weights)):
        with cols[i % len(cols)]:
            value = _slider(t("sens.whatif.area_weight", lang, area=name, official=fmt_number(official, 1, lang)),
                            area_key(code), float(official))
        if abs(value - official) > 1e-9:
            chosen_areas[code] = value
    chosen_criteria: dict[str, float] = {}
    with st.expander(t("sens.whatif.criteria", lang)):
        st.caption(t("sens.whatif.criteria_help", lang))
        cols = st.columns(3)
        for i, (code, official) in enumerate(zip(m.criterion_codes, m.criterion_weights)):
            with cols[i % 3]:
                value = _slider(f"{code} ({fmt_number(official, 1, lang)})", criterion_key(code), float(official))
            if abs(value - official) > 1e-9:
                chosen_criteria[code] = value
    st.button(t("sens.whatif.reset", lang), on_click=_reset, args=(m,), key="sens_reset",
              disabled=not (chosen_areas or chosen_criteria))
    _write_url(chosen_areas, chosen_criteria)
    return chosen_areas, chosen_criteria


def movers_sentence(table: pd.DataFrame, lang: str, n: int = 3) -> str:
    """«Con estos pesos, los mayores cambios de posición: X sube 6 (del 10 al 4); …» (names escaped)."""
    found = sensitivity.movers(table, n)
    if found.empty:
        return t("sens.whatif.no_mover", lang)
    parts = []
    for _, row in found.iterrows():
        change = int(row["rank_change"])
        key = "sens.whatif.up" if change > 0 else "sens.whatif.down"
        parts.append(t(key, lang, entity=plain(profile.label(row)), n=abs(change), before=int(row["rank_in_period"]),
                       after=int(row["whatif_rank"])))
    return t("sens.whatif.movers", lang, movers="; ".join(parts))


def whatif(f: filters.Filters, m: sensitivity.Matrix) -> tuple[dict[str, float], dict[str, float]]:
    """The what-if section: sliders, shares, the biggest movers and the side-by-side table."""
    lang = f.lang
    lc = "en" if lang == "en" else "es"
    st.subheader(t("sens.whatif.title", lang))
    st.caption(t("sens.whatif.help", lang))
    areas, criteria = choose_weights(m, lang)
    try:
        # once per filters and weights: every entity's index again is a tenth of a national run
        table = cache.built("sens:whatif", (f, areas, criteria), lambda: sensitivity.whatif(m, areas, criteria))
    except sensitivity.WeightError as exc:
        st.warning(str(exc))
        return areas, criteria
    aw, _ = sensitivity.resolve_weights(m, areas, criteria)
    names = m.area_names_en if lang == "en" else m.area_names_es
    shares = ", ".join(f"{name} {fmt_percent(w / aw.sum(), 0, lang)}" for name, w in zip(names, aw))
    st.caption(t("sens.whatif.shares", lang, shares=shares))
    if areas or criteria:
        st.markdown(movers_sentence(table, lang))
    else:
        st.info(t("sens.whatif.official", lang))
    def display() -> pd.DataFrame:
        shown = f.narrow(table).sort_values(["whatif_rank", "entity_code"], na_position="last")
        return pd.DataFrame({
            t("sens.col.entity", lang): profile.labels(shown),
            t("sens.col.official_index", lang): nums(shown["index_value"], lang, 2),
            t("sens.col.official_rank", lang): shown["rank_in_period"].astype("Int64"),
            t("sens.col.whatif_index", lang): nums(shown["whatif_index"], lang, 2),
            t("sens.col.whatif_rank", lang): shown["whatif_rank"],
            t("sens.col.rank_change", lang): shown["rank_change"].astype("Int64"),
            t("sens.col.whatif_band", lang): shown[f"whatif_band_name_{lc}"].fillna("—"),
        })

    # built once per filters and weights (at national size the rows are 10,000: seconds per run)
    whole = show.table("sens_whatif", (f, areas, criteria), display, lang=lang, hide_index=True, width="stretch",
                       key="sens_whatif_table")
    st.download_button(t("sens.whatif.download", lang), lambda: to_csv_bytes(whole),
                       file_name=f"sensibilidad-ponderaciones-{f.period}.csv", mime="text/csv",
                       key="sens_whatif_download")
    st.caption(t("sens.whatif.scope", lang, period=f.period))
    return areas, criteria


def save_version(f: filters.Filters, m: sensitivity.Matrix, areas: dict[str, float], criteria: dict[str, float],
                 user) -> None:
    """The administrator's explicit, audited action: the chosen weights become a new framework version."""
    lang = f.lang
    for level, message in st.session_state.pop(FLASH, []):
        getattr(st, level)(message)
    if not (areas or criteria) or not guard.permits(user.role, auth.Action.MANAGE_FRAMEWORK):
        return
    with st.expander(t("sens.save.title", lang)):
        st.caption(t("sens.save.body", lang))
        if any(w <= 0 for w in (*areas.values(), *criteria.values())):
            st.info(t("sens.save.zero", lang))
            return
        version = st.text_input(t("sens.save.version", lang), key="sens_save_version")
        confirmed = st.checkbox(t("sens.save.confirm", lang), key="sens_save_confirm")
        if st.button(t("sens.save.button", lang), type="primary", disabled=not (confirmed and version.strip()),
                     key="sens_save_button"):
            try:
                done = sensitivity.save_as_version(state.connection(), f.framework, version, areas, criteria,
                                                   user=user.name, role=user.role)
            except (sensitivity.WeightError, auth.PermissionDenied) as exc:
                st.error(str(exc))
                return
            if done.status != "imported":
                st.error(done.summary(lang))
                return
            state.data_changed()
            _reset_after_save(m)
            st.session_state[FLASH] = [("success", t("sens.save.done", lang, version=plain(version.strip()),
                                                     batch=done.batch_id))]
            st.rerun()


def _reset_after_save(m: sensitivity.Matrix) -> None:
    """After saving, the saved weights are the official ones: the sliders start from the store again."""
    for code in m.area_codes:
        st.session_state.pop(area_key(code), None)
    for code in m.criterion_codes:
        st.session_state.pop(criterion_key(code), None)
    st.session_state.pop("sens_save_version", None)
    st.session_state.pop("sens_save_confirm", None)


def shown_rank(row, lang: str) -> str:
    """The position a display shows: tied entities share the group's best official position."""
    return _shown_rank(row["tied_rank"], row["tied_with"], lang)


def _shown_rank(tied_rank, tied_with, lang: str) -> str:
    if pd.isna(tied_rank):
        return "—"
    rank = int(tied_rank)
    return t("sens.tied", lang, rank=rank) if int(tied_with) > 0 else str(rank)


def uncertainty(f: filters.Filters) -> None:
    """The uncertainty section: settings, the chart of position intervals and the table."""
    lang = f.lang
    st.subheader(t("sens.unc.title", lang))
    st.caption(t("sens.unc.help", lang))
    cols = st.columns(3)
    spread = cols[0].slider(t("sens.unc.spread", lang), 0, 100, int(sensitivity.DEFAULT_SPREAD * 100), step=5,
                            format="%d %%", key="sens_spread")
    runs = cols[1].select_slider(t("sens.unc.runs", lang), [200, 500, 1000, 2000],
                                 value=sensitivity.DEFAULT_RUNS, key="sens_runs")
    seed = int(cols[2].number_input(t("sens.unc.seed", lang), min_value=0, value=sensitivity.DEFAULT_SEED,
                                    step=1, key="sens_seed"))
    table = cache.load(sensitivity.uncertainty_table, f.framework, f.period, runs, spread / 100, seed)
    ranked = table.dropna(subset=["rank_low"])
    if ranked.empty:
        st.info(t("ui.no_assessments", lang))
        return
    st.caption(t("sens.unc.settings", lang, runs=runs, spread=f"{spread} %", seed=seed))
    kept = int((ranked["band_kept"] >= 0.9).sum())
    tied = int((ranked["tied_with"] > 0).sum())
    title = t("sens.unc.title_robust", lang, n=kept, total=len(ranked), tied=tied)
    scoped = f.narrow(table)
    bands = cache.load(framework.bands, f.framework)
    drawn = base.extremes(scoped.assign(order=-scoped["rank_in_period"].astype(float)), "order")
    if len(drawn) < len(scoped.dropna(subset=["rank_low"])):
        st.caption(t("sens.chart.limited", lang, n=len(drawn)))
    show.chart(lambda: intervals.position_intervals(drawn, bands, title=title, lang=lang), key="sens_intervals",
               clickable=True, depends=(f, runs, spread, seed))
    st.caption(t("sens.unc.ties", lang))
    out = show.table("sens_unc", (f, runs, spread, seed), lambda: _uncertainty_display(table, scoped, lang),
                     lang=lang, hide_index=True, width="stretch", key="sens_unc_table")
    st.download_button(t("sens.download", lang), lambda: to_csv_bytes(out), file_name=f"sensibilidad-{f.period}.csv",
                       mime="text/csv", key="sens_download")


def _uncertainty_display(table: pd.DataFrame, scoped: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The uncertainty table as shown and downloaded: labels, shown positions, intervals, tie groups."""
    codes = dict(zip(table["entity_code"], profile.labels(table)))
    tied = _tied_with(table, codes)
    scoped = scoped.sort_values(["rank_in_period", "entity_code"], na_position="last")
    return pd.DataFrame({
        t("sens.col.entity", lang): [codes[c] for c in scoped["entity_code"]],
        t("sens.col.shown_rank", lang): [_shown_rank(r, n, lang) for r, n in zip(scoped["tied_rank"],
                                                                                  scoped["tied_with"])],
        t("sens.col.official_rank", lang): scoped["rank_in_period"].astype("Int64"),
        t("sens.col.rank_interval", lang): [f"{int(a)}–{int(b)}" if pd.notna(a) else "—"
                                            for a, b in zip(scoped["rank_low"], scoped["rank_high"])],
        t("sens.col.official_index", lang): nums(scoped["index_value"], lang, 2),
        t("sens.col.index_interval", lang): [f"{fmt_number(a, 1, lang)}–{fmt_number(b, 1, lang)}"
                                             if pd.notna(a) else "—"
                                             for a, b in zip(scoped["index_low"], scoped["index_high"])],
        t("sens.col.band_kept", lang): [fmt_percent(v, 0, lang) for v in scoped["band_kept"]],
        t("sens.col.tied_with", lang): [tied.get(c) or "—" for c in scoped["entity_code"]],
    })


def _tied_with(table: pd.DataFrame, labels: dict[str, str]) -> dict[str, str]:
    """Entity code -> the labels of the others in its tie group (``sensitivity.tie_groups``), joined.

    Each group's labels are listed once and every member's line is that list without itself: at
    national size a group holds hundreds of entities, and naming them one lookup at a time was
    most of the table's build.
    """
    tied: dict[str, str] = {}
    for group in sensitivity.tie_members(table):
        names = [labels[code] for code in group]
        for k, code in enumerate(group):
            tied[code] = ", ".join(names[:k] + names[k + 1:])
    return tied


def position_note(f: filters.Filters, code: str, period: str) -> None:
    """Under a profile's position: its uncertainty interval and, when it overlaps others, that it is tied."""
    table = cache.load(sensitivity.uncertainty_table, f.framework, period)
    row = table[table["entity_code"] == code]
    if row.empty or pd.isna(row.iloc[0]["rank_low"]):
        return
    r = row.iloc[0]
    key = "sens.profile.tied" if int(r["tied_with"]) > 0 else "sens.profile.alone"
    st.caption(t(key, f.lang, low=int(r["rank_low"]), high=int(r["rank_high"]), shown=int(r["tied_rank"]),
                 n=int(r["tied_with"]), spread=fmt_percent(sensitivity.DEFAULT_SPREAD, 0, f.lang)))


def tied_ranks(framework: str, period: str) -> dict[str, int]:
    """Entity code -> the position it is shown tied at, for the entities of the round tied with others."""
    def build() -> dict[str, int]:
        table = cache.load(sensitivity.uncertainty_table, framework, period)
        tied = table[table["tied_with"].fillna(0) > 0]
        return {code: int(rank) for code, rank in zip(tied["entity_code"], tied["tied_rank"])}

    return cache.built("sens:tied_ranks", (framework, period), build)  # shared: callers only read it


def rank_ranges(f: filters.Filters, codes: list[str]) -> list[str]:
    """For a table of entities: the position shown (tied when intervals overlap) and its interval, «15 (empate) · 17–22»."""
    # indexed once per data version and round (shared: only read), not at every run
    table = cache.built("sens:by_entity", (f.framework, f.period), lambda: cache.load(
        sensitivity.uncertainty_table, f.framework, f.period).set_index("entity_code"))
    out = []
    for code in codes:
        if code not in table.index or pd.isna(table.loc[code, "rank_low"]):
            out.append("—")
            continue
        row = table.loc[code]
        out.append(f"{shown_rank(row, f.lang)} · {int(row['rank_low'])}–{int(row['rank_high'])}")
    return out

