"""Declared beside verified, and the minimum coverage, on the pages (AppTest on the sample data).

The sample's self-assessments (data/sample/demo/autoevaluacion.csv) cover criteria the demonstration
verifies, so every official figure stays what it was; the declared figures are the sample's own.
"""

from __future__ import annotations

import pytest

from egov import scoring
from egov.ingest import import_file
from egov.storage import db
from tests.support.coverage import framework_row_with_minimum
from tests.support.pages_entity import open_page, table_with, tables, texts


@pytest.fixture
def sample(sample_db, use_db):
    use_db(sample_db)
    return sample_db


def test_the_profile_puts_the_declaration_beside_the_verified_result_and_the_declared_index(sample):
    at = open_page("entidad", entidad="MIN-JTI")
    assert not at.exception
    page = texts(at)
    # MIN-JTI 2024: declared index 54.88 against the official 33.58; every scored criterion verified
    assert "índice declarado 54,9 frente a 33,6 con la verificación; 100 % de los criterios" in page
    plan = table_with(at, "Declarado por la entidad")
    assert set(plan["Fuente del resultado"]) == {"verificado"}
    assert "Área: " in page and "según la autoevaluación de la entidad" in page


def test_digemig_has_no_declaration_and_its_profile_shows_none(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    assert not at.exception
    assert all("Declarado por la entidad" not in frame.columns for frame in tables(at))
    assert "índice declarado" not in texts(at)


def test_the_areas_page_shows_who_overstates_most_and_in_which_areas(sample):
    at = open_page("areas")
    assert not at.exception
    assert "Autoevaluación y verificación" in [s.value for s in at.subheader]
    # 14 synthetic entities declared in 2024; MIN-JTI 54.88 − 33.58 = 21.30 is the largest gap
    assert ("14 entidades presentaron autoevaluación; Ministerio de Justicia y Transparencia Institucional es la "
            "que más se aleja de lo verificado (21,3 puntos") in texts(at)
    gaps = table_with(at, "Diferencia (declarado − oficial)")
    assert len(gaps) == 14 and gaps.iloc[0]["Índice declarado"] == "54,9"
    assert set(gaps["Parte verificada"]) == {"100 %"}
    by_area = table_with(at, "Diferencia media (declarado − oficial)")
    assert by_area["Entidades"].tolist() == [14, 14, 14, 14]  # HERR is scored from tools: nobody declares it


def _raise_minimum(store, percent: int) -> None:
    """Re-import the default framework's 'marco' row with a minimum coverage of ``percent``."""
    con = db.connect(store)
    try:
        result = import_file(con, framework_row_with_minimum(percent), "marco-minimo.csv", confirm_changes=True)
        assert result.status == "imported", result.problems
    finally:
        con.close()


def test_under_a_70_percent_minimum_digemig_has_no_position_and_resumen_names_it(sample):
    _raise_minimum(sample, 70)  # DIGEMIG: 18 of 29 = 62 %; every other entity of 2024 has 26 or more of 29
    con = db.connect(sample)
    try:
        scores = scoring.entity_scores(con.cursor(), "CGE-GE", "2024").set_index("entity_code")
    finally:
        con.close()
    assert scores.loc["DIGEMIG", "index_computed"] == pytest.approx(46.92)
    assert scores["coverage_insufficient"].sum() == 1 and scores.loc["DIGEMIG", "coverage_insufficient"]
    assert int(scores["ranked_in_period"].iloc[0]) == 41  # 42 assessed, DIGEMIG left out
    at = open_page("resumen")
    assert not at.exception
    [note] = [i.value for i in at.info if "Cobertura insuficiente" in i.value]
    assert "Dirección General de Migración (2024, 62 %)" in note and "(70 % de los criterios" in note
    profile = open_page("entidad", entidad="DIGEMIG")
    metrics = {m.label: m.value for m in profile.metric}
    assert metrics["Posición"] == "—" and metrics["Índice 2024"] == "—"
    assert any("Cobertura insuficiente: 62 %" in w.value for w in profile.warning)
