"""The benchmark's data generator writes files the real importer accepts (a small run; the benchmark uses 1,000)."""

from __future__ import annotations

from datetime import date

from bench import generate
from egov import followup, kinds, scoring
from egov.storage import db


def test_generated_files_for_20_entities_import_cleanly_and_score_every_assessment(empty_db, tmp_path):
    paths = generate.write_files(tmp_path / "files", 20, today=date(2026, 1, 1))
    assert [p.name for p in paths] == list(generate.FILES)
    con = db.connect(empty_db)
    try:
        results = generate.import_files(con, paths)
        assert [r.status for r in results] == ["imported"] * len(paths)
        cur = con.cursor()
        scores = scoring.entity_scores(cur, "CGE-GE")
        assert len(scores) == 20 * len(generate.ROUNDS)
        assert scores["index_value"].notna().all() and (scores["coverage"] == 1).all()
        recs = followup.recommendations(cur, framework="CGE-GE", as_of=date(2026, 1, 1))
        assert len(recs) == 20 * len(generate.ROUNDS) * 2
        assert set(recs["status"]) == set(kinds.REC_STATUSES)
    finally:
        con.close()


def test_the_generator_is_seeded(tmp_path):
    first = generate.write_files(tmp_path / "a", 5, today=date(2026, 1, 1))
    second = generate.write_files(tmp_path / "b", 5, today=date(2026, 1, 1))
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
