"""The Entidad page (views/entidad.py) under AppTest, on the sample data and on an empty database."""

from __future__ import annotations

import pytest

from tests.support.pages_entity import chart_titles, open_page, table_with, texts


@pytest.fixture
def sample(sample_db, use_db):
    use_db(sample_db)


def _metrics(at) -> dict:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_digemig_profile_from_the_url_shows_index_level_rank_and_coverage(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    assert not at.exception
    assert at.header[0].value == "Dirección General de Migración (DIGEMIG)"
    metrics = _metrics(at)
    assert metrics["Índice 2024"][0] == "46,9"
    assert metrics["Grado de madurez"][0] == "Básico"
    assert metrics["Posición"][0] == "18 de 42"
    assert metrics["Cobertura"][0] == "62 %"
    assert "K3/GP445/S24-G1" in texts(at)
    assert at.selectbox(key="entity_profile_choice").value == "DIGEMIG"


def test_digemig_profile_shows_its_five_areas_against_its_peers(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    areas = table_with(at, "Media de pares")
    assert areas["Área"].tolist() == ["Planificación institucional", "Organización TIC",
                                      "Infraestructura tecnológica", "Procesos y trámites",
                                      "Herramientas de gobierno electrónico"]
    assert areas["Puntaje (0–100)"].tolist() == ["31,2", "45,0", "50,0", "50,0", "58,3"]
    assert [tab.label for tab in at.tabs] == areas["Área"].tolist()
    # DIGEMIG's sector has no other entity: the page starts on its level of government (20 peers).
    assert at.get("button_group")[0].value == "level"
    assert chart_titles(at)[0] == "Planificación institucional es su área más débil: 31,2 frente a 47,2 de sus pares"


def test_choosing_the_sector_as_peer_group_changes_the_peer_means(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    before = table_with(at, "Media de pares")["Media de pares"].tolist()
    at.get("button_group")[0].set_value("sector").run()
    after = table_with(at, "Media de pares")
    assert before != after["Media de pares"].tolist()
    assert after["Media de pares"].tolist() == ["—"] * 5 and after["Pares (n)"].tolist() == [0] * 5
    assert "no hay otra entidad evaluada en 2024" in texts(at)
    assert chart_titles(at)[0] == "Planificación institucional es su área más débil (31,2)"


def test_each_criterion_shows_its_result_level_descriptor_and_evidence_never_a_zero_for_unknown(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    crit = table_with(at, "Resultado")
    plan = crit.set_index(crit["Criterio"].str.split(" ").str[0])
    assert plan.loc["PLAN.1", "Resultado"] == "2 de 4"
    assert plan.loc["PLAN.1", "Nivel alcanzado"] == "En desarrollo"
    assert plan.loc["PLAN.1", "Qué significa ese nivel"] not in ("", "—")
    assert plan.loc["PLAN.1", "Evidencia"] not in ("", "—")
    assert plan.loc["PLAN.3", "Resultado"] == "Desconocido" and plan.loc["PLAN.3", "Nivel alcanzado"] == "—"
    herr = [f for f in [d.value for d in at.dataframe] if "Resultado" in f.columns][-1]
    herr = herr.set_index(herr["Criterio"].str.split(" ").str[0])
    assert herr.loc["HERR.6", "Resultado"] == "Desconocido"
    assert "HERR.5" not in herr.index and "HERR.8" not in herr.index  # no longer criteria in 2025.1
    assert herr.loc["HERR.1", "Resultado"] == "3 de 3"
    assert "derivado del estado de adopción" in herr.loc["HERR.1", "Evidencia"]


def test_digemig_tools_signature_only_for_apostilled_certificates_bilateral_interoperability_bank_collection(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    tools = table_with(at, "Estado de adopción").set_index("Herramienta")
    assert tools.loc["Firma digital", "Estado de adopción"] == "Plataforma del Estado"
    assert "Certificaciones Apostilladas" in tools.loc["Firma digital", "Alcance"]
    assert tools.loc["Interoperabilidad", "Estado de adopción"] == "Mecanismo propio"
    assert tools.loc["Pagos electrónicos", "Estado de adopción"] == "Mecanismo propio"
    assert "Banco Unión" in tools.loc["Pagos electrónicos", "Alcance"]
    assert tools.loc["Ciudadanía digital", "Estado de adopción"] == "Ninguna"
    assert tools.loc["Datos abiertos", "Estado de adopción"] == "Desconocido"
    partners = table_with(at, "Canal")
    names = " ".join(partners["Institución contraparte"])
    for partner in ("Fuerza Especial de Lucha contra el Narcotráfico", "Ministerio de Justicia",
                    "Relaciones Exteriores", "Policía", "Servicio General de Identificación Personal"):
        assert partner in names  # as the report names them
    assert set(partners["Canal"]) == {"Relación interinstitucional propia"}
    assert "Escalón de adopción: 1. Solo firma digital" in texts(at)


def test_digemig_shows_the_reports_findings_by_area_and_its_six_recommendations(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    found = table_with(at, "Condición")
    assert set(found["Área"]) == {"Planificación institucional", "Organización TIC", "Infraestructura tecnológica",
                                  "Procesos y trámites", "Herramientas de gobierno electrónico"}
    conditions = " ".join(found["Condición"])
    assert "sólo aplica la Firma Digital" in conditions and "PEI 2016-2020" in conditions
    recs = table_with(at, "rec_no")
    assert sorted(recs["rec_no"].tolist()) == [1, 2, 3, 4, 5, 6]
    assert "DIGEMIG solo tiene una gestión evaluada (2024)" in chart_titles(at)[-1]


def test_picking_another_entity_writes_it_in_the_url_and_shows_its_history(sample):
    at = open_page("entidad", entidad="DIGEMIG")
    at.selectbox(key="entity_profile_choice").set_value("ASFI").run()
    assert not at.exception
    assert at.query_params["entidad"] in ("ASFI", ["ASFI"])
    assert at.header[0].value == "Autoridad de Supervisión del Sistema Financiero (ASFI)"
    assert _metrics(at)["Índice 2024"] == ("74,8", "+19,2 puntos desde 2023")
    assert chart_titles(at)[-1] == "ASFI subió 29,6 puntos desde 2022"
    assert table_with(at, "Gestión")["Gestión"].tolist() == ["2022", "2023", "2024"]


def test_the_round_filter_changes_the_profile_figures(sample):
    at = open_page("entidad", entidad="ASFI", periodo="2023")
    assert _metrics(at)["Índice 2023"] == ("55,6", "+10,4 puntos desde 2022")
    # DIGEMIG was assessed only in 2024: asked for 2023, the page says so and shows 2024.
    at = open_page("entidad", entidad="DIGEMIG", periodo="2023")
    assert "no fue evaluada en la gestión 2023" in texts(at)
    assert "Índice 2024" in _metrics(at)


def test_without_an_entity_the_page_offers_the_entities_in_the_sidebar_scope(sample):
    at = open_page("entidad", nivel="empresa_publica")
    assert not at.exception
    assert "Elija una entidad" in texts(at)
    options = at.selectbox(key="entity_profile_choice").options
    assert 0 < len(options) < 10
    assert not any("DIGEMIG" in o for o in options)


def test_an_unknown_code_in_the_url_is_said_plainly(sample):
    at = open_page("entidad", entidad="NO-EXISTE")
    assert not at.exception
    assert "NO-EXISTE" in texts(at)


def test_profile_in_english(sample):
    at = open_page("entidad", entidad="DIGEMIG", lang="en")
    assert not at.exception
    assert at.title[0].value == "Entity profile"
    assert "Maturity grade" in _metrics(at)
    assert table_with(at, "Adoption status").set_index("Tool").loc["Digital signature", "Adoption status"] \
        == "State platform"


def test_profile_on_an_empty_database_says_what_to_load(empty_db, use_db):
    use_db(empty_db)
    at = open_page("entidad", entidad="DIGEMIG")
    assert not at.exception
    assert at.title[0].value == "Perfil de entidad"
    assert "Cargue puntajes" in texts(at)
    assert not at.get("plotly_chart") and not at.metric


def test_the_profile_states_the_entitys_criticality_group_or_that_none_is_recorded(sample_db, use_db):
    use_db(sample_db)
    at = open_page("entidad", entidad="DIGEMIG")
    caption = next(c.value for c in at.caption if "K3/GP445/S24-G1" in c.value)
    assert caption.endswith("criticidad no registrada"), caption  # the sample records none: never a guess
    from egov import ingest
    from egov.storage import db

    register = ("entidad,nombre,sigla,sector,nivel,tipo_entidad,departamento,dependencia,fuente,grupo_criticidad\n"
                "DIGEMIG,Dirección General de Migración,DIGEMIG,Seguridad interior / migración,central,"
                "Dirección General (desconcentrada),,Ministerio de Gobierno,IvanFlores/Entidades dump,alta\n")
    con = db.connect(sample_db)
    try:
        result = ingest.import_file(con, register.encode("utf-8"), "criticidad.csv", confirm_changes=True)
    finally:
        con.close()
    assert result.status == "imported", result.problems
    at = open_page("entidad", entidad="DIGEMIG")
    caption = next(c.value for c in at.caption if "K3/GP445/S24-G1" in c.value)
    assert caption.endswith("· criticidad alta"), caption
