"""What the app does with the database when it starts."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from egov import sample
from egov.storage import db

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def assessments(path: Path) -> int:
    con = db.connect(path)
    try:
        return con.execute("SELECT count(*) FROM assessment").fetchall()[0][0]
    finally:
        con.close()


def test_a_new_machine_opens_on_the_sample_data(tmp_path, use_db):
    path = use_db(tmp_path / "new" / "egov.duckdb")
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert assessments(path) > 100
    assert any("Datos de demostración" in m.value for m in at.markdown)


def test_an_existing_store_without_assessments_is_not_filled_with_demo_data(empty_db, use_db):
    use_db(empty_db)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert assessments(empty_db) == 0
    assert not any("Datos de demostración" in m.value for m in at.markdown)
    # The first page says what to load instead of showing empty charts.
    assert at.info or at.warning


def test_sample_loader_refuses_nothing_on_an_empty_store(empty_db):
    con = db.connect(empty_db)
    try:
        assert sample.ensure_sample(con) is True
        assert sample.ensure_sample(con) is False
    finally:
        con.close()
