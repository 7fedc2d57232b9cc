"""The record on the pages (AppTest): the profile's report, findings and timeline; Seguimiento's stage filter."""

from __future__ import annotations

from datetime import date

import pytest

from egov import followup, scoring
from egov.storage import db
from tests.support.pages_entity import chart_titles, open_page, table_with, tables, texts


@pytest.fixture
def sample(sample_db, use_db):
    use_db(sample_db)
    return sample_db


def test_digemigs_profile_shows_the_report_as_issued_its_findings_and_no_deadline(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    assert not at.exception, at.exception
    shown = "\n".join(x.value for x in at.text)
    assert "Ciudadanía orientados a la calidad, eficacia y transparencia" in shown  # st.text: data, not Markdown
    assert "para el periodo 2021 — 2025" in shown
    assert "Limitación al alcance (INFRA.4)" in texts(at)
    found = table_with(at, "Condición")
    assert found["Efecto"].str.contains("dilución de responsabilidades").any()
    assert (found["Causa"] == "— (el informe no lo dice)").all()
    timeline = table_with(at, "Etapa")
    assert set(timeline["Etapa"]) == {"Sin aceptación registrada"}
    assert set(timeline["Plazo acordado"]) == {"Sin plazo (sin cronograma)"}
    assert "6 recomendaciones: 6 sin cronograma (sin plazo), 0 con plazo vencido" in chart_titles(at)
    results = [r for frame in tables(at) if "Resultado" in frame.columns
               for c, r in zip(frame["Criterio"], frame["Resultado"]) if str(c).startswith("INFRA.4")]
    assert results == ["Limitación al alcance"]


def test_a_synthetic_entitys_timeline_draws_its_recorded_life_cycle(sample):
    con = db.connect(sample)
    try:
        recs = followup.recommendations(con.cursor(), as_of=date.today())
        entity = recs[recs["stage"] == "plazo_vencido"].iloc[0]["entity_code"]
    finally:
        con.close()
    at = open_page("entidad", entidad=entity)
    assert not at.exception, at.exception
    assert any("con plazo vencido" in title for title in chart_titles(at))
    assert "Plazo vencido" in set(table_with(at, "Etapa")["Etapa"])


def test_seguimiento_filters_the_list_by_life_cycle_stage(sample):
    at = open_page("seguimiento")
    assert not at.exception, at.exception
    con = db.connect(sample)
    try:
        cur = con.cursor()
        fw = scoring.default_framework(cur)

        def expected(stages):
            return len(followup.recommendations(cur, framework=fw, as_of=date.today(), stages=stages))

        for stages in (["sin_cronograma"], ["sin_aceptar"], ["plazo_vencido", "en_plazo"]):
            at.multiselect(key="followup_stages").set_value(stages).run()
            listed = at.dataframe[1].value
            assert len(listed) == expected(stages) > 0, stages
    finally:
        con.close()
    assert set(listed["stage"]) == {"Plazo vencido", "Pendiente de implementación (en plazo)"}
