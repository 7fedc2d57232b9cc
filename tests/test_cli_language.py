"""The `egov` command speaks Spanish by default — click's own usage, option and error texts too — and
English with --lang en or EGOV_LANG=en; roles go by their Spanish names with the English accepted;
tables show Spanish headers and values, and a command that finds nothing prints an empty table."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from egov.cli import lang as cli_lang
from egov.cli import main
from egov.cli.help_en import HELP_EN

ENGLISH = {"Usage", "Options", "Commands", "Arguments", "Show", "this", "message", "and", "exit", "Missing",
           "option", "argument", "required", "Invalid", "value", "is", "not", "one", "of", "Choose", "from",
           "such", "command", "Try", "for", "help", "TEXT", "INTEGER", "PATH", "FILE", "NAME", "ROLE", "BATCH",
           "KIND", "FILES", "COMMAND", "ARGS", "OPTIONS", "default", "the", "Got", "unexpected", "extra", "range",
           "does", "exist", "Aborted", "True", "False", "None", "NaT", "Empty", "DataFrame", "Columns"}


def commands(command: click.Command = main, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from commands(sub, path + (name,))


NAMES = {name for path, _ in commands() for name in path}


def english_in(text: str) -> set[str]:
    """English words left once option names, command names and choice values are taken out."""
    text = re.sub(r"(?<![\w])--?[\w-]+", " ", text)          # --display-name, -h
    text = re.sub(r"\[[^\]]*\|[^\]]*\]", " ", text)         # [table|csv|json]
    text = re.sub(r"'[^']*'|«[^»]*»|`[^`]*`", " ", text)     # quoted values and commands
    return {w for w in re.findall(r"[A-Za-z]+", text) if w in ENGLISH and w not in NAMES}


@pytest.fixture(autouse=True)
def spanish_afterwards():
    yield
    cli_lang.set_language(main, "es")


def run(*args: str, env: dict | None = None) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False, prog_name="egov")


@pytest.mark.parametrize("path", [p for p, _ in commands()], ids=lambda p: " ".join(p) or "egov")
def test_every_help_and_usage_error_is_spanish(path, tmp_path):
    db_args = ("--db", str(tmp_path / "x.duckdb"))
    shown = run(*db_args, *path, "--help")
    assert shown.exit_code == 0 and "Uso: egov" in shown.output
    assert english_in(shown.output) == set(), shown.output
    wrong = run(*db_args, *path, "--no-such-option")
    assert wrong.exit_code == 2 and "No existe la opción" in wrong.output
    assert english_in(wrong.output) == set(), wrong.output
    _, command = next((p, c) for p, c in commands() if p == path)
    if any(param.required for param in command.params):
        missing = run(*db_args, *path)
        assert missing.exit_code == 2 and "Falta" in missing.output
        assert english_in(missing.output) == set(), missing.output
    for param in command.params:
        if isinstance(param.type, click.Choice) and param.param_type_name == "option":
            bad = run(*db_args, *path, param.opts[0], "zzz")
            assert bad.exit_code == 2 and "no es ninguno de" in bad.output
            assert english_in(bad.output) == set(), bad.output
    assert not (tmp_path / "x.duckdb").exists()  # a usage error never touches the database


def test_unknown_command_and_bad_role_are_spanish(tmp_path):
    db_args = ("--db", str(tmp_path / "x.duckdb"))
    found = run(*db_args, "nada")
    assert found.exit_code == 2 and "No existe el comando «nada»" in found.output
    bad = run(*db_args, "user", "role", "ana", "jefe")
    assert bad.exit_code == 2 and "no es un rol: use lector, analista o administrador" in bad.output
    assert english_in(found.output + bad.output) == set()


def test_english_with_lang_en_and_with_egov_lang():
    shown = run("--lang", "en", "user", "add", "--help")
    assert "Usage: egov user add [OPTIONS] NAME" in shown.output and "Show this message and exit." in shown.output
    assert "Creates an account." in shown.output and "Opciones" not in shown.output
    env = {**os.environ, "EGOV_LANG": "en"}
    out = subprocess.run([sys.executable, "-m", "egov", "--help"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and "Usage: egov [OPTIONS] COMMAND [ARGS]..." in out.stdout
    assert "E-government maturity dashboard" in out.stdout


def test_every_spanish_help_has_its_english():
    for _, command in commands():
        for item in [command, *command.params]:
            spanish = getattr(item, "_help_es", None) or getattr(item, "help", None)
            if spanish:
                assert spanish in HELP_EN, spanish


def test_roles_by_spanish_or_english_name_and_tables_in_spanish(tmp_path):
    db_args = ("--db", str(tmp_path / "egov.duckdb"))
    assert run(*db_args, "init").exit_code == 0
    for name, role in (("ana", "analista"), ("luis", "viewer"), ("eva", "administrador")):
        assert run(*db_args, "user", "add", name, "--role", role, "--oidc").exit_code == 0
    assert run(*db_args, "user", "role", "luis", "admin").exit_code == 0
    listed = run(*db_args, "user", "list").output
    assert listed.splitlines()[0].split() == ["Usuario", "Rol", "Estado", "Acceso", "Nombre"]
    assert re.search(r"ana\s+analista\s+activa", listed) and re.search(r"luis\s+administrador", listed)
    batches = run(*db_args, "batches").output
    assert batches.splitlines()[0].startswith("Lote  Tipo  ")
    assert re.search(r"\bmarco\b.*\bNo\b.*\d\d/\d\d/\d{4} \d\d:\d\d\s+—\s+—$", batches.splitlines()[1])
    audit = run(*db_args, "audit", "list").output
    assert audit.splitlines()[0].split()[:4] == ["N.º", "Fecha", "y", "hora"]
    for text in (listed, batches, audit):
        assert not re.search(r"\b(True|False|None|NaT|nan)\b", text), text
    assert not re.search(r"\d{4}-\d\d-\d\d", batches + audit)


def test_a_command_that_finds_nothing_prints_an_empty_table_and_exits_0(tmp_path):
    db_args = ("--db", str(tmp_path / "egov.duckdb"))
    assert run(*db_args, "init").exit_code == 0
    scores = CliRunner().invoke(main, [*db_args, "scores"], prog_name="egov")
    assert scores.exit_code == 0
    assert scores.stdout.splitlines() == ["Entidad  Nombre  Gestión  Índice  Posición  Grado  Cobertura",
                                          "(ninguna fila)"]
    assert "No hay evaluaciones para el marco CGE-GE" in scores.stderr
    quiet = run(*db_args, "audit", "list", "--action", "nada")
    assert quiet.exit_code == 0 and "No hay entradas en el registro de auditoría" in quiet.output


def test_result_lines_follow_the_language(tmp_path, monkeypatch):
    """What import, template, undo, backup, restore, init, demo and the user commands say when they are done:
    Spanish by default with the plurals written out, English under --lang en."""
    monkeypatch.setenv("EGOV_BACKUP_DIR", str(tmp_path / "copias"))
    store = str(tmp_path / "egov.duckdb")
    entities = tmp_path / "entidades.csv"
    entities.write_text("entidad,nombre,sigla,sector,nivel\nALFA,Ministerio Alfa,ALFA,S1,central\n", encoding="utf-8")

    def said(*args: str, lang: str = "en", input: str | None = None) -> str:
        result = CliRunner().invoke(main, ["--lang", lang, "--db", store, *args], input=input, prog_name="egov")
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    assert said("init", lang="es").startswith("Base de datos lista en ")
    assert said("init").startswith("Database ready at ") and "default framework was already loaded" in said("init")
    imported = said("import", str(entities))
    assert imported.startswith("'entidades.csv' was imported ("), imported
    batch = int(re.search(r"\(batch (\d+)\)", imported).group(1))
    assert said("undo", str(batch)) == f"Batch {batch} was undone.\n"
    assert said("template", "entidades", "-o", str(tmp_path / "t.csv")).startswith("Template “entidades” saved to ")
    assert said("user", "add", "ana", "--role", "analista", "--oidc").startswith("Account created: ana")
    assert said("user", "role", "ana", "viewer").startswith("Role updated: ana")
    assert said("user", "disable", "ana").startswith("Account disabled: ana")
    assert said("user", "enable", "ana", lang="es").startswith("Cuenta reactivada: ana")
    copy = tmp_path / "copia.duckdb"
    made = said("backup", "--out", str(copy))
    assert made.startswith(f"Backup saved to {copy}") and "audit head" in made
    restored = said("restore", str(copy), "--yes")
    assert restored.startswith(f"Database restored from {copy}"), restored
    for text in (made, restored):
        assert not re.search(r"\b(Copia|Base de datos|cabeza|restaurada)\b", text), text
    assert said("demo", lang="es").startswith("Datos de muestra cargados: ")
    removed = said("demo", "--remove", lang="es")
    assert re.match(r"Datos de demostración quitados \((1 lote deshecho|\d+ lotes deshechos)\)", removed), removed
    assert "(s)" not in removed
    assert said("demo", "--remove").startswith("Demonstration data removed (")


def test_an_import_s_problems_follow_the_language_with_row_and_column_in_both(tmp_path):
    """Each problem keeps its placeholders, so the report is said again in English under --lang en; the
    Spanish texts stay exactly what the report has always said."""
    store = str(tmp_path / "egov.duckdb")
    assert CliRunner().invoke(main, ["--db", store, "init"], prog_name="egov").exit_code == 0
    broken = tmp_path / "puntajes.csv"
    broken.write_text("entidad,gestion,marco,criterio,puntaje\nXX,2024,CGE-GE,ZZ,abc\n", encoding="utf-8")

    def report(lang: str) -> str:
        result = CliRunner().invoke(main, ["--lang", lang, "--db", store, "import", str(broken)], prog_name="egov")
        assert result.exit_code != 0
        return result.output

    english, spanish = report("en"), report("es")
    assert "- Row 2, column «entidad»: The entity 'XX' is not registered. → Fix the code" in english, english
    assert "- Row 2, column «criterio»: Criterion 'ZZ' does not exist in framework CGE-GE." in english
    assert "'abc' is not a number." in english and "Unknown entity: 1" in english
    assert not re.search(r"\b(no está registrada|no es un número|Corrija)\b", english), english
    assert "- Fila 2, columna «entidad»: La entidad «XX» no está registrada." in spanish, spanish
    assert "«abc» no es un número" in spanish
