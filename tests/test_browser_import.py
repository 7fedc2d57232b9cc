"""The upload journey in a real headless Chromium against `streamlit run` (single local admin).

Upload a file, read the check and the preview, import it, find the batch in
the history, undo it; upload a broken file and read the Spanish report. Once
the server has stopped, the database file it served is opened and checked:
the rows, the batch's state and its audit entries (an undo leaves every data
table as it was; a refused file leaves every table as it was). Screenshots of
every step are kept under test-artifacts/.
"""

from __future__ import annotations

import re
import shutil

import pytest

from egov.ingest import read
from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
from tests.support import store_checks
from tests.support.browser import (
    browser_page,
    error_texts,
    screenshot,
    serve_copy,
    wait_rendered,
)

pytestmark = pytest.mark.browser

UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'


@pytest.fixture
def before(tmp_path, sample_db_file):
    """Every table of the sample database, read from a copy of its own."""
    shutil.copy(sample_db_file, tmp_path / "before.duckdb")
    return store_checks.tables(tmp_path / "before.duckdb")


def alerts(page, kind: str) -> str:
    return "\n".join(page.locator(f'[data-testid="stAlertContent{kind}"]').all_inner_texts())


def test_upload_check_import_see_the_batch_and_undo_it_in_the_browser(sample_db_file, before, tmp_path):
    good = tmp_path / "puntajes 2025.csv"
    good.write_bytes(csv_bytes(SCORE_HEADER, SCORES, encoding="cp1252", title=["CONTRALORÍA GENERAL DEL ESTADO"]))
    with serve_copy(sample_db_file, tmp_path) as (url, path), browser_page(width=1280, height=900) as page:
        page.goto(url + "/cargar")
        wait_rendered(page, 60000)
        assert page.locator("h1").filter(has_text="Cargar datos").count() == 1
        page.locator(UPLOAD).set_input_files(str(good))
        page.get_by_text("es correcto").wait_for(timeout=30000)
        wait_rendered(page)
        assert "6 filas" in alerts(page, "Success") and "No se guardó nada" in alerts(page, "Success")
        assert page.get_by_text("Vista previa").count() == 1
        assert page.get_by_text("Windows-1252").count() >= 1  # the note says how the file was read
        screenshot(page, "import-1-checked")
        page.get_by_text("Confirmo que 2025 es una gestión nueva").click()  # 2025 is a gestión the store has never seen
        wait_rendered(page)
        page.get_by_role("button", name="Importar").click()
        page.get_by_text("Se importó «puntajes 2025.csv»").wait_for(timeout=30000)
        wait_rendered(page)
        assert not error_texts(page), error_texts(page)
        history = page.locator('[data-testid="stDataFrame"]').last
        history.scroll_into_view_if_needed()
        screenshot(page, "import-2-imported")
        undo = page.get_by_role("button", name="Deshacer lote")
        undo.scroll_into_view_if_needed()
        # The history's undo list names the new batch (the grid itself is drawn on a canvas).
        chosen = page.get_by_role("combobox", name="Lote a deshacer").input_value()
        assert re.fullmatch(r"\d+ · puntajes 2025\.csv · \d\d/\d\d/\d{4} \d\d:\d\d", chosen), chosen
        batch = chosen.split("·")[0].strip()
        undo.click()
        page.get_by_text(f"Se deshizo el lote {batch}").wait_for(timeout=30000)
        wait_rendered(page)
        assert not error_texts(page), error_texts(page)
        screenshot(page, "import-3-undone")
    # The server has stopped: the store after the journey. The scores are gone again, the batch is kept as
    # undone, and both steps are in the audit log, whose chain still verifies.
    assert store_checks.data_only(store_checks.tables(path)) == store_checks.data_only(before)
    record, entries, chain_ok = store_checks.batch_and_audit(path, int(batch))
    # New rows: the six scores and the two assessments they open (DIGEMIG and SEGIP in 2025).
    assert (record["file_name"], record["kind"], record["rows_new"], record["undone"], record["live"]) == \
        ("puntajes 2025.csv", "puntajes", len(SCORES) + 2, True, False)
    assert entries == [("import", "local"), ("undo", "local")] and chain_ok


def test_a_broken_upload_shows_the_spanish_report_in_the_browser(sample_db_file, before, tmp_path):
    rows = [list(r) for r in SCORES]
    rows[1][0] = "NADIE"
    rows[3][4] = "siete"
    broken = tmp_path / "con errores.csv"
    broken.write_bytes(csv_bytes(SCORE_HEADER, rows))
    with serve_copy(sample_db_file, tmp_path) as (url, path), browser_page(width=1280, height=900) as page:
        page.goto(url + "/cargar")
        wait_rendered(page, 60000)
        page.locator(UPLOAD).set_input_files(str(broken))
        page.get_by_text("Problemas encontrados").wait_for(timeout=30000)
        wait_rendered(page)
        message = alerts(page, "Error")
        assert "No se importó «con errores.csv»" in message and "no se guardó nada" in message
        assert page.get_by_role("button", name="Importar").count() == 0
        assert page.get_by_text("Descargar el informe completo (CSV)").count() == 1
        screenshot(page, "import-4-refused")
    assert store_checks.tables(path) == before  # nothing at all was written, not even a batch record


def test_a_file_over_the_browser_limit_gets_a_spanish_message_and_never_reaches_the_store(
        sample_db_file, before, tmp_path):
    """Streamlit refuses it in the browser (server.maxUploadSize) with an English text only a screen
    reader hears; the page words the drop zone and that refusal in Spanish, and clears it with the file."""
    megabytes = read.upload_limits()[0]
    big = tmp_path / "nacional.csv"
    line = "DIGEMIG;2025;CGE-GE;A1;2;evaluado;" + "x" * 200 + "\n"
    big.write_text(";".join(SCORE_HEADER) + "\n" + line * ((megabytes + 1) * 1024 * 1024 // len(line) + 1),
                   encoding="utf-8")
    wrong = tmp_path / "informe.pdf"
    wrong.write_bytes(b"%PDF-1.4\n")
    with serve_copy(sample_db_file, tmp_path) as (url, path), browser_page(width=1280, height=900) as page:
        page.goto(url + "/cargar")
        wait_rendered(page, 60000)
        zone = page.locator('[data-testid="stFileUploaderDropzone"]').inner_text()
        assert "Elegir archivo" in zone and f"hasta {megabytes} MB" in zone and "Upload" not in zone, zone
        page.locator(UPLOAD).set_input_files(str(big))
        note = page.locator('[data-testid="egovUploadRefusal"]')
        note.wait_for(timeout=30000)
        text = note.inner_text()
        assert text.startswith("«nacional.csv» (") and " MB) no se recibió" in text, text
        assert f"límite de {megabytes} MB" in text and "egov import ARCHIVO" in text, text
        spoken = page.locator('[data-testid="stFileChips"] [role="alert"]').all_inner_texts()
        assert spoken == [text], spoken  # what a screen reader hears is the same Spanish, not Streamlit's
        assert page.get_by_text("File must be").count() == 0
        assert page.get_by_role("button", name="Importar").count() == 0
        screenshot(page, "import-5-over-the-limit")
        page.locator('[data-testid="stFileChipDeleteBtn"] button').click()
        note.wait_for(state="detached", timeout=10000)
        page.locator(UPLOAD).set_input_files(str(wrong))
        note.wait_for(timeout=30000)
        assert note.inner_text().startswith("«informe.pdf» no se recibió: solo se cargan archivos .csv, "), \
            note.inner_text()
    assert store_checks.tables(path) == before  # the server never got the file: nothing was written
