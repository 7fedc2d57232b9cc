"""The profile, comparison, trends and methodology pages in a real headless Chromium.

One `streamlit run` on a copy of the sample database; each page is opened by a
shared URL, must show no error, and leaves a full-page screenshot under
test-artifacts/ (pages-entity-*.png) to look at.
"""

from __future__ import annotations

import pytest

from tests.support.browser import (
    browser_page,
    error_texts,
    screenshot,
    serve_copy,
    wait_rendered,
)

pytestmark = pytest.mark.browser

VIEWS = {
    "entidad": ("/entidad?entidad=DIGEMIG", "Dirección General de Migración"),
    "comparar": ("/comparar?comparar=DIGEMIG&comparar=ASFI&comparar=BOA", "La mayor brecha"),
    "evolucion": ("/evolucion?periodo=2024", "desde 2023"),
    "metodologia": ("/metodologia", "Cómo se calcula el índice"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db_file):
    with serve_copy(sample_db_file, tmp_path_factory.mktemp("entity_pages")) as (url, _):
        yield url


@pytest.mark.parametrize("view", list(VIEWS))
def test_page_opened_from_a_shared_link_shows_its_content_without_error(server, view):
    path, expected = VIEWS[view]
    with browser_page(width=1400) as page:
        page.goto(server + path)
        wait_rendered(page, 60000)
        page.get_by_text(expected).first.wait_for(timeout=30000)
        assert not error_texts(page), error_texts(page)
        screenshot(page, f"pages-entity-{view}")
