"""Two sources per criterion (the entity's declaration, the supervisor's verification) and the
framework's minimum coverage, through real imports, the `egov scores` command and undo (issue 16, 007)."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from click.testing import CliRunner

from egov import scoring
from egov.cli import main
from egov.ingest import import_file, undo
from egov.storage import db, sql
from tests.corpus.build import csv_bytes

pytestmark = pytest.mark.both_backends

# Framework DV: areas A and B (weight 1 each), two criteria each (weight 1, scale 0–4); minimum coverage 50 %.
FRAMEWORK = csv_bytes(
    ["marco", "tipo", "codigo", "area", "nombre", "peso", "escala_min", "escala_max", "limite_inferior",
     "limite_superior", "nivel", "version", "cobertura_minima", "orden"],
    [["DV", "marco", "", "", "Marco de prueba", "", "", "", "", "", "", "1", "50", ""],
     ["DV", "area", "A", "", "Área A", "1", "", "", "", "", "", "", "", "1"],
     ["DV", "area", "B", "", "Área B", "1", "", "", "", "", "", "", "", "2"],
     ["DV", "criterio", "A1", "A", "A uno", "1", "0", "4", "", "", "", "", "", "1"],
     ["DV", "criterio", "A2", "A", "A dos", "1", "0", "4", "", "", "", "", "", "2"],
     ["DV", "criterio", "B1", "B", "B uno", "1", "0", "4", "", "", "", "", "", "1"],
     ["DV", "criterio", "B2", "B", "B dos", "1", "0", "4", "", "", "", "", "", "2"],
     ["DV", "banda", "BAJO", "", "Bajo", "", "", "", "0", "50", "", "", "", "1"],
     ["DV", "banda", "ALTO", "", "Alto", "", "", "", "50", "100", "", "", "", "2"],
     ["DV", "escalon", "", "", "Sin herramientas", "", "", "", "", "", "0", "", "", ""]])
ENTITIES = csv_bytes(["entidad", "nombre", "sector", "nivel"],
                     [[c, f"Entidad {c}", "Pruebas", "central"] for c in ("E1", "E2", "E3")])
SCORE_HEADER = ["entidad", "gestion", "marco", "criterio", "puntaje", "estado", "evidencia", "fuente"]
# E1's self-assessment: A1 4, A2 4, B1 4, B2 2.
DECLARED = csv_bytes(SCORE_HEADER, [
    ["E1", "2024", "DV", "A1", "4", "", "Plan aprobado", "declarado"],
    ["E1", "2024", "DV", "A2", "4", "", "", "declarado"],
    ["E1", "2024", "DV", "B1", "4", "", "", "declarado"],
    ["E1", "2024", "DV", "B2", "2", "", "", "declarado"]])
# The supervisor verifies A1 (2, not 4) and B1 (4) of E1; E2 has 1 of 4 criteria scored, E3 3 of 4.
# No «fuente» column: a file as written before migration 007 is a verification.
VERIFIED = csv_bytes(SCORE_HEADER[:-1], [
    ["E1", "2024", "DV", "A1", "2", "", "RM 12/2024 sin aprobar el PIIGE"],
    ["E1", "2024", "DV", "B1", "4", ""],
    ["E2", "2024", "DV", "A1", "3", "", ""],
    ["E2", "2024", "DV", "A2", "", "desconocido", ""],
    ["E3", "2024", "DV", "A1", "1", "", ""],
    ["E3", "2024", "DV", "B1", "1", "", ""],
    ["E3", "2024", "DV", "B2", "1", "", ""]])


@pytest.fixture
def con(new_store):
    connection = db.connect(new_store)
    for data, name in ((FRAMEWORK, "marco.csv"), (ENTITIES, "entidades.csv")):
        assert import_file(connection, data, name).status == "imported"
    yield connection
    connection.close()


def scores_csv(store, monkeypatch) -> dict[str, dict]:
    monkeypatch.setenv("EGOV_DB", str(store))
    result = CliRunner().invoke(main, ["scores", "--framework", "DV", "--format", "csv"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {r["entidad"]: r for r in csv.DictReader(io.StringIO(result.output))}


def test_a_verification_over_a_self_assessment_gives_the_hand_computed_indices_and_undo_restores_it(
        con, new_store, monkeypatch):
    declared = import_file(con, DECLARED, "autoevaluacion.csv")
    assert declared.status == "imported"
    rows = scores_csv(new_store, monkeypatch)
    # declared only: A = 100 × (1 + 1)/2 = 100, B = 100 × (1 + 0.5)/2 = 75, index = (100 + 75)/2 = 87.5
    assert (rows["E1"]["indice"], rows["E1"]["indice_declarado"], rows["E1"]["parte_verificada"]) == \
        ("87.5", "87.5", "0.0")
    verified = import_file(con, VERIFIED, "verificacion.csv", confirm_changes=True)
    assert verified.status == "imported", verified.problems
    rows = scores_csv(new_store, monkeypatch)
    # official: A1 2 (verified, 0.5), A2 4 (declared, 1), B1 4 (verified, 1), B2 2 (declared, 0.5)
    #   A = 100 × (0.5 + 1)/2 = 75, B = 100 × (1 + 0.5)/2 = 75, index = 75
    #   verified share = 2 verified / 4 scored = 0.5 ; the declared index stays 87.5
    #   (a verification overwriting the declaration would give declared = official = 75)
    assert (rows["E1"]["indice"], rows["E1"]["indice_declarado"], rows["E1"]["parte_verificada"]) == \
        ("75.0", "87.5", "0.5")
    # E3: A = 100 × 0.25 = 25, B = 100 × (0.25 + 0.25)/2 = 25 -> 25, coverage 3/4, all verified, nothing declared
    assert (rows["E3"]["indice"], rows["E3"]["indice_declarado"], rows["E3"]["parte_verificada"]) == \
        ("25.0", "", "1.0")
    assert (rows["E1"]["puesto"], rows["E3"]["puesto"]) == ("1", "2")
    # E2: 1 scored of 4 applicable = 25 % < 50 %: no index and no position
    assert (rows["E2"]["indice"], rows["E2"]["puesto"], rows["E2"]["cobertura_insuficiente"]) == ("", "", "True")
    cur = con.cursor()
    results = scoring.criterion_results(cur, "DV", "2024").set_index(["entity_code", "criterion_code"])
    assert results.loc[("E1", "A1"), ["source", "score", "declared_score"]].tolist() == ["verificado", 2.0, 4.0]
    assert results.loc[("E1", "A2"), ["source", "score"]].tolist() == ["declarado", 4.0]
    # the declaration is still stored as imported, with its evidence and batch (who and when)
    stored = sql.run(cur, "declared_scores", framework="DV", period="2024").set_index("criterion_code")
    assert stored.loc["A1", ["score", "evidence"]].tolist() == [4.0, "Plan aprobado"]
    assert (stored["batch_id"] == declared.batch_id).all() and (stored["recorded_by"] == "local").all()

    undo(con, verified.batch_id)
    rows = scores_csv(new_store, monkeypatch)
    assert set(rows) == {"E1"}  # E2 and E3 came with the verification only
    assert (rows["E1"]["indice"], rows["E1"]["indice_declarado"], rows["E1"]["parte_verificada"]) == \
        ("87.5", "87.5", "0.0")


def test_an_entity_under_the_minimum_coverage_has_no_position_and_is_named_in_the_note(con):
    assert import_file(con, VERIFIED, "verificacion.csv").status == "imported"
    cur = con.cursor()
    scores = scoring.entity_scores(cur, "DV", "2024").set_index("entity_code")
    assert pd.isna(scores.loc["E2", "index_value"]) and pd.isna(scores.loc["E2", "rank_in_period"])
    assert scores.loc["E2", "index_computed"] == pytest.approx(75.0)  # A1 = 3 of 4: what the note withholds
    assert int(scores.loc["E3", "ranked_in_period"]) == 2  # E1 and E3 ranked, E2 not
    note = scoring.insufficient_coverage_note(cur, "DV", "2024", "es")
    assert "Entidad E2" in note and "25 %" in note and "50 %" in note and "Entidad E3" not in note
    assert scoring.insufficient_coverage_note(cur, "DV", "2023", "es") == ""


def test_no_aplica_without_a_reason_is_refused_with_its_row_and_column_and_nothing_is_stored(con):
    data = csv_bytes(SCORE_HEADER, [["E1", "2024", "DV", "A1", "3", "", "", ""],
                                    ["E1", "2024", "DV", "A2", "", "no_aplica", " ", ""]])
    result = import_file(con, data, "puntajes.csv")
    assert result.status != "imported"
    [problem] = result.problems
    assert (problem.row, problem.column, problem.code) == (3, "evidencia", "not_applicable_reason")
    assert "por qué" in problem.fix_es
    assert scoring.entity_scores(con.cursor(), "DV").empty
    with_reason = csv_bytes(SCORE_HEADER, [["E1", "2024", "DV", "A2", "", "no_aplica", "La entidad no tiene trámites",
                                            ""]])
    assert import_file(con, with_reason, "puntajes.csv").status == "imported"


def test_a_declared_scope_limitation_is_refused(con):
    data = csv_bytes(SCORE_HEADER, [["E1", "2024", "DV", "A1", "", "limitacion", "No se entregó", "declarado"]])
    result = import_file(con, data, "puntajes.csv")
    assert [p.code for p in result.problems] == ["declared_limitation"]


def test_the_self_assessment_template_lists_every_criterion_and_imports_once_filled(con, new_store, monkeypatch):
    monkeypatch.setenv("EGOV_DB", str(new_store))
    result = CliRunner().invoke(main, ["self-assessment", "E1", "2024", "--framework", "DV", "-o", "-"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")), delimiter=";"))
    assert [(r["criterio"], r["fuente"], r["puntaje"]) for r in rows] == \
        [("A1", "declarado", ""), ("A2", "declarado", ""), ("B1", "declarado", ""), ("B2", "declarado", "")]
    for row, score in zip(rows, ("4", "4", "4", "2")):  # the entity fills in what DECLARED holds
        row["puntaje"] = score
    filled = csv_bytes(list(rows[0]), [list(r.values()) for r in rows])
    assert import_file(con, filled, "autoevaluacion-E1-2024.csv").status == "imported"
    # A = 100, B = 75 -> 87.5, nothing verified yet
    assert (scores_csv(new_store, monkeypatch)["E1"]["indice_declarado"]) == "87.5"
