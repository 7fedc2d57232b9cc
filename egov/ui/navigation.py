"""The pages of the app, who may open each, and the navigation built from them.

``views/`` is the design's pages folder under another name: a folder called
``pages/`` beside app.py puts Streamlit into its legacy multipage mode, which
breaks ``st.navigation`` (see README).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from egov.i18n import t

ROLE_RANK = {"viewer": 0, "analyst": 1, "admin": 2}


@dataclass(frozen=True)
class PageSpec:
    file: str
    url_path: str
    title_key: str
    icon: str
    section_key: str
    min_role: str = "viewer"
    default: bool = False


PAGES: list[PageSpec] = [
    PageSpec("views/resumen.py", "resumen", "page.resumen", ":material/dashboard:", "nav.analysis", default=True),
    PageSpec("views/areas.py", "areas", "page.areas", ":material/grid_view:", "nav.analysis"),
    PageSpec("views/herramientas.py", "herramientas", "page.herramientas", ":material/hub:", "nav.analysis"),
    PageSpec("views/entidad.py", "entidad", "page.entidad", ":material/account_balance:", "nav.analysis"),
    PageSpec("views/comparar.py", "comparar", "page.comparar", ":material/compare_arrows:", "nav.analysis"),
    PageSpec("views/evolucion.py", "evolucion", "page.evolucion", ":material/trending_up:", "nav.analysis"),
    PageSpec("views/seguimiento.py", "seguimiento", "page.seguimiento", ":material/task_alt:", "nav.analysis"),
    PageSpec("views/prioridades.py", "prioridades", "page.prioridades", ":material/flag:", "nav.analysis"),
    PageSpec("views/programa.py", "programa", "page.programa", ":material/event_note:", "nav.analysis"),
    PageSpec("views/presentacion.py", "presentacion", "page.presentacion", ":material/slideshow:", "nav.present"),
    PageSpec("views/sensibilidad.py", "sensibilidad", "page.sensibilidad", ":material/tune:", "nav.present"),
    PageSpec("views/metodologia.py", "metodologia", "page.metodologia", ":material/menu_book:", "nav.present"),
    PageSpec("views/cargar.py", "cargar", "page.cargar", ":material/upload_file:", "nav.data", min_role="analyst"),
    PageSpec("views/auditoria.py", "auditoria", "page.auditoria", ":material/shield:", "nav.admin", min_role="admin"),
]


def allowed(role: str, spec: PageSpec) -> bool:
    return ROLE_RANK.get(role, -1) >= ROLE_RANK[spec.min_role]


def build(role: str, lang: str) -> dict[str, list[st.Page]]:
    """Sections -> pages this role may open. Pages a role may not open are not registered at all.

    Built once per session, role and language: ``st.Page`` resolves its file on the disk (a
    system call per folder of the path, for every page at every run). Kept per session, not
    shared, because ``st.navigation`` marks the chosen page object for the run it is in.
    """
    kept = st.session_state.setdefault("_navigation_pages", {})
    if (role, lang) not in kept:
        kept.clear()
        kept[(role, lang)] = _sections(role, lang)
    return kept[(role, lang)]


def _sections(role: str, lang: str) -> dict[str, list[st.Page]]:
    sections: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        if not allowed(role, spec):
            continue
        page = st.Page(spec.file, title=t(spec.title_key, lang), icon=spec.icon, url_path=spec.url_path,
                       default=spec.default)
        sections.setdefault(t(spec.section_key, lang), []).append(page)
    return sections
