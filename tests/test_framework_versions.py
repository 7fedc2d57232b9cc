"""Rules change between rounds: each assessment keeps the framework version it was scored under,
an existing store gets its versions when upgraded, and the trends mark the series break."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov import sample, trends
from egov.storage import db
from egov.ingest import import_file
from tests.support.pages_entity import open_page, texts

FRAMEWORK_FILE = sample.DEFAULT_FRAMEWORK_FILE
SCORES_2024 = sample.DATA_DIR / "sample" / "digemig" / "puntajes.csv"


def versions(con) -> dict[tuple[str, str], str]:
    rows = con.execute("SELECT entity_code, period, framework_version FROM assessment").fetchall()
    return {(e, p): v for e, p, v in rows}


def revised_framework() -> bytes:
    """The default framework file with a new version on its 'marco' row (DS 5519 moved the certification)."""
    text = FRAMEWORK_FILE.read_text(encoding="utf-8")
    assert ",2025.1," in text
    return text.replace(",2025.1,", ",2026.1,", 1).encode("utf-8")


def next_round_scores() -> bytes:
    """DIGEMIG's 2024 scores, as if assessed again in 2026."""
    text = SCORES_2024.read_text(encoding="utf-8")
    return text.replace(",2024,", ",2026,").replace("12/12/2024", "12/10/2026").encode("utf-8")


@pytest.fixture
def revised(sample_db):
    """The sample store after the framework moved to 2026.1 and DIGEMIG was assessed again in 2026."""
    con = db.connect(sample_db)
    try:
        assert import_file(con, revised_framework(), "cge-ge-2026.csv", confirm_changes=True).status == "imported"
        assert import_file(con, next_round_scores(), "digemig-2026.csv").status == "imported"
        yield con
    finally:
        con.close()


def test_every_assessment_keeps_the_version_it_was_scored_under(revised):
    stored = versions(revised)
    assert stored[("DIGEMIG", "2024")] == "2025.1"
    assert stored[("DIGEMIG", "2026")] == "2026.1"
    assert {v for (_, p), v in stored.items() if p != "2026"} == {"2025.1"}


def test_the_trends_find_the_break_where_the_methodology_changed(revised):
    rounds = trends.versions(revised.cursor(), "CGE-GE")
    assert [(r.period, list(r.versions)) for r in rounds.itertuples()] == [
        ("2022", ["2025.1"]), ("2023", ["2025.1"]), ("2024", ["2025.1"]), ("2026", ["2026.1"])]
    assert trends.breaks(rounds) == [("2026", "2026.1")]
    # Scoped to entities assessed only under the old version, there is no break.
    only_old = trends.versions(revised.cursor(), "CGE-GE", entities=["SEGIP"])
    assert trends.breaks(only_old) == []


def test_evolucion_marks_the_series_break_and_says_why(revised, sample_db, use_db):
    revised.close()
    use_db(sample_db)
    at = open_page("evolucion")
    assert not at.exception
    shown = texts(at)
    assert "2024: 2025.1 · 2026: 2026.1" in shown and "La metodología cambió" in shown
    index_chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    notes = [a["text"] for a in index_chart["layout"].get("annotations", [])]
    assert "Cambio de metodología: versión 2026.1" in notes
    assert any(s.get("line", {}).get("dash") == "dash" for s in index_chart["layout"].get("shapes", []))


OLD_EXPORT = Path(__file__).parent / "data" / "store_v002"


def store_before_002(path: Path, monkeypatch) -> None:
    """A store as version 001 left it: migration 001 only, holding the rows of the v002 export.

    Migration 002 added nothing but ``assessment.framework_version`` (and the same key in the
    assessment images of ``batch_change``), so the v002 export without that column is what the
    001 importer wrote.
    """
    everything = db.migration_files()
    monkeypatch.setattr(db, "migration_files", lambda: [m for m in everything if m[0] == 1])
    con = db.connect(path)
    try:
        for table_file in sorted(OLD_EXPORT.glob("*.csv")):
            table = table_file.stem
            if table == "schema_migration":
                continue
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            picked = ", ".join(columns)
            con.execute(f"INSERT INTO {table} ({picked}) SELECT {picked} FROM read_csv(?, header = true, "
                        "all_varchar = true)", [str(table_file)])
        con.execute("""UPDATE batch_change
                       SET before_row = json_merge_patch(before_row, '{"framework_version": null}'),
                           after_row = json_merge_patch(after_row, '{"framework_version": null}')
                       WHERE table_name = 'assessment'""")
        assert "framework_version" not in [r[0] for r in con.execute("DESCRIBE assessment").fetchall()]
        assert db.schema_version(con) == 1
    finally:
        con.close()
    monkeypatch.setattr(db, "migration_files", lambda: everything)


def test_an_existing_store_is_upgraded_with_the_version_its_framework_has(tmp_path, monkeypatch):
    path = tmp_path / "before-002.duckdb"
    store_before_002(path, monkeypatch)
    con = db.connect(path)
    try:
        assert db.schema_version(con) == db.migration_files()[-1][0]
        found = versions(con)
        assert len(found) == 10 and set(found.values()) == {"2024.1"}  # every assessment of the export
        assert found[("DIGEMIG", "2024")] == "2024.1"
    finally:
        con.close()


def test_undoing_a_batch_written_before_the_upgrade_keeps_the_version(tmp_path, monkeypatch):
    path = tmp_path / "before-002.duckdb"
    store_before_002(path, monkeypatch)
    # What the 001 importer wrote when DIGEMIG's assessment came again with another issue date:
    # a batch whose change holds the row as it was (before-image, without a version).
    everything = db.migration_files()
    monkeypatch.setattr(db, "migration_files", lambda: [m for m in everything if m[0] == 1])
    con = db.connect(path)
    try:
        con.execute("""INSERT INTO import_batch (batch_id, kind, file_name, sha256, live_sha256, is_synthetic,
                           rows_total, rows_new, rows_changed, rows_unchanged, user_name, user_role, created_at)
                       VALUES (11, 'puntajes', 'digemig-fecha.csv', repeat('a', 64), repeat('a', 64), false, 1, 0, 1, 0,
                               'ana', 'admin', TIMESTAMP '2026-12-01 10:00:00')""")
        key = '{"entity_code":"DIGEMIG","period":"2024","framework_code":"CGE-GE"}'
        before = ('{"entity_code":"DIGEMIG","period":"2024","framework_code":"CGE-GE",'
                  '"report_number":"K3/GP445/S24-G1","issue_date":"2024-12-12","batch_id":3}')
        after = before.replace("2024-12-12", "2024-12-13").replace('"batch_id":3', '"batch_id":11')
        con.execute("INSERT INTO batch_change VALUES (11, 1, 'assessment', ?, ?, ?)", [key, before, after])
        con.execute("UPDATE assessment SET issue_date = DATE '2024-12-13', batch_id = 11 "
                    "WHERE entity_code = 'DIGEMIG' AND period = '2024'")
    finally:
        con.close()
    monkeypatch.setattr(db, "migration_files", lambda: everything)
    con = db.connect(path)
    try:
        from egov.storage import store
        store.undo_batch(con, 11)
        assert versions(con)[("DIGEMIG", "2024")] == "2024.1"
        issued = con.execute("SELECT issue_date FROM assessment WHERE entity_code = 'DIGEMIG'").fetchall()[0][0]
        assert issued.isoformat() == "2024-12-12"
    finally:
        con.close()


def test_criteria_a_new_version_retires_stop_counting_only_under_that_version(tmp_path, monkeypatch):
    """A 2024.1 store upgraded in place, then the 2025.1 framework (which drops HERR.5 and HERR.8) imported
    over it: the 2024.1 assessments keep every criterion and index; one scored under 2025.1 does not count
    the retired criteria, and Metodología lists only 2025.1's."""
    from egov import framework, scoring

    path = tmp_path / "before-002.duckdb"
    store_before_002(path, monkeypatch)
    con = db.connect(path)
    try:
        with db.cursor(con) as cur:
            before = scoring.criterion_results(cur, "CGE-GE", "2024")
            index_before = scoring.entity_scores(cur, "CGE-GE", "2024").set_index("entity_code")["index_value"]
            assert {"HERR.5", "HERR.8"} <= set(framework.criteria(cur, "CGE-GE")["criterion_code"])
        assert {"HERR.5", "HERR.8"} <= set(before["criterion_code"])
        assert import_file(con, FRAMEWORK_FILE.read_bytes(), "cge-ge.csv", confirm_changes=True).status == "imported"
        assert import_file(con, next_round_scores(), "digemig-2026.csv").status == "imported"
        assert versions(con)[("DIGEMIG", "2026")] == "2025.1"
        with db.cursor(con) as cur:
            old = scoring.criterion_results(cur, "CGE-GE", "2024")
            new = scoring.criterion_results(cur, "CGE-GE", "2026")
            index_after = scoring.entity_scores(cur, "CGE-GE", "2024").set_index("entity_code")["index_value"]
            listed = set(framework.criteria(cur, "CGE-GE")["criterion_code"])
            areas = framework.areas(cur, "CGE-GE").set_index("area_code")["criteria"]
        # The store still holds the retired criteria (nothing stored is lost) ...
        stored = {r[0] for r in con.execute("SELECT criterion_code FROM criterion WHERE criterion_code LIKE 'HERR.%'")
                  .fetchall()}
        assert {"HERR.5", "HERR.8"} <= stored
    finally:
        con.close()
    # ... the old assessments keep them (their criteria were those of 2024.1: the new ones do not count there)
    assert set(old.loc[old["entity_code"] == "DIGEMIG", "criterion_code"]) == set(
        before.loc[before["entity_code"] == "DIGEMIG", "criterion_code"])
    assert index_after.to_dict() == pytest.approx(index_before.to_dict())
    # ... and the one scored under 2025.1 counts the 29 criteria of 2025.1, without HERR.5 and HERR.8.
    mine = set(new.loc[new["entity_code"] == "DIGEMIG", "criterion_code"])
    assert len(mine) == 29 and not mine & {"HERR.5", "HERR.8"}
    assert listed == mine and int(areas.sum()) == 29
