"""Two `streamlit run` servers on one PostgreSQL store, and the command line beside them.

An import uploaded in one server shows in the other at its next run; while
both serve, `egov import`, `egov backup` and `egov user add` succeed on the
same store, and the servers show the command line's import too. Both servers
run with the warm-up on (egov/ui/warm.py, off in the rest of the suite): the
importing server remakes its reads at once, the other at its next poll, and
neither may show the old data or log a problem of its background thread.
"""

from __future__ import annotations

import pytest

from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
from tests.support.browser import (ARTIFACTS, browser_page, error_texts, screenshot, streamlit_server,
                                   wait_rendered)
from tests.test_postgres import egov

pytestmark = pytest.mark.browser
UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'


def summary(page, url: str) -> str:
    page.goto(url + "/")
    wait_rendered(page, 90000)
    assert not error_texts(page), error_texts(page)
    # Resumen's caption names the round shown: the latest assessed one unless the link says otherwise.
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_an_import_in_one_server_shows_in_the_other_and_the_command_line_works_beside_them(sample_db, tmp_path):
    upload = tmp_path / "puntajes 2025.csv"
    upload.write_bytes(csv_bytes(SCORE_HEADER, SCORES, encoding="utf-8"))
    later = tmp_path / "puntajes 2026.csv"
    later.write_bytes(csv_bytes(SCORE_HEADER, [["DIGEMIG", "2026", "CGE-GE", "PLAN.1", "2", "evaluado", "", "K/2026",
                                                "01/02/2026"]], encoding="utf-8"))
    env = {"EGOV_AUTO_BACKUP": "0", "EGOV_WARM_UP": "1"}
    with streamlit_server(sample_db, env=env, timeout=120) as one, \
            streamlit_server(sample_db, env=env, timeout=120) as other:
        logs = [ARTIFACTS / f"streamlit-{url.rsplit(':', 1)[1]}.log" for url in (one, other)]
        with browser_page(width=1280, height=900) as page:
            before = summary(page, other)
            assert "Gestión 2024 ·" in before and "Gestión 2025" not in before, before
            page.goto(one + "/cargar")
            wait_rendered(page, 90000)
            page.locator(UPLOAD).set_input_files(str(upload))
            page.get_by_text("es correcto").wait_for(timeout=60000)
            wait_rendered(page)
            page.get_by_text("Confirmo que 2025 es una gestión nueva").click()  # a gestión the store never had
            wait_rendered(page)
            page.get_by_role("button", name="Importar").click()
            page.get_by_text("Se importó «puntajes 2025.csv»").wait_for(timeout=60000)
            screenshot(page, "two-servers-1-imported-in-one")
            assert "Gestión 2025 ·" in summary(page, other)  # the other server's next run
            screenshot(page, "two-servers-2-seen-in-the-other")
            # The command line on the same store while both servers run.
            assert "Se importó" in egov("import", str(later), "--yes", store=sample_db).stdout
            assert "Copia guardada" in egov("backup", "--out", str(tmp_path / "copia.dump"), store=sample_db).stdout
            assert "Gestión 2026 ·" in summary(page, one) and "Gestión 2026 ·" in summary(page, other)
            egov("user", "add", "ana", "--role", "admin", "--password-stdin", store=sample_db,
                 input="una clave larga 1\n")
            page.goto(other + "/")
            page.get_by_text("Iniciar sesión").first.wait_for(timeout=60000)  # accounts now exist: sign-in is on
    assert (tmp_path / "copia.dump").stat().st_size > 0
    for log in logs:  # no warning from a warm-up thread, and none cut off inside DuckDB when its server stopped
        text = log.read_text(errors="replace")
        assert not [w for w in ("egov-warm-up", "Traceback", "terminate called") if w in text], text[-3000:]
