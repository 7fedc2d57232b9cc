"""The manager's journeys in a real headless Chromium against `streamlit run`.

One server on a copy of the sample database serves every step: each page is
reached through the sidebar navigation and shows no error, a shared link
with filters reproduces the view, and a real mouse click on an entity in
each clickable chart (the ranking, the areas heatmap, the tools matrix, the
movers) opens the profile of that very entity. Screenshots of every page are
kept under test-artifacts/.
"""

from __future__ import annotations

import re
import shutil

import pytest

from egov.storage import db
from egov.ui.navigation import PAGES
from tests.support.browser import (
    browser_page,
    click_entity_point,
    entity_chart,
    error_texts,
    screenshot,
    serve_copy,
    wait_rendered,
)

pytestmark = pytest.mark.browser

TITLES_ES = {
    "resumen": "Resumen", "areas": "Áreas de supervisión", "herramientas": "Herramientas de gobierno electrónico",
    "entidad": "Entidad", "comparar": "Comparar", "evolucion": "Evolución", "seguimiento": "Seguimiento",
    "prioridades": "Prioridades", "programa": "Programa de supervisión",
    "presentacion": "Presentación", "sensibilidad": "Sensibilidad del índice", "metodologia": "Metodología", "cargar": "Cargar datos",
    "auditoria": "Auditoría y usuarios",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db_file):
    with serve_copy(sample_db_file, tmp_path_factory.mktemp("journeys")) as (url, _):
        yield url


@pytest.fixture(scope="module")
def entity_names(tmp_path_factory, sample_db_file) -> dict[str, str]:
    """Entity code -> official name, read from a copy of the sample database the server is not using."""
    copy = tmp_path_factory.mktemp("names") / "egov.duckdb"
    shutil.copy(sample_db_file, copy)
    con = db.connect(copy)
    try:
        return dict(con.execute("SELECT entity_code, name FROM entity").fetchall())
    finally:
        con.close()


def open_profile_by_click(page, chart, names: dict[str, str], shot: str) -> str:
    """Click an entity in ``chart`` with the mouse; the profile that opens must be that entity's."""
    code = click_entity_point(page, chart, names)
    page.wait_for_url(re.compile(rf"/entidad\?(.*&)?entidad={re.escape(code)}(&|$)"), timeout=30000)
    wait_rendered(page, 60000)
    assert not error_texts(page), error_texts(page)
    header = page.locator('[data-testid="stHeading"] h2').first.inner_text()
    assert header.startswith(names[code]), (code, header)
    screenshot(page, shot)
    return code


def test_every_page_is_reached_through_the_navigation_without_error(server):
    with browser_page() as page:
        page.goto(server)
        wait_rendered(page, 60000)
        for spec in PAGES:
            title = TITLES_ES[spec.url_path]
            page.set_viewport_size({"width": 1280, "height": 800})
            # Each navigation link carries its title as a label (its text also holds the icon's name).
            link = page.locator(f'[data-testid="stSidebarNav"] a:has(span[label="{title}"])')
            if spec.url_path == "presentacion":
                # Presenting hides the sidebar; it is reached by its link and left by the URL.
                link.first.click()
                wait_rendered(page, 60000)
                assert "/presentacion" in page.url
                assert not error_texts(page), spec.url_path
                screenshot(page, f"journey-{spec.url_path}", full_page=False)
                page.goto(server)
                wait_rendered(page, 60000)
                continue
            link.first.click()
            wait_rendered(page, 60000)
            if spec.url_path != "resumen":
                assert f"/{spec.url_path}" in page.url
            assert not error_texts(page), (spec.url_path, error_texts(page))
            assert page.locator('[data-testid="stHeading"]').count() > 0
            screenshot(page, f"journey-{spec.url_path}")


def test_a_shared_link_with_filters_reproduces_the_view(server):
    with browser_page() as page:
        page.goto(f"{server}/areas?periodo=2023&nivel=central")
        wait_rendered(page, 60000)
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_role("combobox", name="Gestión supervisada").input_value() == "2023"
        assert "Nivel central" in sidebar.inner_text()
        # The URL keeps the filters after the app has run (the app rewrites it every run).
        assert "gestion=2023" in page.url and "periodo=" not in page.url and "nivel=central" in page.url
        assert not error_texts(page)
        screenshot(page, "journey-shared-link")


def test_clicking_an_entity_in_the_ranking_opens_its_profile(server, entity_names):
    with browser_page() as page:
        page.goto(server)
        wait_rendered(page, 60000)
        ranking = entity_chart(page, "bar", entity_names)  # one bar per entity, coloured by band
        open_profile_by_click(page, ranking, entity_names, "journey-click-to-profile")


CLICKABLE = {  # page -> the kind of trace whose points carry the entity code
    "areas": "heatmap",  # entities × areas
    "herramientas": "heatmap",  # entities × tools, coloured by adoption status
    "evolucion": "bar",  # the largest rises and falls since the previous round
}


# Streamlit returns no point for a click on a heatmap trace (streamlit/streamlit#8760): the grids carry an
# invisible marker on each cell (egov.charts.grids._click_layer), and the real click below lands on it.


@pytest.mark.parametrize("path", list(CLICKABLE))
def test_a_real_click_on_each_clickable_chart_opens_the_clicked_entitys_profile(server, entity_names, path):
    with browser_page(width=1400, height=900) as page:
        page.goto(f"{server}/{path}")
        wait_rendered(page, 60000)
        chart = entity_chart(page, CLICKABLE[path], entity_names)
        open_profile_by_click(page, chart, entity_names, f"journey-click-{path}")
