"""Helpers for the roles, audit and backup tests: accounts, sign-in through the real form, small real files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from egov import auth, users
from egov.storage import db
from egov.storage.db import PROJECT_ROOT

PASSWORDS = {"viewer": "lector-clave-2024", "analyst": "analista-clave-2024", "admin": "admin-clave-2024"}
CLI_ACTOR = ("cli:pruebas", "admin")
# What each role may do to the data (the matrix): the rest is refused.
ALLOWED_OPS = {
    "viewer": set(),
    "analyst": {"import", "record_followup", "undo_own"},
    "admin": {"import", "record_followup", "undo_own", "undo_other", "framework", "manage_users", "backup"},
}
OPERATIONS = ["import", "record_followup", "undo_own", "undo_other", "framework", "manage_users", "backup"]


def add_accounts(con: db.Connection) -> None:
    """One local account per role, named after the role, with the passwords above."""
    actor, actor_role = CLI_ACTOR
    for role in auth.ROLES:
        users.add(con, role, role, password=PASSWORDS[role], display_name=f"Cuenta {role}", actor=actor,
                  actor_role=actor_role)


def accounts_db(path: Path) -> Path:
    con = db.connect(path)
    try:
        add_accounts(con)
        db.checkpoint(con)
    finally:
        con.close()
    return path


def entities_csv(code: str) -> bytes:
    """An entities file adding one new entity ``code`` (a real, valid import)."""
    return ("entidad,nombre,sigla,sector,nivel,tipo_entidad,departamento,dependencia,fuente\n"
            f"{code},Entidad de prueba {code},{code},Salud,central,Ministerio,,Órgano Ejecutivo,prueba\n"
            ).encode("utf-8")


def framework_csv(code: str = "PRUEBA-GE") -> bytes:
    """The default framework file under another framework code: a framework import of all-new rows."""
    text = (PROJECT_ROOT / "data" / "framework" / "cge-ge.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    return "\n".join([lines[0]] + [code + line[len("CGE-GE"):] if line.startswith("CGE-GE,") else line
                                   for line in lines[1:]]).encode("utf-8") + b"\n"


def a_recommendation(con: db.Connection) -> tuple[str, str, int]:
    rows = con.execute("SELECT entity_code, report_number, rec_no FROM recommendation "
                       "ORDER BY entity_code, report_number, rec_no LIMIT 1").fetchall()
    return rows[0]


def today() -> date:
    return date.today()


def sign_in(at, name: str, password: str):
    """Sign in through the real form of the sign-in screen; returns the AppTest after the run."""
    at.text_input(key="signin_user").input(name)
    at.text_input(key="signin_password").input(password)
    next(b for b in at.button if b.label in ("Ingresar", "Sign in")).click()
    return at.run()


def audit_count(con: db.Connection) -> int:
    return con.execute("SELECT count(*) FROM audit_log").fetchall()[0][0]


def batch_count(con: db.Connection) -> int:
    return con.execute("SELECT count(*) FROM import_batch WHERE undone_at IS NULL").fetchall()[0][0]
