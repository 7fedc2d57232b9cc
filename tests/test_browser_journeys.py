"""The manager's journeys in a real headless Chromium against `streamlit run`.

One server on a copy of the sample database serves every step: each page is
reached through the sidebar navigation and shows no error, a shared link
with filters reproduces the view, and a click on an entity in a chart opens
its profile. Screenshots of every page are kept under test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from egov.ui.navigation import PAGES
from tests.support.browser import (
    browser_page,
    error_texts,
    screenshot,
    serve_copy,
    wait_rendered,
)

pytestmark = pytest.mark.browser

TITLES_ES = {
    "resumen": "Resumen", "areas": "Áreas de supervisión", "herramientas": "Herramientas de gobierno electrónico",
    "entidad": "Entidad", "comparar": "Comparar", "evolucion": "Evolución", "seguimiento": "Seguimiento",
    "presentacion": "Presentación", "metodologia": "Metodología", "cargar": "Cargar datos",
    "auditoria": "Auditoría y usuarios",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db_file):
    with serve_copy(sample_db_file, tmp_path_factory.mktemp("journeys")) as (url, _):
        yield url


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


def test_clicking_an_entity_in_the_ranking_opens_its_profile(server):
    with browser_page() as page:
        page.goto(server)
        wait_rendered(page, 60000)
        # The ranking is the chart with one bar per entity (42 on the sample data).
        charts = page.locator('[data-testid="stPlotlyChart"]')
        ranking = next(charts.nth(i) for i in range(charts.count())
                       if charts.nth(i).locator("g.trace.bars path").count() >= 20)
        bar = ranking.locator("g.trace.bars path").first
        bar.scroll_into_view_if_needed()
        box = bar.bounding_box()
        # A real mouse click where the bar is drawn (Plotly listens on the layer above the bars).
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(re.compile(r"/entidad\?.*entidad="), timeout=30000)
        wait_rendered(page, 60000)
        code = re.search(r"entidad=([^&]+)", page.url).group(1)
        assert code
        assert not error_texts(page)
        screenshot(page, "journey-click-to-profile")
