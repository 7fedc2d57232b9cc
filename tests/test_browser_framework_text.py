"""The new descriptors where a manager reads them: the Metodología page, the entity profile and the PDF
executive summary, each kept as a screenshot under test-artifacts/ (framework-*.png) to look at."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from egov.export import report_pdf
from egov.storage import db
from tests.support.browser import ARTIFACTS, browser_page, error_texts, screenshot, serve_copy, wait_rendered

pytestmark = pytest.mark.browser

# DIGEMIG's PLAN.1 is at «2 — En desarrollo»: its descriptor, as the framework file has it.
PLAN1_DEVELOPING = "El PIIGE fue aprobado por resolución, pero su horizonte ya concluyó"


@pytest.fixture(scope="module")
def served(tmp_path_factory, sample_db_file):
    with serve_copy(sample_db_file, tmp_path_factory.mktemp("framework_pages")) as (url, copy):
        yield url, copy


def test_metodologia_shows_the_descriptors_the_grades_and_what_changed(served):
    url, _ = served
    with browser_page(width=1400) as page:
        page.goto(url + "/metodologia")
        wait_rendered(page, 60000)
        page.get_by_text("PLAN — Planificación institucional").first.click()
        wait_rendered(page, 60000)
        page.get_by_text("Qué cambió entre versiones del marco").first.wait_for(timeout=30000)
        assert not error_texts(page), error_texts(page)
        text = page.inner_text("body")
        assert "Intermedio" in text and "Consolidado" in text and "PLAN.8 PISLEA aprobado y remitido" in text
        screenshot(page, "framework-metodologia")


def test_the_profile_shows_the_descriptor_of_the_level_reached(served):
    url, _ = served
    with browser_page(width=1400) as page:
        page.goto(url + "/entidad?entidad=DIGEMIG")
        wait_rendered(page, 60000)
        page.get_by_text("Criterios: puntaje, nivel alcanzado y evidencia").first.wait_for(timeout=30000)
        assert not error_texts(page), error_texts(page)
        screenshot(page, "framework-perfil")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_the_pdf_summary_shows_the_descriptor_of_the_level_reached(sample_db_file, tmp_path):
    copy = tmp_path / "egov.duckdb"
    shutil.copy(sample_db_file, copy)
    con = db.connect(copy)
    try:
        pdf = report_pdf.executive_summary(con.cursor(), "CGE-GE", "DIGEMIG", charts=False)
    finally:
        con.close()
    path = tmp_path / "digemig.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert " ".join(PLAN1_DEVELOPING.split()[:6]) in " ".join(text.split())
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", str(path),
                    str(ARTIFACTS / "framework-pdf")], check=True)
    assert sorted(ARTIFACTS.glob("framework-pdf-*.png"))
