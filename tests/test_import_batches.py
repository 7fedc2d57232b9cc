"""One file, one batch: twice in a row, twice at the same moment; undo puts back exactly what was there."""

from __future__ import annotations

import threading

import pytest

from egov.storage import db, store
from egov.ingest import batches, import_file, undo
from tests.corpus.build import SCORE_HEADER, SCORES, csv_bytes
from tests.corpus.helpers import snapshot, stored_row

pytestmark = pytest.mark.both_backends


@pytest.fixture
def con(sample_db):
    connection = db.connect(sample_db)
    yield connection
    connection.close()


def scores_file(period: str = "2025", evidence: str = "") -> bytes:
    rows = [[*r[:1], period, *r[2:]] for r in SCORES]
    if evidence:
        rows[0][6] = evidence
    return csv_bytes(SCORE_HEADER, rows)


def batches_with(con, sha: str) -> list[int]:
    return [int(r.batch_id) for r in batches(con).itertuples() if r.sha256 == sha]


def data_tables(snap: dict) -> dict:
    return {t: rows for t, rows in snap.items() if t in store.TABLES}


def test_the_same_file_twice_is_one_batch_and_the_second_time_says_already_imported(con):
    data = scores_file()
    first = import_file(con, data, "puntajes.csv")
    before = snapshot(con)
    again = import_file(con, data, "copia de puntajes.csv")
    assert (first.status, again.status) == ("imported", "already_imported")
    assert again.batch_id == first.batch_id and again.ok
    assert again.summary_es.startswith(f"«copia de puntajes.csv» ya había sido importado (lote {first.batch_id}: "
                                       "«puntajes.csv», ")
    assert ", por local); no se guardó nada de nuevo." in again.summary_es
    assert batches_with(con, first.sha256) == [first.batch_id]
    assert snapshot(con) == before


@pytest.mark.parametrize("round_no", range(4))
def test_the_same_file_twice_at_the_same_moment_on_the_shared_connection_is_one_batch(con, round_no):
    """Two sessions of the app (threads sharing the process's connection) upload one file at once."""
    data = scores_file(period=f"20{30 + round_no}")
    barrier = threading.Barrier(2)
    results, errors = [], []

    def upload(name: str) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(import_file(con, data, name, user=name, role="admin"))
        except BaseException as exc:  # surfaced below: a thread must not swallow it
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(f"analista{i}",)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(r.status for r in results) == ["already_imported", "imported"], \
        [(r.status, [p.problem_es for p in r.problems]) for r in results]
    assert len({r.batch_id for r in results}) == 1
    assert batches_with(con, results[0].sha256) == [results[0].batch_id]
    rows = con.execute("SELECT count(*) FROM criterion_score WHERE period = ?", [f"20{30 + round_no}"]).fetchall()
    assert rows == [(len(SCORES),)]


def test_undo_of_a_re_assessment_restores_exactly_the_previous_values(con):
    """DIGEMIG 2024 re-assessed (scores, evidence, report data, a tool's status): undo puts every
    row back as it was, table by table, including which batch wrote it."""
    before = data_tables(snapshot(con))
    old = stored_row(con, "criterion_score", "DIGEMIG", "2024", "CGE-GE", "PLAN.1")
    old_assessment = stored_row(con, "assessment", "DIGEMIG", "2024", "CGE-GE")
    old_tool = stored_row(con, "tool_adoption", "DIGEMIG", "2024", "CGE-GE", "firma_digital")
    scores = csv_bytes(SCORE_HEADER, [
        ["DIGEMIG", "2024", "CGE-GE", "PLAN.1", "4", "evaluado", "Plan re-alineado en 2025", "K3/GP445/S24-G1-R",
         "01/07/2025"],
        ["DIGEMIG", "2024", "CGE-GE", "PLAN.3", "3", "evaluado", "Proyectos en el POA", "K3/GP445/S24-G1-R",
         "01/07/2025"],
        ["DIGEMIG", "2024", "CGE-GE", "ORG.1", "", "no_aplica", "No corresponde",
         "K3/GP445/S24-G1-R", "01/07/2025"],
    ])
    tools = csv_bytes(["entidad", "periodo", "marco", "herramienta", "estado", "tramites", "socios"],
                      [["DIGEMIG", "2024", "CGE-GE", "firma_digital", "ninguna", "0", ""],
                       ["DIGEMIG", "2024", "CGE-GE", "datos_abiertos", "planificada", "", "SEGIP"]])
    unconfirmed = import_file(con, scores, "reevaluacion.csv")
    assert unconfirmed.status == "needs_confirmation" and unconfirmed.plan.changed >= 3
    assert data_tables(snapshot(con)) == before
    first = import_file(con, scores, "reevaluacion.csv", confirm_changes=True)
    second = import_file(con, tools, "herramientas.csv", confirm_changes=True)
    assert (first.status, second.status) == ("imported", "imported")
    now = stored_row(con, "criterion_score", "DIGEMIG", "2024", "CGE-GE", "PLAN.1")
    assert (now["score"], now["evidence"]) == (4.0, "Plan re-alineado en 2025") != (old["score"], old["evidence"])
    assert stored_row(con, "assessment", "DIGEMIG", "2024", "CGE-GE")["report_number"] == "K3/GP445/S24-G1-R"
    assert stored_row(con, "tool_adoption", "DIGEMIG", "2024", "CGE-GE", "firma_digital")["status"] == "ninguna"
    # Newest first; the older batch alone cannot be undone while the newer one touches the same assessment.
    undo(con, second.batch_id)
    undo(con, first.batch_id)
    assert data_tables(snapshot(con)) == before
    assert stored_row(con, "criterion_score", "DIGEMIG", "2024", "CGE-GE", "PLAN.1") == old
    assert stored_row(con, "assessment", "DIGEMIG", "2024", "CGE-GE") == old_assessment
    assert stored_row(con, "tool_adoption", "DIGEMIG", "2024", "CGE-GE", "firma_digital") == old_tool
    assert stored_row(con, "interop_partner", "DIGEMIG", "2024", "CGE-GE", "SEGIP") is None
    history = batches(con).set_index("batch_id")
    assert history.loc[first.batch_id, "undone_at"] is not None and history.loc[second.batch_id, "undone_by"]


def test_an_undone_file_can_be_imported_again_as_a_new_batch(con):
    data = scores_file(evidence="segunda vez")
    first = import_file(con, data, "puntajes.csv")
    undo(con, first.batch_id)
    assert stored_row(con, "criterion_score", "DIGEMIG", "2025", "CGE-GE", "PLAN.1") is None
    again = import_file(con, data, "puntajes.csv")
    assert again.status == "imported" and again.batch_id > first.batch_id
    assert stored_row(con, "criterion_score", "DIGEMIG", "2025", "CGE-GE", "PLAN.1")["evidence"] == "segunda vez"
