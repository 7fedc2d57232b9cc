"""Shared fixtures: real DuckDB files in temp folders, never mocks.

``sample_db_file`` builds the sample database once per test session (through
the real importer); ``sample_db`` gives each test its own copy, and
``empty_db`` a migrated database with only the default framework.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from egov import sample
from egov.storage import db

ROOT = Path(__file__).resolve().parent.parent

# The audit log's HMAC key for the whole test run (and the servers the browser tests start):
# never the developer's own key file.
os.environ.setdefault("EGOV_AUDIT_KEY", "clave-de-pruebas-del-registro-de-auditoria")


@pytest.fixture(scope="session")
def sample_db_file(tmp_path_factory) -> Path:
    return sample.build_database(tmp_path_factory.mktemp("sample") / "sample.duckdb")


@pytest.fixture(scope="session")
def framework_db_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("framework") / "framework.duckdb"
    con = db.connect(path)
    try:
        sample.load_default_framework(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


@pytest.fixture
def sample_db(sample_db_file, tmp_path) -> Path:
    """A private copy of the sample database."""
    target = tmp_path / "egov.duckdb"
    shutil.copy(sample_db_file, target)
    return target


@pytest.fixture
def empty_db(framework_db_file, tmp_path) -> Path:
    """A private database with the default framework and no assessment."""
    target = tmp_path / "egov.duckdb"
    shutil.copy(framework_db_file, target)
    return target


@pytest.fixture
def sample_con(sample_db):
    con = db.connect(sample_db)
    yield con
    con.close()


@pytest.fixture
def use_db(monkeypatch):
    """Point the app (EGOV_DB) at a given file for AppTest runs: use_db(path)."""
    def point(path: Path) -> Path:
        monkeypatch.setenv(db.ENV_DB, str(path))
        return path
    return point


@pytest.fixture(autouse=True)
def _no_stray_db(monkeypatch, tmp_path):
    # No test may touch the developer's data/egov.duckdb by accident.
    if db.ENV_DB not in os.environ:
        monkeypatch.setenv(db.ENV_DB, str(tmp_path / "unset-egov.duckdb"))
