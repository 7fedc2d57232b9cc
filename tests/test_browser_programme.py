"""The supervision programme in a real headless Chromium: an analyst takes an entity from the priority list into
the next gestión's programme, it shows on the Programa page at once, and the store holds one audited, undoable
``registro`` batch for it."""

from __future__ import annotations

import pytest

from egov.storage import audit, db
from tests.support.browser import browser_page, error_texts, screenshot, serve_copy, wait_rendered

pytestmark = pytest.mark.browser


def test_an_entity_goes_from_prioridades_into_the_programme_and_shows_on_its_page(sample_db_file, tmp_path):
    with serve_copy(sample_db_file, tmp_path) as (url, copy), browser_page(width=1400, height=900) as page:
        page.goto(url + "/prioridades?gestion=2024")
        wait_rendered(page, 90000)
        assert not error_texts(page), error_texts(page)
        page.get_by_text("Llevar al programa de supervisión").click()
        wait_rendered(page)
        box = page.locator(".st-key-prio_programme_entity")
        box.scroll_into_view_if_needed()
        box.click()
        page.keyboard.type("DIGEMIG")
        page.get_by_role("option", name="DIGEMIG — Dirección General de Migración").click()
        assert page.locator(".st-key-prio_programme_period input").input_value() == "2025"
        screenshot(page, "programme-1-prioridades", full_page=False)
        page.get_by_role("button", name="Agregar al programa").click()
        wait_rendered(page, 60000)
        done = page.get_by_text("DIGEMIG agregada al programa de la gestión 2025")
        done.first.wait_for(timeout=30000)
        assert not error_texts(page), error_texts(page)

        page.goto(url + "/programa")
        wait_rendered(page, 90000)
        assert not error_texts(page), error_texts(page)
        chart = page.locator('[data-testid="stPlotlyChart"]').first
        chart.wait_for(timeout=30000)
        assert "Gestión 2025: 7 supervisiones programadas" in chart.inner_text()
        page.get_by_role("heading", name="Supervisiones programadas").scroll_into_view_if_needed()
        assert page.get_by_text("Sin fechas previstas en el programa (2): DIGEMIG, MIN-SAL").count() == 1
        screenshot(page, "programme-2-programa")

    con = db.connect(copy)
    try:
        with db.cursor(con) as cur:
            rows = cur.execute("SELECT state, office, planned_start, planned_end, report_number, recorded_by, batch_id,"
                               " is_synthetic FROM supervision_programme WHERE entity_code = 'DIGEMIG'"
                               " AND period = '2025'").fetchall()
            assert len(rows) == 1
            state, office, start, end, report, _who, batch_id, synthetic = rows[0]
            assert (state, office, start, end, report, synthetic) == ("programada", None, None, None, None, False)
            kind, undone = cur.execute("SELECT kind, undone_at FROM import_batch WHERE batch_id = ?",
                                       [batch_id]).fetchall()[0]
            assert kind == "registro" and undone is None
            assert cur.execute("SELECT count(*) FROM audit_log WHERE batch_id = ? AND action = 'import'",
                               [batch_id]).fetchall()[0][0] == 1
            assert audit.verify(cur).ok
    finally:
        con.close()
