"""Shared fixtures: real DuckDB files in temp folders and a real PostgreSQL, never mocks.

``sample_db_file`` builds the sample database once per test session (through
the real importer); ``sample_db`` gives each test its own copy, and
``empty_db`` a migrated database with only the default framework;
``new_store`` names a store that does not exist yet.

Backends: these fixtures follow ``backend``, which is "duckdb" unless the
test is marked ``both_backends``: then it runs once on a DuckDB file and
once on PostgreSQL (a throwaway cluster for the session, ``pg_cluster``; each
test gets its own database, copied from a template built once), and the
fixtures give a ``postgresql://`` URI instead of a path. Unmarked tests never
start the server.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from egov import sample
from egov.storage import db
from tests.support import pg

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ["duckdb", "postgres"]


def pytest_configure(config):
    config.addinivalue_line("markers", "both_backends: runs on a DuckDB file and on PostgreSQL")


_PASSED_FOLDER = pytest.StashKey[Path]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.passed and "tmp_path" in getattr(item, "funcargs", {}):
        item.stash[_PASSED_FOLDER] = item.funcargs["tmp_path"]
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A passed test's tmp_path is emptied once its fixtures are torn down.

    Each holds a copy of a store and its backups (about 56 MB); kept for the
    whole run they came to 16 GB of /tmp and filled a CI machine's disk midway.
    The emptied folder itself stays: pytest names the next folder after the
    highest one present, and a reused name would hand a later test a path
    that a cached connection still holds open. A failed test keeps its files.
    """
    result = yield
    folder = item.stash.get(_PASSED_FOLDER, None)
    if folder is not None and folder.is_dir():
        for child in folder.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    return result


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "duckdb")


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = pg.Cluster()
    yield cluster
    cluster.stop()


def _template(cluster: pg.Cluster, name: str, build) -> str:
    uri = cluster.new_database(name=name)
    build(uri)
    return name


@pytest.fixture(scope="session")
def pg_sample_template(pg_cluster) -> str:
    return _template(pg_cluster, "tpl_sample", sample.build_database)


@pytest.fixture(scope="session")
def pg_framework_template(pg_cluster) -> str:
    def build(uri):
        con = db.connect(uri)
        try:
            sample.load_default_framework(con)
        finally:
            con.close()
    return _template(pg_cluster, "tpl_framework", build)


@pytest.fixture
def new_store(backend, request, tmp_path) -> Path | str:
    """A store that does not exist yet: a file path, or an empty PostgreSQL database."""
    if backend == "postgres":
        return request.getfixturevalue("pg_cluster").new_database()
    return tmp_path / "new.duckdb"

# The audit log's HMAC key for the whole test run (and the servers the browser tests start):
# never the developer's own key file.
os.environ.setdefault("EGOV_AUDIT_KEY", "clave-de-pruebas-del-registro-de-auditoria")
# Every audit entry that carries a table's digest from the entry before recomputes it and fails if it
# differs: a change writing a table it did not name fails the test that made it, in every test.
os.environ["EGOV_AUDIT_CHECK_CARRIED"] = "1"
# No background warm-up after a write (egov/ui/warm.py): its thread would read a test's temporary store
# behind the test's back, after the test ended. tests/test_warm_up.py turns it on for itself.
os.environ["EGOV_WARM_UP"] = "0"


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
def sample_db(backend, request, tmp_path) -> Path | str:
    """A private copy of the sample database."""
    if backend == "postgres":
        return request.getfixturevalue("pg_cluster").new_database(request.getfixturevalue("pg_sample_template"))
    target = tmp_path / "egov.duckdb"
    shutil.copy(request.getfixturevalue("sample_db_file"), target)
    return target


@pytest.fixture
def empty_db(backend, request, tmp_path) -> Path | str:
    """A private database with the default framework and no assessment."""
    if backend == "postgres":
        return request.getfixturevalue("pg_cluster").new_database(request.getfixturevalue("pg_framework_template"))
    target = tmp_path / "egov.duckdb"
    shutil.copy(request.getfixturevalue("framework_db_file"), target)
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
