"""The presentation page's parts: projector look, the slide, navigation, setup and downloads.

The deck comes from ``egov.export.slides.build_deck`` (one shared object per data version,
``cache.shared``), for the sidebar filters of the URL, narrowed by the page's
own parameters: ``?entidad=CODE`` (a deck about one entity against its
peers), ``?pares=SECTOR`` (a peer group), ``?slides=key,key`` (which slides)
and ``?diapositiva=N`` (the slide shown, from 1).

While presenting, the sidebar and the app header are hidden by a fixed style
sheet (no user text ever goes into HTML); the headline, note and source are
drawn as escaped Markdown in keyed containers the style sheet enlarges.
Previous/next are buttons with the ArrowLeft/ArrowRight keyboard shortcuts.
"""

from __future__ import annotations


import streamlit as st

from egov import profile, scoring
from egov.storage import db
from egov.export import slides as deck_model
from egov.export import tables
from egov.i18n import t
from egov.ui import cache, chrome, safe, state
from egov.ui.filters import Filters
from egov.ui.show import chart

AT_KEY = "present_at"
PARAM_AT, PARAM_ENTITY, PARAM_PEERS, PARAM_SLIDES = "diapositiva", "entidad", "pares", "slides"
PARAM_GROUP = "grupo"  # the peer grouping of a deck about one entity (sector, level, department, complexity)
CHART_HEIGHT = 440

# A fixed style sheet: projector type sizes, high contrast, no sidebar or header while presenting.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.8rem 2.2rem 1rem 2.2rem !important; max-width: 100% !important; }
[data-testid="stAppViewContainer"], [data-testid="stMain"] { background: #FFFFFF; }
.st-key-slide_headline h1 { font-size: 2.15rem !important; line-height: 1.18 !important; color: #000000 !important;
  font-weight: 700 !important; padding: 0.1rem 0 0.2rem 0 !important; }
.st-key-slide_note p { font-size: 1.3rem !important; color: #111111 !important; margin: 0 !important; }
.st-key-slide_source p { font-size: 0.85rem !important; color: #333333 !important; margin: 0 !important; }
.st-key-slide_counter p { font-size: 1.35rem !important; font-weight: 700 !important; text-align: center;
  color: #000000 !important; margin: 0 !important; }
.st-key-slide_nav { padding-bottom: 40vh; }
.st-key-slide_nav button p { font-size: 1.05rem !important; }
</style>"""

plain = safe.plain  # database text shown as literal Markdown (one rule for every page)


def hide_chrome() -> None:
    st.html(STYLE)


# --- what to present ---------------------------------------------------------------------------


def wanted_keys() -> list[str] | None:
    raw = st.query_params.get(PARAM_SLIDES)
    keys = [k.strip() for k in raw.split(",") if k.strip()] if raw else []
    return keys or None


def load_deck(chosen: Filters) -> list[deck_model.Slide]:
    """The slides for the filters and the page's parameters (cached until the data changes)."""
    scope = chosen.scope()
    peers = st.query_params.get(PARAM_PEERS)
    if peers:
        scope["sectors"] = [peers]
    entity = st.query_params.get(PARAM_ENTITY) or None
    group = st.query_params.get(PARAM_GROUP)
    peer_by = group if entity and group in profile.PEER_GROUPS else None
    # shared, not copied per run: a copy of a deck rebuilds (and re-validates) every figure in it
    return cache.shared(deck_model.build_deck, chosen.framework, chosen.period, lang=chosen.lang, entity=entity,
                        only=wanted_keys(), peer_by=peer_by, **scope)


def current_index(total: int) -> int:
    """The slide shown (0-based): the session's, else ``?diapositiva=N``, kept within the deck."""
    if AT_KEY not in st.session_state:
        try:
            st.session_state[AT_KEY] = int(st.query_params.get(PARAM_AT, "1")) - 1
        except ValueError:
            st.session_state[AT_KEY] = 0
    at = min(max(int(st.session_state[AT_KEY]), 0), max(total - 1, 0))
    st.session_state[AT_KEY] = at
    st.query_params[PARAM_AT] = str(at + 1)
    return at


def _move(step: int, total: int) -> None:
    st.session_state[AT_KEY] = min(max(int(st.session_state.get(AT_KEY, 0)) + step, 0), total - 1)


# --- the slide ---------------------------------------------------------------------------------


def show(deck: list[deck_model.Slide], at: int, lang: str) -> None:
    slide = deck[at]
    chrome.demo_badge(slide.synthetic, lang)
    with st.container(key="slide_headline"):
        st.title(plain(slide.headline), anchor=False)
    # The projector's copy of the figure, built once per slide of the shared deck. The entry keeps
    # its slide alive, so the id in the key cannot be reused by another slide while it exists.
    kept, figure = cache.built("slide_styled", id(slide), lambda: (slide, deck_model.styled(
        slide.figure, height=CHART_HEIGHT, font_size=16)))
    shared = kept is slide
    if not shared:
        figure = deck_model.styled(slide.figure, height=CHART_HEIGHT, font_size=16)
    if figure.data:
        # The shared copy is sent as a figure built once (its cache entry keeps it alive: its id names it alone).
        chart(lambda: figure, key=f"slide_chart_{slide.key}", depends=id(figure) if shared else None)
    else:  # a figure that only says why it is empty (charts.base.empty): the page says it as a notice
        st.info(plain(" ".join(a.text for a in figure.layout.annotations).replace("<br>", " ")))
    with st.container(key="slide_note"):
        st.markdown(plain(slide.note) if slide.note else " ")
    with st.container(key="slide_nav"):
        prev_col, count_col, next_col, source_col = st.columns([1.4, 0.8, 1.4, 6.4], vertical_alignment="center")
        total = len(deck)
        prev_col.button(t("present.page.prev", lang), key="slide_prev", shortcut="ArrowLeft",
                        disabled=at == 0, on_click=_move, args=(-1, total),
                        width="stretch", help=t("present.page.keys", lang))
        with count_col.container(key="slide_counter"):
            st.markdown(safe.t("present.page.counter", lang, at=at + 1, total=total))
        next_col.button(t("present.page.next", lang), key="slide_next", shortcut="ArrowRight",
                        disabled=at >= total - 1, on_click=_move,
                        args=(1, total), type="primary", width="stretch", help=t("present.page.keys", lang))
        with source_col.container(key="slide_source"):
            st.markdown(plain(slide.source))


# --- setup and downloads (below the slide) ---------------------------------------------------------


def setup(chosen: Filters, deck: list[deck_model.Slide], at: int | None) -> None:
    lang = chosen.lang
    with st.expander(t("present.page.setup", lang), icon=":material/tune:", expanded=not deck):
        _choose(chosen)
        if deck:
            st.divider()
            _downloads(chosen, deck, at or 0)
        st.page_link("views/resumen.py", label=t("present.page.exit", lang), icon=":material/logout:")


def _choose(chosen: Filters) -> None:
    lang = chosen.lang
    entities = cache.load(scoring.assessed_entities, chosen.framework)
    modes = ["all", "entity", "peers"]
    current = "entity" if st.query_params.get(PARAM_ENTITY) else "peers" if st.query_params.get(PARAM_PEERS) else "all"
    with st.form("present_setup", border=False):
        mode = st.radio(t("present.page.subject", lang), modes, index=modes.index(current), horizontal=True,
                        format_func=lambda m: t(f"present.page.subject_{m}", lang))
        # every assessed entity's label, once per data version (a national store has thousands)
        codes, labels, sectors = cache.built("present:entities", chosen.framework, lambda: (
            entities["entity_code"].tolist(),
            profile.names(entities),
            sorted(entities["sector"].dropna().unique().tolist())))
        chosen_entity = st.query_params.get(PARAM_ENTITY)
        entity = st.selectbox(t("present.page.entity", lang), codes, format_func=labels.get,
                              index=codes.index(chosen_entity) if chosen_entity in codes else 0 if codes else None)
        chosen_sector = st.query_params.get(PARAM_PEERS)
        sector = st.selectbox(t("present.page.sector", lang), sectors,
                              index=sectors.index(chosen_sector) if chosen_sector in sectors
                              else 0 if sectors else None)
        groups = [None, *profile.PEER_GROUPS]
        chosen_group = st.query_params.get(PARAM_GROUP)
        group = st.selectbox(t("present.page.peer_by", lang), groups,
                             index=groups.index(chosen_group) if chosen_group in groups else 0,
                             format_func=lambda g: t("present.page.peer_by_default", lang) if g is None
                             else t(f"peers.kind.{g}", lang))
        # A form does not rerun while it is filled in: offer the slides of both kinds of deck and keep,
        # on submit, those of the kind chosen.
        name_of = dict(cache.load(deck_model.slide_names, chosen.framework, chosen.period, lang=lang))
        name_of.update(cache.load(deck_model.slide_names, chosen.framework, chosen.period, lang=lang,
                                  entity=entity or "-"))
        picked = st.multiselect(t("present.page.slides", lang), list(name_of), format_func=name_of.get,
                                default=[k for k in (wanted_keys() or []) if k in name_of],
                                placeholder=t("filters.all_f", lang))
        if st.form_submit_button(t("present.page.start", lang), type="primary", icon=":material/slideshow:"):
            for param in (PARAM_ENTITY, PARAM_PEERS, PARAM_SLIDES, PARAM_GROUP):
                if param in st.query_params:
                    del st.query_params[param]
            if mode == "entity" and entity:
                st.query_params[PARAM_ENTITY] = entity
                if group:
                    st.query_params[PARAM_GROUP] = group
            if mode == "peers" and sector:
                st.query_params[PARAM_PEERS] = sector
            picked = [k for k in picked if k.startswith("entity.") == (mode == "entity")]
            if picked:
                st.query_params[PARAM_SLIDES] = ",".join(picked)
            st.session_state[AT_KEY] = 0
            st.rerun()


def _downloads(chosen: Filters, deck: list[deck_model.Slide], at: int) -> None:
    from egov.export import deck as pptx
    from egov.export import images, report_pdf

    lang, slide = chosen.lang, deck[at]
    entity = st.query_params.get(PARAM_ENTITY)
    base = f"egov-{chosen.period or ''}" + (f"-{entity}" if entity else "")
    # Every image goes through Chromium: without it, say so instead of offering downloads that would fail.
    no_images = not images.available()
    why = t("present.page.no_images", lang) if no_images else None
    if no_images:
        st.warning(why, icon=":material/warning:")
    cols = st.columns(2)
    cols[0].download_button(t("present.page.download_pptx", lang), data=lambda: pptx.pptx_deck(deck, lang=lang),
                            file_name=f"{base}.pptx", icon=":material/slideshow:", on_click="ignore",
                            disabled=no_images, help=why,
                            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
    if entity:
        con, framework, period = state.connection(), chosen.framework, chosen.period

        def pdf() -> bytes:
            with db.cursor(con) as cur:
                return report_pdf.executive_summary(cur, framework, entity, period, lang=lang)

        cols[1].download_button(t("present.page.download_pdf", lang), data=pdf, file_name=f"{base}.pdf",
                                mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
                                disabled=no_images, help=why)
    st.caption(plain(f"{at + 1}. {slide.name}"))
    cols = st.columns(4)
    figure = slide.figure
    cols[0].download_button(t("present.page.download_png", lang), data=lambda: images.to_png(figure),
                            file_name=f"{base}-{slide.key}.png", mime="image/png", on_click="ignore",
                            icon=":material/image:", disabled=no_images, help=why)
    cols[1].download_button(t("present.page.download_svg", lang), data=lambda: images.to_svg(figure),
                            file_name=f"{base}-{slide.key}.svg", mime="image/svg+xml", on_click="ignore",
                            icon=":material/image:", disabled=no_images, help=why)
    frame = slide.data
    cols[2].download_button(t("present.page.download_csv", lang), data=lambda: tables.to_csv_bytes(frame),
                            file_name=f"{base}-{slide.key}.csv", mime=tables.CSV_MIME, on_click="ignore",
                            icon=":material/table:")
    cols[3].download_button(t("present.page.download_xlsx", lang),
                            data=lambda: tables.to_xlsx_bytes(frame, "datos", notes=[slide.headline, slide.source]),
                            file_name=f"{base}-{slide.key}.xlsx", mime=tables.XLSX_MIME, on_click="ignore",
                            icon=":material/table:")
