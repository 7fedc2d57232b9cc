"""An evidence file added with `egov` is downloaded from the entity profile in a real headless Chromium,
byte-identical (same SHA-256), served as an attachment with its detected media type, never shown in the page."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from tests.support.browser import browser_page, error_texts, screenshot, serve_copy, wait_rendered
from tests.test_evidence import add_to_plan1, pdf_bytes

pytestmark = pytest.mark.browser


def test_the_profile_downloads_the_evidence_file_byte_identical(sample_db_file, tmp_path):
    prepared = tmp_path / "preparada.duckdb"
    shutil.copy(sample_db_file, prepared)
    original = tmp_path / "RM 123-2023 MPP.pdf"
    original.write_bytes(pdf_bytes())
    assert add_to_plan1(prepared, original).exit_code == 0
    served = tmp_path / "servida"
    served.mkdir()
    responses = []
    with serve_copy(prepared, served) as (url, _), browser_page(width=1280, height=900) as page:
        page.on("response", lambda r: responses.append(r) if "/media/" in r.url else None)
        page.goto(url + "/entidad?entidad=DIGEMIG&gestion=2024")
        wait_rendered(page, 90000)
        assert not error_texts(page), error_texts(page)
        heading = page.get_by_role("heading", name="Evidencia", exact=True)
        heading.scroll_into_view_if_needed()
        assert page.get_by_text("RM N° 123/2023 que aprueba el MPP").count() == 1
        button = page.get_by_role("button", name="Descargar RM 123-2023 MPP.pdf")
        button.scroll_into_view_if_needed()
        screenshot(page, "evidence-1-profile", full_page=False)
        with page.expect_download(timeout=30000) as waiting:
            button.click()
        download = waiting.value
        saved = tmp_path / "descargado.pdf"
        download.save_as(saved)
        assert download.suggested_filename == "RM 123-2023 MPP.pdf"
        wait_rendered(page)
        assert not error_texts(page), error_texts(page)
        screenshot(page, "evidence-2-downloaded", full_page=False)
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == hashlib.sha256(original.read_bytes()).hexdigest()
    served_file = [r for r in responses if r.status == 200]
    assert served_file, [r.url for r in responses]
    headers = served_file[-1].headers
    assert headers["content-type"].startswith("application/pdf")
    assert headers["content-disposition"].startswith("attachment")
