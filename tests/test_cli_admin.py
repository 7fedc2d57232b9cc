"""`egov user|audit|backup|restore`: real commands on real database files; errors are one Spanish line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from egov import users
from egov.storage import audit, db
from egov.cli import main

pytestmark = pytest.mark.both_backends


@pytest.fixture
def run(sample_db, tmp_path, monkeypatch):
    monkeypatch.setenv("EGOV_BACKUP_DIR", str(tmp_path / "copias"))

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(main, ["--db", str(sample_db), *args], input=input)
    return invoke


def _one_spanish_error_line(result, *fragments: str) -> None:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_user_commands_create_change_disable_enable_and_list_accounts(run, sample_db):
    added = run("user", "add", "Ana", "--role", "analyst", "--display-name", "Ana Pérez", "--password-stdin",
                input="una-clave-segura\n")
    assert added.exit_code == 0, added.stderr
    assert run("user", "add", "jefa@inst.gob.bo", "--role", "viewer", "--oidc").exit_code == 0
    assert run("user", "role", "ana", "admin").exit_code == 0
    assert run("user", "disable", "ana").exit_code == 0
    listed = run("user", "list")
    assert [re.split(r"\s{2,}", line.strip())
            for line in listed.stdout.splitlines()] == [
        ["Usuario", "Rol", "Estado", "Acceso", "Nombre"],
        ["ana", "administrador", "desactivada", "contraseña", "Ana Pérez"],
        ["jefa@inst.gob.bo", "lector", "activa", "proveedor de identidad", "jefa@inst.gob.bo"],
    ]
    assert run("user", "enable", "ana").exit_code == 0
    con = db.connect(sample_db)
    try:
        assert users.authenticate(con, "ana", "una-clave-segura").role == "admin"
        actions = [r[0] for r in con.execute("SELECT action FROM audit_log WHERE user_name LIKE 'cli:%' "
                                             "ORDER BY seq").fetchall()]
    finally:
        con.close()
    assert actions == ["user_add", "user_add", "user_role", "user_disable", "user_enable"]


def test_user_command_errors_are_one_spanish_line_and_a_non_zero_exit(run):
    run("user", "add", "ana", "--role", "analyst", "--oidc")
    _one_spanish_error_line(run("user", "add", "ana", "--role", "viewer", "--oidc"), "ya existe")
    _one_spanish_error_line(run("user", "disable", "nadie"), "no existe el usuario")
    _one_spanish_error_line(run("user", "add", "beto", "--role", "viewer", "--password-stdin", input="corta\n"),
                            "al menos 10 caracteres")
    _one_spanish_error_line(run("user", "add", "sistema", "--role", "admin", "--oidc"), "reservado")


def test_audit_verify_passes_then_fails_on_a_row_edited_in_the_database_file(run, sample_db):
    ok = run("audit", "verify")
    assert ok.exit_code == 0 and ok.stdout.startswith("Registro íntegro. Entradas verificadas:")
    con = db.connect(sample_db)
    try:
        con.execute("UPDATE audit_log SET detail = '{\"kind\": \"otro\"}' WHERE seq = 2")
    finally:
        con.close()
    _one_spanish_error_line(run("audit", "verify"), "entrada 2", "modificado")


def test_audit_list_shows_the_newest_entries_first_filtered_by_action(run):
    run("user", "add", "ana", "--role", "analyst", "--oidc")
    listed = run("audit", "list", "--limit", "2")
    assert listed.exit_code == 0
    header, *lines = listed.stdout.splitlines()
    assert header.split("  ")[0] == "N.º" and "Acción" in header and "Lote" in header
    assert len(lines) == 2 and " user_add " in lines[0] and " administrador " in lines[0]
    _, *only_imports = run("audit", "list", "--action", "import").stdout.splitlines()
    assert only_imports and all(re.search(r" import\s+\d+\s+\{", line) for line in only_imports)


def test_backup_and_restore_from_the_command_line(run, sample_db, tmp_path):
    out = tmp_path / "copia.duckdb"
    made = run("backup", "--out", str(out))
    assert made.exit_code == 0 and out.is_file()
    run("user", "add", "despues", "--role", "viewer", "--oidc")
    _one_spanish_error_line(run("backup", "--out", str(out)), "ya existe")
    restored = run("restore", str(out), "--yes")
    assert restored.exit_code == 0, restored.stderr
    con = db.connect(sample_db)
    try:
        assert users.get(con, "despues") is None
        assert audit.verify(con).ok
    finally:
        con.close()
    _one_spanish_error_line(run("restore", str(tmp_path / "no-hay.duckdb"), "--yes"), "no existe la copia")


def test_restore_asks_for_confirmation_and_a_no_changes_nothing(run, tmp_path):
    out = tmp_path / "copia.duckdb"
    run("backup", "--out", str(out))
    refused = run("restore", str(out), input="n\n")
    _one_spanish_error_line(refused, "cancelada")
