"""The overview pages (Resumen, Áreas de supervisión, Herramientas) and the reads and findings behind them.

Unit tests build a tiny database through the real importer, with figures computed by hand:

    entities: ALFA (sector S1, central), BETA (S1, municipal), GAMA (S2, municipal)
    2024  ALFA  PLAN.1=4 PLAN.2=2 ORG.1=3  tools: signature, interoperability, payments, citizenship all
                                                  through the platform; partners SEGIP and BETA (bilateral)
          BETA  PLAN.1=1 PLAN.2=1 ORG.1=1  tools: signature platform, payments own mechanism
          GAMA  PLAN.1=2 ORG.1=4           no tool data
    2023  ALFA  PLAN.1=2;  BETA  PLAN.1=0

    areas 2024: ALFA PLAN 75, ORG 75, HERR 100 (HERR.1–4 = 3/3)         -> index 83.33
                BETA PLAN 25, ORG 25, HERR (1 + 2/3)/2 = 83.33          -> index 44.44
                GAMA PLAN 50, ORG 100                                   -> index 75
    2023: ALFA 50, BETA 0 -> mean 25; 2024 mean (83.33 + 44.44 + 75)/3 = 67.59
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from egov import areas, framework, overview, scoring, tools
from egov.storage import db
from egov.charts import findings
from egov.ingest import import_file

F = "CGE-GE"

ENTITIES = """entidad,nombre,sigla,sector,nivel
ALFA,Ministerio Alfa,ALFA,S1,central
BETA,Gobierno Municipal Beta,BETA,S1,municipal
GAMA,Gobierno Municipal Gama,GAMA,S2,municipal
"""
SCORES = """entidad,periodo,marco,criterio,puntaje,estado,informe,fecha_emision
ALFA,2024,CGE-GE,PLAN.1,4,evaluado,R-1,01/12/2024
ALFA,2024,CGE-GE,PLAN.2,2,evaluado,R-1,01/12/2024
ALFA,2024,CGE-GE,ORG.1,3,evaluado,R-1,01/12/2024
BETA,2024,CGE-GE,PLAN.1,1,evaluado,R-2,01/12/2024
BETA,2024,CGE-GE,PLAN.2,1,evaluado,R-2,01/12/2024
BETA,2024,CGE-GE,ORG.1,1,evaluado,R-2,01/12/2024
GAMA,2024,CGE-GE,PLAN.1,2,evaluado,R-3,01/12/2024
GAMA,2024,CGE-GE,ORG.1,4,evaluado,R-3,01/12/2024
ALFA,2023,CGE-GE,PLAN.1,2,evaluado,R-4,01/12/2023
BETA,2023,CGE-GE,PLAN.1,0,evaluado,R-5,01/12/2023
"""
TOOLS = """entidad,periodo,marco,herramienta,estado,tramites,alcance,socios
ALFA,2024,CGE-GE,firma_digital,plataforma,3,,
ALFA,2024,CGE-GE,interoperabilidad,plataforma,2,,SEGIP | Gobierno Municipal Beta (bilateral)
ALFA,2024,CGE-GE,pagos_electronicos,plataforma,1,,
ALFA,2024,CGE-GE,ciudadania_digital,plataforma,1,,
BETA,2024,CGE-GE,firma_digital,plataforma,1,,
BETA,2024,CGE-GE,pagos_electronicos,propia,1,Contrato con un banco,
"""


@pytest.fixture
def tiny(empty_db):
    con = db.connect(empty_db)
    for name, text in (("entidades.csv", ENTITIES), ("puntajes.csv", SCORES), ("herramientas.csv", TOOLS)):
        result = import_file(con, text.encode(), name, user="test", role="admin", confirm_changes=True)
        assert result.status == "imported", (name, result.summary_es, list(result.problems)[:3])
    yield con
    con.close()


# --- Core reads on the tiny database -------------------------------------------------------------


def test_area_scores_in_scope_follow_the_sector_filter(tiny):
    rows = areas.area_scores(tiny, F, "2024")
    wide = rows.pivot_table(index="entity_code", columns="area_code", values="area_score")
    assert wide.loc["ALFA", ["PLAN", "ORG", "HERR"]].tolist() == pytest.approx([75, 75, 100])
    assert wide.loc["BETA", ["PLAN", "ORG", "HERR"]].tolist() == pytest.approx([25, 25, 250 / 3])
    assert wide.loc["GAMA", ["PLAN", "ORG"]].tolist() == pytest.approx([50, 100])
    assert pd.isna(wide.loc["GAMA", "HERR"])  # no tool data: no score, never zero
    assert set(areas.area_scores(tiny, F, "2024", sectors=["S2"])["entity_code"]) == {"GAMA"}


def test_area_means_leave_out_entities_without_a_score(tiny):
    means = areas.area_means(areas.area_scores(tiny, F, "2024")).set_index("area_code")
    assert means.loc["PLAN", "mean_score"] == pytest.approx(50)
    assert means.loc["ORG", "mean_score"] == pytest.approx(200 / 3)
    assert means.loc["HERR", "mean_score"] == pytest.approx((100 + 250 / 3) / 2)
    assert means.loc["HERR", "entities"] == 2


def test_area_averages_by_level_of_government(tiny):
    groups = areas.by_group(tiny, F, "2024", "gov_level")
    cell = groups.set_index(["group_value", "area_code"])
    assert cell.loc[("municipal", "PLAN"), "mean_score"] == pytest.approx(37.5)
    assert cell.loc[("municipal", "ORG"), "mean_score"] == pytest.approx(62.5)
    assert cell.loc[("municipal", "HERR"), "mean_score"] == pytest.approx(250 / 3)
    assert cell.loc[("municipal", "HERR"), "entities"] == 1
    assert cell.loc[("municipal", "PLAN"), "mean_index"] == pytest.approx((400 / 9 + 75) / 2)
    assert groups["group_value"].iloc[0] == "central"  # best mean index first (83.3)
    by_sector = areas.by_group(tiny, F, "2024", "sector", levels=["municipal"])
    assert set(by_sector["group_value"]) == {"S1", "S2"}
    with pytest.raises(ValueError):
        areas.by_group(tiny, F, "2024", "department")


def test_failed_criteria_count_only_assessed_entities_below_established(tiny):
    failed = areas.failed_criteria(tiny, F, "2024").set_index("criterion_code")
    assert failed.loc["PLAN.2", ["failing", "assessed"]].tolist() == [2, 2]
    assert failed.loc["PLAN.1", ["failing", "assessed"]].tolist() == [2, 3]
    assert failed.loc["ORG.1", ["failing", "assessed"]].tolist() == [1, 3]  # 3 of 4 is «Establecido»: not failing
    assert failed.loc["HERR.3", ["failing", "assessed"]].tolist() == [1, 2]  # own mechanism is below the platform
    assert failed.loc["HERR.1", ["failing", "assessed"]].tolist() == [0, 2]
    assert failed.index[0] == "PLAN.2"
    assert findings.failed_criteria_headline(failed.reset_index(), "es") == (
        "«PIIGE articulado con el PEI vigente» es el criterio que más entidades no alcanzan: 2 de 2 (100 %)")


def test_tool_reads_ladder_combinations_and_network(tiny):
    ladder = tools.ladder(tiny, F, "2024").set_index("entity_code")
    # GAMA has no tool recorded: left out of the ladder (unknown is not «sin herramientas»)
    assert ladder["step"].to_dict() == {"ALFA": 4, "BETA": 1}
    summary = tools.ladder_summary(ladder.reset_index(), tools.steps(tiny, F)).set_index("step")
    assert summary["entities"].tolist() == [0, 1, 0, 0, 1] and summary.loc[1, "own"] == 1
    assert tools.matrix_order(ladder.reset_index()) == ["ALFA", "BETA"]
    own = tools.own_mechanisms(ladder.reset_index())
    assert own["entity_code"].tolist() == ["BETA"]
    combos = tools.combinations(tiny, F, "2024")
    assert combos["entities"].tolist() == [1, 1] and combos["total"].tolist() == [2, 2]
    assert set(combos["combination_es"]) == {
        "Firma digital", "Firma digital + Interoperabilidad + Pagos electrónicos + Ciudadanía digital"}
    edges = tools.network(tiny, F, "2024").set_index("target_label")
    assert edges.loc["BETA", "target_code"] == "BETA" and edges.loc["BETA", "channel"] == "bilateral"
    assert pd.isna(edges.loc["SEGIP", "target_code"]) and edges.loc["SEGIP", "channel"] == "plataforma"
    assert findings.network_headline(edges.reset_index(), "es") == (
        "1 entidades intercambian datos con 2 instituciones: 1 vínculos por la plataforma del Estado y 1 por "
        "convenio bilateral")
    assert tools.network(tiny, F, "2024", levels=["municipal"]).empty


def test_overview_figures_and_change_since_the_previous_round(tiny):
    found = overview.overview(tiny, F, "2024", "2023")
    assert found.entities == 3 and found.entities_before == 2
    assert found.mean_index == pytest.approx((250 / 3 + 400 / 9 + 75) / 3, abs=0.01)
    assert found.mean_index_before == pytest.approx(25)
    assert found.change == pytest.approx(42.6)
    assert found.ladder == {"total": 2, "signature": 1, "full": 1, "own": 1}
    assert found.bands.set_index("band_code")["entities"].to_dict() == {
        "INICIAL": 0, "DESARROLLO": 1, "ESTABLECIDO": 0, "AVANZADO": 2}
    narrowed = overview.overview(tiny, F, "2024", "2023", sectors=["S1"])
    assert narrowed.entities == 2 and narrowed.mean_index == pytest.approx((250 / 3 + 400 / 9) / 2, abs=0.01)
    assert findings.index_change(found.mean_index, found.mean_index_before, "es") == (
        "El índice promedio subió 42,6 puntos desde la gestión anterior (25,0 → 67,6)")


# --- Findings by hand -------------------------------------------------------------------------------


def test_findings_state_the_numbers_in_spanish_and_english(tiny):
    ladder = tools.ladder(tiny, F, "2024")
    assert findings.only_signature(ladder, "es") == (
        "1 de 2 entidades solo usa firma digital; 1 alcanza la interoperabilidad plena")
    assert findings.only_signature(ladder, "en", with_own=True) == (
        "1 of 2 entities uses only digital signature; 1 reaches full interoperability (1 with own mechanisms)")
    scores = scoring.entity_scores(tiny, F, "2024")
    assert findings.ranking_headline(scores, "es") == (
        "ALFA tiene el índice más alto, 83,3; BETA, el más bajo, 44,4 (mediana 75,0)")
    assert findings.levels_headline(scores, "en", framework.bands(tiny, F)) == (
        "The most frequent grade is “Consolidated”: 2 of 3 entities")
    area_rows = areas.area_scores(tiny, F, "2024")
    assert findings.weakest_area(areas.area_means(area_rows), "es") == (
        "Planificación institucional es el área más rezagada: promedio 50,0")
    assert findings.heatmap_headline(area_rows, "es") == (
        "0 de 3 entidades tienen al menos un área por debajo de 25; Planificación institucional es la más "
        "rezagada (promedio 50,0)")
    assert findings.spread_headline(area_rows, "en") == (
        "ICT organisation is the most uneven area: from 25.0 to 100.0 across entities")
    assert findings.combinations_headline(tools.combinations(tiny, F, "2024"), "es").endswith("1 de 2 entidades (50 %)")
    assert findings.index_change(50.0, 50.04, "es") == "El índice promedio no cambió desde la gestión anterior (50,0)"
    assert findings.index_change(40.0, 52.5, "en") == (
        "The mean index fell 12.5 points since the previous round (52.5 → 40.0)")
    assert findings.index_change(40.0, None, "es") == "Índice promedio 40,0; no hay gestión anterior para comparar"


def test_findings_on_empty_frames_say_there_is_nothing(tiny):
    none = tools.ladder(tiny, F, "2019")
    assert findings.only_signature(none, "es") == "No hay datos de herramientas para esta selección"
    assert findings.ranking_headline(scoring.entity_scores(tiny, F, "2019"), "en") == "No index for this selection"
    assert findings.network_headline(tools.network(tiny, F, "2019"), "es").startswith("No hay vínculos")


def test_ranking_shares_first_place_between_tied_entities():
    scores = pd.DataFrame({"entity_code": ["A", "B", "C"], "acronym": ["AA", "BB", "CC"],
                           "index_value": [70.0, 70.0, 40.0]})
    assert findings.ranking_headline(scores, "es") == (
        "AA y BB comparten el índice más alto, 70,0; CC tiene el más bajo, 40,0 (mediana 70,0)")


# --- Pages through AppTest -------------------------------------------------------------------------

PAGES = {"views/resumen.py": ("Resumen", 3), "views/areas.py": ("Áreas de supervisión", 4),
         "views/herramientas.py": ("Herramientas de gobierno electrónico", 4)}
CLICKABLE = {"views/resumen.py": "resumen_ranking", "views/areas.py": "areas_heatmap",
             "views/herramientas.py": "tools_matrix"}


def _app(page: str, *, lang: str | None = None, **params: str) -> AppTest:
    """The app on ``page``; ``params`` are URL parameters (a shared link: nivel=..., sector=...)."""
    at = AppTest.from_file("../app.py", default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _titles(at: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")
            for chart in at.get("plotly_chart")]


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("page", list(PAGES))
def test_page_on_sample_data_draws_its_charts_and_a_click_opens_the_profile(page, sample_db, use_db):
    use_db(sample_db)
    at = _app(page)
    title, charts = PAGES[page]
    assert at.title[0].value == title
    assert len(at.get("plotly_chart")) == charts
    assert not at.info, [i.value for i in at.info]
    assert all(_titles(at)), "every chart states its finding"
    at.session_state[CLICKABLE[page]] = {"selection": {"points": [{"customdata": ["DIGEMIG"]}],
                                                       "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert at.query_params.get("entidad") in ("DIGEMIG", ["DIGEMIG"])
    assert not at.title or at.title[0].value != title


@pytest.fixture
def nothing_scored_db(empty_db):
    """One entity assessed with every criterion unknown and no tool data: nothing to chart yet.
    (A database without any assessment opens on the sample data, so the app never shows it empty.)"""
    con = db.connect(empty_db)
    try:
        unknown = ("entidad,periodo,marco,criterio,estado\n"
                   "ALFA,2024,CGE-GE,PLAN.1,desconocido\nALFA,2024,CGE-GE,ORG.1,desconocido\n")
        for name, text in (("entidades.csv", ENTITIES), ("puntajes.csv", unknown)):
            assert import_file(con, text.encode(), name, user="test", role="admin").status == "imported"
    finally:
        con.close()
    return empty_db


@pytest.mark.parametrize("page", list(PAGES))
def test_page_with_nothing_scored_says_what_to_load_instead_of_each_chart(page, nothing_scored_db, use_db):
    use_db(nothing_scored_db)
    at = _app(page)
    assert at.title[0].value == PAGES[page][0]
    assert not at.get("plotly_chart")
    notices = [i.value for i in at.info]
    assert len(notices) >= (3 if page == "views/resumen.py" else PAGES[page][1]), notices
    assert all("Cargar datos" in n or "instituciones contraparte" in n for n in notices), notices


def test_resumen_states_only_signature_and_full_interoperability_as_a_direct_count(sample_db, use_db):
    con = db.connect(sample_db)
    try:
        period = con.execute("SELECT max(period) FROM assessment").fetchall()[0][0]
        platform = con.execute(
            "SELECT entity_code, list(tool_code) FILTER (WHERE status = 'plataforma') AS tools "
            "FROM assessment a LEFT JOIN tool_adoption t USING (entity_code, period, framework_code) "
            "WHERE a.period = ? GROUP BY entity_code", [period]).df()
    finally:
        con.close()
    core = {"firma_digital", "interoperabilidad", "pagos_electronicos", "ciudadania_digital"}
    sets = [set(v) if isinstance(v, (list, np.ndarray)) else set() for v in platform["tools"]]
    only = sum(1 for s in sets if s & core == {"firma_digital"})
    full = sum(1 for s in sets if core <= s)
    assert 0 < only < len(sets) and 0 < full < len(sets)
    use_db(sample_db)
    at = _app("views/resumen.py")
    statement = f"{only} de {len(sets)} entidades solo usan firma digital; {full} alcanzan la interoperabilidad plena"
    assert any(statement in m.value for m in at.markdown), [m.value for m in at.markdown]
    assert _metric(at, "Entidades evaluadas") == str(len(sets))


def test_sector_filter_changes_the_resumen_figures(sample_db, use_db):
    use_db(sample_db)
    at = _app("views/resumen.py")
    assert _metric(at, "Entidades evaluadas") == "42"
    before = _titles(at)
    at.multiselect(key="filter_sectors").set_value(["Gobierno departamental", "Salud"]).run()
    assert not at.exception
    con = db.connect(sample_db)
    try:
        scores = scoring.entity_scores(con, F, "2024", sectors=["Gobierno departamental", "Salud"])
    finally:
        con.close()
    assert _metric(at, "Entidades evaluadas") == str(len(scores)) == "5"
    assert _titles(at) != before
    assert findings.ranking_headline(scores, "es") in _titles(at)


def test_a_shared_link_with_a_level_filter_narrows_the_areas_and_tools_pages(sample_db, use_db):
    use_db(sample_db)
    whole = _titles(_app("views/areas.py"))
    at = _app("views/areas.py", nivel="empresa_publica")
    assert "5 entidades en la selección" in at.caption[0].value
    assert _titles(at) != whole
    con = db.connect(sample_db)
    try:
        rows = areas.area_scores(con, F, "2024", levels=["empresa_publica"])
        ladder = tools.ladder(con, F, "2024", levels=["empresa_publica"])
    finally:
        con.close()
    assert findings.spread_headline(rows, "es") in _titles(at)
    at.switch_page("views/herramientas.py").run()
    assert not at.exception
    assert "5 entidades en la selección" in at.caption[0].value
    assert findings.only_signature(ladder, "es") in _titles(at)


def test_areas_heatmap_sorts_by_a_chosen_area(sample_db, use_db):
    use_db(sample_db)
    at = _app("views/areas.py")
    at.selectbox(key="areas_sort").set_value("INFRA").run()
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    infra = [row[2] for row in heatmap["z"]]
    assert infra == sorted(infra, key=lambda v: -1 if v is None else v, reverse=True)
    at.selectbox(key="areas_sort").set_value("name").run()
    labels = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["y"]
    assert labels == sorted(labels, key=str.lower)


def test_resumen_in_english(sample_db, use_db):
    use_db(sample_db)
    at = _app("views/resumen.py", lang="en")
    assert at.title[0].value == "Overview"
    assert any("use only digital signature" in m.value for m in at.markdown)
    assert "Entities assessed" in [m.label for m in at.metric]


def test_resumen_position_chart_marks_the_entities_tied_within_the_uncertainty(sample_db, use_db):
    """The positions on Resumen's chart read as the Sensibilidad page reads them: an entity whose position
    interval overlaps others' (or whose index equals another's) is shown tied at its group's position."""
    from egov import sensitivity

    con = db.connect(sample_db)
    try:
        period = con.execute("SELECT max(period) FROM assessment").fetchall()[0][0]
        with db.cursor(con) as cur:
            table = sensitivity.uncertainty_table(cur, F, period).set_index("entity_code")
    finally:
        con.close()
    tied = table[table["tied_with"].fillna(0) > 0]
    assert 0 < len(tied) < len(table.dropna(subset=["rank_low"]))  # the sample has ties and entities alone
    use_db(sample_db)
    at = _app("views/resumen.py")
    chart = json.loads(at.get("plotly_chart")[-1].proto.spec)  # the positions, the page's last chart
    shown = {}
    for trace in chart["data"]:
        for row, text in zip(trace.get("customdata") or [], trace.get("text") or []):
            shown[row[0]] = (row[3], text)
    assert shown and set(shown) & set(tied.index)
    for code, (position, text) in shown.items():
        row = table.loc[code]
        if code in tied.index:
            assert position == f"{int(row['tied_rank'])} (empate)", code
            assert text.endswith(f"empate en {int(row['tied_rank'])}.º"), text
        else:
            assert int(position) == int(row["rank_in_period"]) and "empate" not in text, code
    assert any("«Empate»" in c.value for c in at.caption)
