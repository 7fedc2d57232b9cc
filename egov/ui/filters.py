"""The global filters every analysis page shares, kept in the URL.

The sidebar offers framework, round (period), sector, level of government and
entities. Their values live in the session (widget keys) and are mirrored in
``st.query_params`` on every run (``?marco=…&gestion=…&sector=…&nivel=…&entidades=…``),
so a copied link reproduces the same view: the first run of a session reads
the URL, every later run writes it.

Pages call ``current()`` for the values of this run; ``draw()`` is called once
per run by app.py, before the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from egov import profile, scoring
from egov.i18n import t
from egov.ui import cache, safe

# Filter -> (URL parameter, session key). Lists travel as repeated URL parameters.
_URL = {"framework": "marco", "period": "gestion", "sectors": "sector", "levels": "nivel", "entities": "entidades"}
# Links shared before the period was called the gestión in the URL still open where they pointed.
_URL_LEGACY = {"period": "periodo"}
_KEY = {name: f"filter_{name}" for name in _URL}
_LISTS = ("sectors", "levels", "entities")
_CURRENT = "filters_current"
_URL_READ = "filters_url_read"


@dataclass(frozen=True)
class Filters:
    """What the user chose in the sidebar (None / empty = no restriction)."""

    framework: str | None
    period: str | None
    periods: list[str] = field(default_factory=list)  # every assessed round, latest first
    sectors: list[str] | None = None
    levels: list[str] | None = None
    entities: list[str] | None = None
    lang: str = "es"
    any_synthetic: bool = False

    @property
    def previous_period(self) -> str | None:
        """The round before the chosen one, for changes since the last round."""
        if self.period not in self.periods:
            return None
        at = self.periods.index(self.period)
        return self.periods[at + 1] if at + 1 < len(self.periods) else None

    def scope(self) -> dict:
        """Keyword arguments for the core functions that take the entity filters."""
        return {"sectors": self.sectors or None, "levels": self.levels or None, "entities": self.entities or None}

    @property
    def is_filtered(self) -> bool:
        return bool(self.sectors or self.levels or self.entities)

    def narrow(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``frame`` (one per entity: sector, gov_level, entity_code) the filters keep."""
        for column, chosen in (("sector", self.sectors), ("gov_level", self.levels), ("entity_code", self.entities)):
            if chosen:
                frame = frame[frame[column].isin(chosen)]
        return frame


def current() -> Filters:
    """The filters of this run (set by ``draw``); an empty selection before it runs."""
    found = st.session_state.get(_CURRENT)
    return found if isinstance(found, Filters) else Filters(None, None)


def _read_url_once() -> None:
    """A new session starts from the URL (a shared link); afterwards the widgets rule."""
    if st.session_state.get(_URL_READ):
        return
    st.session_state[_URL_READ] = True
    params = st.query_params
    for name, url_key in _URL.items():
        if url_key not in params:
            url_key = _URL_LEGACY.get(name, url_key)
        if url_key not in params:
            continue
        st.session_state[_KEY[name]] = params.get_all(url_key) if name in _LISTS else params.get(url_key)


def _keep_valid(name: str, options: list) -> None:
    """Drop a stored value the current options no longer offer (another framework, a bad link)."""
    key = _KEY[name]
    if key not in st.session_state:
        return
    value = st.session_state[key]
    if name in _LISTS:
        kept = [v for v in (value or []) if v in options]
        if kept != value:
            st.session_state[key] = kept
    elif value not in options:
        del st.session_state[key]


def _write_url(values: dict) -> None:
    for name, url_key in _URL.items():
        value = values.get(name)
        if value:
            if st.query_params.get_all(url_key) != (value if isinstance(value, list) else [value]):
                st.query_params[url_key] = value
        elif url_key in st.query_params:
            del st.query_params[url_key]
    for legacy in _URL_LEGACY.values():
        if legacy in st.query_params:
            del st.query_params[legacy]


def draw(lang: str) -> Filters:
    """Draw the filters in the sidebar, mirror them in the URL and remember them for the page."""
    _read_url_once()
    frameworks = cache.load(scoring.frameworks)
    if frameworks.empty:
        chosen = Filters(None, None, lang=lang)
        st.session_state[_CURRENT] = chosen
        return chosen
    lc = "en" if lang == "en" else "es"
    names = dict(zip(frameworks["framework_code"], frameworks[f"name_{lc}"]))
    codes = list(names)
    _keep_valid("framework", codes)
    with st.sidebar:
        st.subheader(t("filters.title", lang))
        framework = codes[0] if len(codes) == 1 else None
        if len(codes) > 1:
            framework = st.selectbox(t("filters.framework", lang), codes, format_func=names.get,
                                     key=_KEY["framework"])
        else:
            st.caption(f"{t('filters.framework', lang)}: {safe.plain(names[framework])}")
        periods = cache.load(scoring.periods, framework)
        _keep_valid("period", periods)
        period = st.selectbox(t("filters.period", lang), periods, key=_KEY["period"],
                              help=t("filters.period_help", lang)) if periods else None

        # Options and labels are built once per data version and choice (a national store has
        # thousands of entities), not at every run of every session.
        entities = cache.shared(scoring.assessed_entities, framework)
        sector_options, level_options = cache.built("filters:options", framework, lambda: (
            sorted(entities["sector"].dropna().unique().tolist()),
            [lv for lv in _LEVEL_ORDER if lv in set(entities["gov_level"])]))
        _keep_valid("sectors", sector_options)
        _keep_valid("levels", level_options)
        sectors = st.multiselect(t("filters.sector", lang), sector_options, key=_KEY["sectors"],
                                 placeholder=t("filters.all", lang))
        levels = st.multiselect(t("filters.level", lang), level_options, key=_KEY["levels"],
                                format_func=lambda code: level_name(code, lang), placeholder=t("filters.all", lang))
        labels = cache.built("filters:entities", (framework, sectors, levels),
                             lambda: _entity_labels(entities, sectors, levels))
        _keep_valid("entities", list(labels))
        chosen_entities = st.multiselect(t("filters.entities", lang), list(labels), key=_KEY["entities"],
                                         format_func=labels.get, placeholder=t("filters.all_f", lang))
    values = {"framework": framework if len(codes) > 1 else None, "period": period, "sectors": sectors,
              "levels": levels, "entities": chosen_entities}
    _write_url(values)
    scope = {"sectors": sectors or None, "levels": levels or None, "entities": chosen_entities or None}
    # Any round, not only the chosen one: Evolución, the profile's history and Seguimiento show every round.
    synthetic = cache.load(scoring.any_synthetic, framework, None, **scope)
    chosen = Filters(framework, period, periods, lang=lang, any_synthetic=synthetic, **scope)
    st.session_state[_CURRENT] = chosen
    return chosen


def _entity_labels(entities, sectors: list[str], levels: list[str]) -> dict[str, str]:
    """Entity code -> «SIGLA — Nombre» of the entities the sector and level choices leave."""
    narrowed = entities
    if sectors:
        narrowed = narrowed[narrowed["sector"].isin(sectors)]
    if levels:
        narrowed = narrowed[narrowed["gov_level"].isin(levels)]
    return profile.names(narrowed)


_LEVEL_ORDER = ("central", "descentralizada", "departamental", "regional", "municipal", "indigena",
                "universidad", "empresa_publica", "otro")


def level_name(code: str, lang: str) -> str:
    """The level of government as people say it (``empresa_publica`` -> «Empresa pública»)."""
    return t(f"level.{code}", lang)
