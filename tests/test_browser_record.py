"""The record in a real headless Chromium: a recommendation timeline on the profile, Seguimiento's stage filter.

Screenshots under test-artifacts/ (record-*.png) to look at.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from egov import followup, scoring
from egov.storage import db
from tests.support.browser import browser_page, error_texts, screenshot, serve_copy, wait_rendered

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lived(sample_db_file, tmp_path_factory):
    """A synthetic entity whose recommendations are in several stages, and the expected counts per stage."""
    copy = tmp_path_factory.mktemp("record_read") / "read.duckdb"
    copy.write_bytes(sample_db_file.read_bytes())
    con = db.connect(copy)
    try:
        cur = con.cursor()
        recs = followup.recommendations(cur, framework=scoring.default_framework(cur), as_of=date.today())
    finally:
        con.close()
    per_entity = recs.groupby("entity_code")["stage"].nunique().sort_values(ascending=False)
    return per_entity.index[0], recs


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db_file):
    with serve_copy(sample_db_file, tmp_path_factory.mktemp("record_pages")) as (url, _):
        yield url


def test_the_profile_draws_each_recommendations_life_cycle_as_a_timeline(server, lived):
    entity, recs = lived
    with browser_page(width=1400) as page:
        page.goto(f"{server}/entidad?entidad={entity}")
        wait_rendered(page, 60000)
        chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="sin cronograma (sin plazo)")
        chart.first.wait_for(timeout=30000)
        assert not error_texts(page), error_texts(page)
        chart.first.scroll_into_view_if_needed()
        # One marker row per recommendation of the entity, and the legend names the recorded events.
        legend = chart.first.locator(".legendtext").all_text_contents()
        assert "Cronograma de implementación" in legend and "Aceptada" in legend
        rows = chart.first.locator(".ytick").all_text_contents()
        assert len(rows) == len(recs[recs["entity_code"] == entity]) > 3
        chart.first.screenshot(path=str(screenshot(page, "record-timeline-page").parent / "record-timeline.png"))
        page.goto(f"{server}/entidad?entidad=DIGEMIG")
        wait_rendered(page, 60000)
        digemig = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="6 sin cronograma")
        digemig.first.wait_for(timeout=30000)
        assert not digemig.first.locator(".legendtext").filter(has_text="Plazo acordado").count()
        digemig.first.scroll_into_view_if_needed()
        digemig.first.screenshot(path=str(screenshot(page, "record-digemig-page").parent / "record-digemig.png"))


def test_seguimiento_filters_the_list_by_stage(server, lived):
    _, recs = lived
    with browser_page(width=1400) as page:
        page.goto(f"{server}/seguimiento")
        wait_rendered(page, 60000)
        page.get_by_role("tab", name="Lista").click()
        wait_rendered(page, 30000)
        box = page.locator(".st-key-followup_stages")
        box.click()
        page.get_by_role("option", name="Plazo vencido").click()
        wait_rendered(page, 30000)
        page.keyboard.press("Escape")
        expected = int((recs["stage"] == "plazo_vencido").sum())
        caption = page.get_by_text(re.compile(r"^Recomendaciones: \d+$"))
        caption.first.wait_for(timeout=30000)
        assert caption.first.inner_text() == f"Recomendaciones: {expected}"
        assert not error_texts(page), error_texts(page)
        screenshot(page, "record-seguimiento-stage")
