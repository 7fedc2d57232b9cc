"""The executive summary PDF: DIGEMIG's reads as the seed report (K3/GP445/S24-G1) with the dashboard's charts.

The PDF's text is extracted with poppler's pdftotext and its pictures
counted with pdfimages; the pages are also rendered to PNG under
test-artifacts/ so a person can look at them.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from egov import scoring
from egov.storage import db
from egov.export import report_pdf, slides

FW = "CGE-GE"
AS_OF = date(2026, 1, 15)
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture
def cur(sample_con):
    with db.cursor(sample_con) as cursor:
        yield cursor


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def _images(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.strip().splitlines()[2:]]  # two header lines
    return sum(1 for row in rows if len(row) > 2 and row[2] == "image")  # not their alpha masks ("smask")


@pytest.fixture
def digemig_pdf(cur):
    return report_pdf.executive_summary(cur, FW, "DIGEMIG", "2024", as_of=AS_OF)


def test_digemig_summary_has_every_section_of_the_seed_report_in_order(digemig_pdf, tmp_path):
    text = _text(digemig_pdf, tmp_path)
    sections = ["CONTRALORÍA GENERAL DEL ESTADO", "RESUMEN EJECUTIVO", "Entidad:", "Referencia:", "Informe N.º:",
                "Objetivo:", "Objeto:", "Fecha de emisión:", "Lo que dice el informe", "Resultados",
                "Recomendaciones", "Seguimiento registrado de las recomendaciones", "Lo que calcula el tablero"]
    positions = [text.find(s) for s in sections]
    assert "Escalera de adopción" in text[positions[-1]:]  # the tools section is the dashboard's
    assert -1 not in positions, [s for s, p in zip(sections, positions) if p == -1]
    assert positions == sorted(positions)
    assert "Dirección General de Migración — DIGEMIG" in text
    assert "K3/GP445/S24-G1" in text and "12/12/2024" in text


def test_digemig_summary_says_what_the_seed_report_found(digemig_pdf, tmp_path):
    text = _text(digemig_pdf, tmp_path)
    for area in ("Planificación institucional", "Organización TIC", "Infraestructura tecnológica",
                 "Procesos y trámites"):
        assert area in text
    # Results, as the seed states them.
    for fact in ("2018-2025", "PEI 2021-2025", "3251", "Área de Sistemas", "VPNs", "PISI", "Manual de Procesos",
                 "Firma Digital", "Certificaciones Apostilladas", "Banco Unión", "dilución de responsabilidades"):
        assert fact in text, fact
    # The partners of its interoperability, as the report names them.
    for partner in ("Fuerza Especial de Lucha contra el Narcotráfico", "Ministerio de Justicia",
                    "Ministerio de Relaciones Exteriores", "Policía Boliviana",
                    "Servicio General de Identificación Personal"):
        assert partner in text, partner
    # The six recommendations, as issued, with the report's grouping.
    for start in ("Actualizar su Plan de Implementación de Gobierno Electrónico",
                  "realizar seguimientos a su Plan Institucional de Gobierno Electrónico",
                  "En el marco de su RE-SOA:", "Diseñar y formalizar procesos y procedimientos",
                  "Actualizar los procesos y procedimientos aplicados en los trámites",
                  "figure correctamente el nombre", "Portal de trámites del Estado"):
        assert start in text, start
    assert "escalón 1 de 4" in text and "Solo firma digital" in text
    assert "DATOS DE DEMOSTRACIÓN" not in text  # a real report


def test_digemig_summary_adds_the_dashboard_charts_and_scores(digemig_pdf, cur, tmp_path):
    text = _text(digemig_pdf, tmp_path)
    row = scoring.entity_scores(cur, FW, "2024", entities=["DIGEMIG"]).iloc[0]
    assert f"índice de madurez de {row['index_value']:.1f}".replace(".", ",") in text
    assert "Índice de madurez" in text  # the area summary table's total row
    assert _images(digemig_pdf, tmp_path) == 3  # profile against peers, criteria, tools
    assert "frente al promedio de sus pares" in text
    assert "Fuente: marco CGE-GE v" in text and "15/01/2026" in text
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "report-digemig.pdf"
    pdf.write_bytes(digemig_pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "report-digemig")], check=True)
    assert (ARTIFACTS / "report-digemig-1.png").is_file()


def test_report_figures_give_each_section_a_chart_titled_with_its_finding(cur):
    data = report_pdf.gather(cur, FW, "DIGEMIG", "2024", as_of=AS_OF)
    figures = slides.report_figures(cur, data, "es")
    assert [section for section, _, _ in figures] == ["results", "results", "tools"]
    titles = [fig.layout.title.text.replace("<br>", " ") for _, _, fig in figures]
    assert titles[0].startswith("La DIGEMIG obtiene")
    assert titles[2] == "La DIGEMIG está en el escalón 1 de 4 de la escalera de adopción: «Solo firma digital»"
    assert all(caption for _, caption, _ in figures)


def test_a_synthetic_entity_summary_is_marked_as_demonstration_data(cur, tmp_path):
    pdf = report_pdf.executive_summary(cur, FW, "SEGIP", "2024", charts=False, as_of=AS_OF)
    text = _text(pdf, tmp_path)
    assert "DATOS DE DEMOSTRACIÓN" in text and "Incluye datos sintéticos de demostración" in text
    assert "Servicio General de Identificación Personal" in text
    assert _images(pdf, tmp_path) == 0


def test_english_summary(cur, tmp_path):
    pdf = report_pdf.executive_summary(cur, FW, "DIGEMIG", "2024", lang="en", charts=False, as_of=AS_OF)
    text = _text(pdf, tmp_path)
    for section in ("EXECUTIVE SUMMARY", "Entity:", "Reference:", "Objective:", "Object:",
                    "What the report says", "What the dashboard computes", "E-government tools",
                    "Recommendations"):
        assert section in text, section


def _pages(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def test_with_the_demonstration_set_loaded_digemigs_pdf_uses_real_records_only(digemig_pdf, tmp_path):
    """Issue 13: no follow-up status, position or peer figure from synthetic data; the report's own words."""
    text = _text(digemig_pdf, tmp_path)
    assert "DATOS DE DEMOSTRACIÓN" not in text and "sintéticos" not in text
    # The report's own Objetivo and Objeto (not a catalogue template), with the period of its Objeto.
    assert ("para mejorar los trámites y/o servicios prestados a la Ciudadanía orientados a la calidad, eficacia y "
            "transparencia") in text
    assert "para el periodo 2021 — 2025" in text and "DIGEMIG ejecuta o presta a la ciudadanía" in text
    # No position among synthetic entities (DIGEMIG is the only real one: no position at all).
    assert not re.search(r"(puesto|posición) \d+ de \d+", text)
    # No deadline, no overdue status, no follow-up: none was recorded for the real report.
    assert "Vencida" not in text and "vencida" not in text.replace("Plazo vencido", "")
    assert text.count("Sin plazo: no hay cronograma de implementación registrado.") == 6
    assert text.count("Sin aceptación registrada") == 6
    assert "Cumplida" not in text and "En proceso" not in text
    # The scope limitation is said as such.
    assert "Limitación al alcance" in text and "documento solicitado y no proporcionado" in text
    # And the page says which part is the report and which the dashboard's.
    assert "no forman parte del informe emitido" in text


def test_asking_to_include_the_demonstration_set_puts_the_banner_on_every_page(cur, tmp_path):
    pdf = report_pdf.executive_summary(cur, FW, "DIGEMIG", "2024", charts=False, as_of=AS_OF,
                                       include_synthetic=True)
    text = _text(pdf, tmp_path)
    assert text.count("DATOS DE DEMOSTRACIÓN") >= _pages(pdf, tmp_path) >= 2
    assert re.search(r"(puesto|posición) \d+ de \d+", text)  # the position among every entity, synthetic ones included


def test_the_deck_about_one_entity_compares_with_real_records_only(cur):
    deck = slides.build_deck(cur, FW, "2024", entity="DIGEMIG", as_of=AS_OF)
    radar = next(s for s in deck if s.key == "entity.radar")
    assert "posición" not in radar.headline and not radar.synthetic
    assert radar.data["peer_score"].isna().all()  # no real peer in the sample: no peer average
    mixed = slides.build_deck(cur, FW, "2024", entity="DIGEMIG", as_of=AS_OF, include_synthetic=True)
    radar = next(s for s in mixed if s.key == "entity.radar")
    assert "posición" in radar.headline and radar.synthetic and radar.data["peer_score"].notna().any()


def test_the_summary_states_the_compliance_index_as_the_core_computes_it(digemig_pdf, cur, tmp_path):
    from egov import compliance
    # DIGEMIG's report gives no acceptance, schedule or follow-up: no credit, no deadline, so nothing is known.
    text = _text(digemig_pdf, tmp_path)
    assert ("Índice de cumplimiento de recomendaciones: no se conoce (grado no se conoce, oportunidad no se "
            "conoce); 0 recomendaciones con crédito, 0 en plazo, 6 sin plazo acordado, 0 no aplicables; cumplidas a tiempo: 0 de 0 "
            "con plazo acordado.") in text
    # A synthetic entity with the demonstration set asked for: the core's figures, every page marked.
    pdf = report_pdf.executive_summary(cur, FW, "SEGIP", "2024", charts=False, as_of=AS_OF, include_synthetic=True)
    text = _text(pdf, tmp_path)
    row = compliance.of_entity(cur, "SEGIP", as_of=AS_OF, framework=FW)

    def one(value):
        return f"{value:.1f}".replace(".", ",")

    assert (f"Índice de cumplimiento de recomendaciones: {one(row['compliance_index'])} (grado {one(row['degree'])}, "
            f"oportunidad {one(row['timeliness'])}); {row['counted']} recomendaciones con crédito") in text
    assert text.count("DATOS DE DEMOSTRACIÓN") >= _pages(pdf, tmp_path)
