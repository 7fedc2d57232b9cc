"""A score file streamed from disk (``egov import`` of a national file) against the in-memory path.

The streamed path reads, checks and writes a chunk at a time; every claim here
is a comparison with ``import_file`` on the same bytes: the same problems word
for word and in the same order, the same notes, the same preview, the same
stored rows and before-images. Chunks of a few rows put chunk boundaries
inside every case (a duplicate of a row in another chunk, one assessment
across chunks).
"""

from __future__ import annotations

import pytest

from egov import ingest
from egov.cli import main
from egov.ingest import read, stream
from egov.storage import db
from tests.corpus.build import all_cases
from tests.test_import_bulk import HEADER, _csv, _mutations, _rows, _second_version, _stored, con, generated  # noqa: F401

CHUNK = 7


@pytest.fixture
def streamed(monkeypatch):
    """Counts the files that really took the streamed path (so a fallback cannot pass for it)."""
    calls = []
    original = stream.check

    def counting(*args, **kwargs):
        calls.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(stream, "check", counting)
    return calls


def _outcome(result: ingest.ImportResult) -> tuple:
    problems = [(p.row, p.column, p.value, p.code, p.problem_es, p.fix_es, p.problem("en"), p.fix("en"))
                for p in result.problems]
    return result.status, result.kind, result.rows, problems, result.notes, (
        result.plan.new, result.plan.changed, result.plan.unchanged), result.new_periods


def _both(con, tmp_path, data: bytes, name: str, **options) -> tuple[tuple, tuple]:
    path = tmp_path / name
    path.write_bytes(data)
    in_memory = ingest.import_file(con, data, name, limits=read.COMMAND_LINE, **options)
    on_disk = ingest.import_path(con, path, stream_above=0, chunk_rows=CHUNK, **options)
    return _outcome(on_disk), _outcome(in_memory)


def test_streamed_file_refuses_exactly_what_the_in_memory_path_refuses(con, generated, tmp_path, streamed):
    cases = _mutations(_rows(generated[1]))
    for name, (header, body) in cases.items():
        for separator in (";", ","):
            data = _csv(header, body, separator)
            on_disk, in_memory = _both(con, tmp_path, data, "puntajes.csv", dry_run=True)
            assert on_disk == in_memory, name
            if name not in ("valid", "lower_case_codes", "decimal_comma", "blank_lines"):
                assert on_disk[3], f"{name}: expected problems"
    assert len(streamed) == 2 * len(cases)  # every case was checked a chunk at a time
    everything = _both(con, tmp_path, _csv(*cases["everything_at_once"]), "puntajes.csv", dry_run=True)[0]
    assert len({p[3] for p in everything[3]}) >= 15


def test_streamed_file_agrees_on_every_corpus_file(con, tmp_path, streamed):
    compared = 0
    for case in all_cases():
        if case.name == "fifty_megabytes":  # the upload cap's case: with no cap, half a million duplicates
            continue                        # (the streamed report stops at MAX_PROBLEMS: tested below)
        on_disk, in_memory = _both(con, tmp_path, case.data, case.file_name, dry_run=True)
        assert on_disk == in_memory, case.name
        compared += 1
    assert compared >= 40 and len(streamed) >= 5  # the CSV score files among them were streamed


@pytest.mark.both_backends
def test_streamed_file_stores_exactly_the_rows_of_the_in_memory_path(con, generated, tmp_path, streamed):
    first, second = generated[1], _second_version(_rows(generated[1]))
    seen = {}
    for on_disk in (False, True):
        results = []
        for data, name in ((first, "puntajes.csv"), (second, "puntajes_v2.csv")):
            if on_disk:
                (tmp_path / name).write_bytes(data)
                result = ingest.import_path(con, tmp_path / name, confirm_changes=True, stream_above=0,
                                            chunk_rows=CHUNK)
            else:
                result = ingest.import_file(con, data, name, confirm_changes=True)
            assert result.status == "imported", result.summary_es
            results.append((result, _stored(con, result.batch_id)))
        seen[on_disk] = [((r.rows, r.plan.new, r.plan.changed, r.plan.unchanged), stored) for r, stored in results]
        for result, _ in reversed(results):
            ingest.undo(con, result.batch_id)
    assert len(streamed) == 2
    assert seen[True] == seen[False]
    _, (_, changes, counts) = seen[True][1]
    assert counts[0][2] > 0 and any(before is not None for _, _, before, _ in changes)


def test_a_file_with_too_many_problems_stops_with_where_it_stopped(con, generated, tmp_path, monkeypatch, streamed):
    """Past MAX_PROBLEMS the report ends with where the check stopped, found a row at a time (unknown
    entities) or across rows (duplicates); up to there it is the in-memory report."""
    monkeypatch.setattr(stream, "MAX_PROBLEMS", 5)
    rows = _rows(generated[1])
    unknown = [["NADIE"] + r[1:] for r in rows]
    duplicated = rows[:3] + rows[:3] * 4  # 12 duplicates of the first three rows
    with db.cursor(con) as cur:
        before = cur.execute("SELECT count(*) FROM criterion_score").fetchone()[0]
    for body, code in ((unknown, "unknown_entity"), (duplicated, "duplicate_row")):
        data = _csv(HEADER, body)
        path = tmp_path / "puntajes.csv"
        path.write_bytes(data)
        result = ingest.import_path(con, path, stream_above=0, chunk_rows=CHUNK)
        assert result.status == "refused" and result.kind == "puntajes"
        assert [p.code for p in result.problems] == [code] * 5 + ["too_many_problems"]
        whole = ingest.import_file(con, data, "puntajes.csv", limits=read.COMMAND_LINE)
        assert _outcome(result)[3][:5] == _outcome(whole)[3][:5] and len(whole.problems) > 5
        stop, fifth = result.problems[-1], result.problems[4]
        assert stop.row == fifth.row == (6 if code == "unknown_entity" else 9)  # data rows start at 2
        assert f"al menos 5 problemas; la revisión se detuvo en la fila {stop.row}" in stop.problem_es
        assert f"stopped at row {stop.row}" in stop.problem("en")
    assert len(streamed) == 2
    with db.cursor(con) as cur:
        assert cur.execute("SELECT count(*) FROM criterion_score").fetchone()[0] == before


def test_encoding_is_decided_over_the_whole_file(con, generated, tmp_path, monkeypatch, streamed):
    """A Windows-1252 byte far into the file makes it Windows-1252, as when read whole; a byte neither
    encoding has is refused with its place in the file."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 64)  # the deciding byte lies many blocks in
    rows = _rows(generated[1])
    text = _csv(HEADER, rows).decode("utf-8")
    latin = text.replace("Sintético.", "Sintético. Ñandú").encode("cp1252")
    on_disk, in_memory = _both(con, tmp_path, latin, "puntajes.csv", dry_run=True)
    assert on_disk == in_memory and on_disk[0] == "dry_run" and "Windows-1252" in on_disk[4][0]
    broken = latin[:5000] + b"\x81" + latin[5000:]
    on_disk, in_memory = _both(con, tmp_path, broken, "puntajes.csv", dry_run=True)
    assert on_disk == in_memory and [p[3] for p in on_disk[3]] == ["encoding"]
    assert "0x81 en la posición 5000" in on_disk[3][0][4]
    controlled = latin[:3000] + b"\x07" + latin[3000:]  # a control character near the start: not text
    on_disk, in_memory = _both(con, tmp_path, controlled, "puntajes.csv", dry_run=True)
    assert on_disk == in_memory and [p[3] for p in on_disk[3]] == ["binary"]


def test_egov_import_streams_a_big_score_file(empty_db, generated, tmp_path, monkeypatch, streamed):
    from click.testing import CliRunner

    monkeypatch.setattr(stream, "STREAM_ABOVE", 1_000)  # the generated file (~40 KB) counts as big
    monkeypatch.setattr(stream, "CHUNK_ROWS", 50)
    entities, scores = tmp_path / "entidades.csv", tmp_path / "puntajes.csv"
    entities.write_bytes(generated[0])
    scores.write_bytes(generated[1])
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(empty_db), "import", "--yes", str(entities), str(scores)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert streamed == [scores]
    con = db.connect(empty_db)
    try:
        with db.cursor(con) as cur:
            stored = cur.execute("SELECT count(*) FROM criterion_score").fetchone()[0]
    finally:
        con.close()
    assert stored == len(_rows(generated[1]))
