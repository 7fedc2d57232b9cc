"""`egov user`, `egov audit`, `egov backup`, `egov restore`: administration from the shell.

Whoever can open the database file is an administrator (``auth.cli_actor``):
these commands write as ``cli:<login name>`` with the admin role, and every
change is in the audit log. DuckDB lets one process open the file, so run
them while the app is stopped (the app's «Auditoría y usuarios» page makes
backups while it runs). Errors: one Spanish line on stderr, exit code 1
(2 for a bad command line).
"""

from __future__ import annotations

import functools
import sys

import click
import pandas as pd

from egov import auth, users
from egov.storage import audit, backup, db
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov.cli.base import ROLE, CliError, main, open_db, role_name
from egov.i18n import fmt_number, t


def _fail_on(*errors: type[BaseException]):
    """Turn the core's refusals into one-line CLI errors."""
    def wrap(func):
        @functools.wraps(func)
        def inner(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except errors as exc:
                raise CliError(str(exc)) from exc
        return inner
    return wrap


_REFUSALS = (users.UserError, backup.BackupError, auth.PermissionDenied, audit.AuditKeyError)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        text = sys.stdin.readline().rstrip("\r\n")
        if not text:
            raise CliError("no se recibió ninguna contraseña por la entrada estándar")
        return text
    return click.prompt("Contraseña", hide_input=True, confirmation_prompt="Repita la contraseña")


def _describe(account: users.Account) -> str:
    lang = cli_lang.language()
    state = t("cli.user.disabled" if account.disabled else "cli.user.active", lang)
    access = t("cli.user.password" if account.has_password else "cli.user.oidc", lang)
    return f"{account.name}\t{role_name(account.role)}\t{state}\t{access}\t{account.display_name}"


@main.group("user")
def user_group() -> None:
    """Cuentas de usuario: crear, cambiar rol, desactivar, reactivar, listar."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", "role", type=ROLE, required=True, help="Rol de la cuenta.")
@click.option("--display-name", default=None, help="Nombre para mostrar (por defecto, el usuario).")
@click.option("--password-stdin", is_flag=True, help="Lee la contraseña de la entrada estándar (una línea).")
@click.option("--oidc", "no_password", is_flag=True,
              help="Sin contraseña: la cuenta entra solo por el proveedor de identidad (USUARIO = su correo).")
@click.pass_context
@_fail_on(*_REFUSALS)
def user_add(ctx: click.Context, name: str, role: str, display_name: str | None, password_stdin: bool,
             no_password: bool) -> None:
    """Crea una cuenta. Con contraseña, el inicio de sesión local queda activado."""
    users.check_name(name)
    password = None if no_password else _read_password(password_stdin)
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.add(con, name, role, password=password, display_name=display_name,
                            actor=actor, actor_role=actor_role)
    click.echo(t("cli.user.created", cli_lang.language(), account=_describe(account)))


@user_group.command("role")
@click.argument("name")
@click.argument("role", type=ROLE)
@click.pass_context
@_fail_on(*_REFUSALS)
def user_role(ctx: click.Context, name: str, role: str) -> None:
    """Cambia el rol de una cuenta (lector, analista o administrador)."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.set_role(con, name, role, actor=actor, actor_role=actor_role)
    click.echo(t("cli.user.role_set", cli_lang.language(), account=_describe(account)))


@user_group.command("disable")
@click.argument("name")
@click.pass_context
@_fail_on(*_REFUSALS)
def user_disable(ctx: click.Context, name: str) -> None:
    """Desactiva una cuenta: no puede iniciar sesión y sus sesiones abiertas terminan."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.disable(con, name, actor=actor, actor_role=actor_role)
    click.echo(t("cli.user.disabled_done", cli_lang.language(), account=_describe(account)))


@user_group.command("enable")
@click.argument("name")
@click.pass_context
@_fail_on(*_REFUSALS)
def user_enable(ctx: click.Context, name: str) -> None:
    """Reactiva una cuenta desactivada."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.enable(con, name, actor=actor, actor_role=actor_role)
    click.echo(t("cli.user.enabled_done", cli_lang.language(), account=_describe(account)))


@user_group.command("password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Lee la contraseña de la entrada estándar (una línea).")
@click.pass_context
@_fail_on(*_REFUSALS)
def user_password(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Cambia la contraseña de una cuenta (sus sesiones abiertas terminan)."""
    password = _read_password(password_stdin)
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.set_password(con, name, password, actor=actor, actor_role=actor_role)
    click.echo(t("cli.user.password_set", cli_lang.language(), name=account.name))


@user_group.command("list")
@click.pass_context
def user_list(ctx: click.Context) -> None:
    """Lista las cuentas (usuario, rol, estado, forma de acceso, nombre)."""
    with open_db(ctx) as con:
        found = users.accounts(con)
    lang = cli_lang.language()
    frame = pd.DataFrame([{
        "name": a.name, "role": role_name(a.role),
        "state": t("cli.user.disabled" if a.disabled else "cli.user.active", lang),
        "access": t("cli.user.password" if a.has_password else "cli.user.oidc", lang),
        "display_name": a.display_name} for a in found], columns=["name", "role", "state", "access", "display_name"])
    click.echo(tables.render(frame, {c: f"cli.col.{c}" for c in frame.columns}, empty_key="cli.users.none"))


@main.group("audit")
def audit_group() -> None:
    """Registro de auditoría: verificar la cadena, listar entradas."""


def _known_head(text: str | None) -> audit.Head | None:
    if not text:
        return None
    from pathlib import Path

    if Path(text).is_file():  # a backup's manifest, or the backup itself (its manifest beside it)
        path = Path(text)
        found = backup.read_manifest(path if not path.name.endswith(backup.MANIFEST_SUFFIX)
                                     else path.with_name(path.name[:-len(backup.MANIFEST_SUFFIX)]))
        if found is None:
            raise CliError(f"{path.name} no tiene manifiesto; indique la cabeza como NÚMERO:HASH")
        return found[0]
    try:
        return audit.Head.parse(text)
    except ValueError as exc:
        raise CliError(str(exc)) from exc


@audit_group.command("verify")
@click.option("--head", "head_text", default=None, metavar="NÚMERO:HASH|COPIA",
              help="La última cabeza conocida (de `egov audit head` o del manifiesto de una copia): "
                   "detecta también un final recortado.")
@click.pass_context
@_fail_on(*_REFUSALS, audit.AuditKeyError)
def audit_verify(ctx: click.Context, head_text: str | None) -> None:
    """Comprueba la cadena del registro (clave HMAC) y que los datos coinciden con su última entrada."""
    known = _known_head(head_text)
    with open_db(ctx) as con:
        with db.cursor(con) as cur:
            check = audit.verify(cur, head=known)
    if not check.ok:
        raise CliError(check.message)
    if check.legacy_entries:  # say which entries were checked with the old unkeyed rule
        click.echo(check.message)
    else:
        click.echo(t("cli.audit.ok", cli_lang.language(), entries=fmt_number(check.entries, 0, cli_lang.language())))


@audit_group.command("head")
@click.pass_context
@_fail_on(audit.AuditKeyError)
def audit_head(ctx: click.Context) -> None:
    """Imprime la cabeza del registro (entradas:hash de la última) para guardarla fuera del servidor."""
    with open_db(ctx) as con:
        with db.cursor(con) as cur:
            click.echo(str(audit.head(cur)))


@audit_group.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Cuántas entradas.")
@click.option("--action", "actions", multiple=True, help="Solo esta acción (repetible): import, undo, user_add…")
@click.option("--user", "user", default=None, help="Solo las de este usuario.")
@click.pass_context
def audit_list(ctx: click.Context, limit: int, actions: tuple[str, ...], user: str | None) -> None:
    """Muestra las últimas entradas del registro (la más reciente primero)."""
    with open_db(ctx) as con:
        found = audit.entries(con, actions=list(actions) or None, user=user, limit=limit)
    shown = found.assign(user_role=found["user_role"].map(role_name),
                         batch_id=found["batch_id"].astype("Int64").astype(object))
    headers = {c: f"cli.col.{c}" for c in ("seq", "logged_at", "user_name", "user_role", "action", "batch_id",
                                            "detail")}
    click.echo(tables.render(shown, headers, empty_key="cli.audit.none",
                             formatters={"logged_at": lambda v: f"{v:%d/%m/%Y %H:%M:%S}"}))


@main.command("backup")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Archivo de destino (por defecto, una copia fechada en la carpeta de copias).")
@click.pass_context
@_fail_on(*_REFUSALS)
def backup_command(ctx: click.Context, out: str | None) -> None:
    """Hace una copia consistente de toda la base de datos."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        made = backup.make_backup(con, out, user=actor, role=actor_role)
    lang = cli_lang.language()
    click.echo(t("cli.backup.done", lang, path=made.path, size=fmt_number(made.size / 1_048_576, 1, lang),
                 head=made.head))


@main.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", "confirmed", is_flag=True, help="No pide confirmación.")
@click.option("--sin-manifiesto", "without_manifest", is_flag=True,
              help="Acepta una copia sin manifiesto (hecha antes de que existieran); su cadena se verifica igual.")
@click.pass_context
@_fail_on(*_REFUSALS)
def restore_command(ctx: click.Context, file: str, confirmed: bool, without_manifest: bool) -> None:
    """Reemplaza la base de datos por la copia ARCHIVO (la actual se guarda antes como copia)."""
    lang = cli_lang.language()
    database = db.location(ctx.obj.get("db_path"))
    if not confirmed and not click.confirm(t("cli.restore.confirm", lang, database=db.describe(database), file=file),
                                           default=False):
        raise CliError(t("cli.restore.cancelled", lang))
    actor, actor_role = auth.cli_actor()
    done = backup.restore(file, database, user=actor, role=actor_role, without_manifest=without_manifest)
    if done.previous:
        click.echo(t("cli.restore.done_kept", lang, source=done.source, previous=done.previous))
    else:
        click.echo(t("cli.restore.done", lang, source=done.source))


def sign_in_configured(con: db.Connection, secrets: str | None = None) -> bool:
    """True when the app will ask who is there: local accounts, $EGOV_REQUIRE_SIGN_IN, or an [auth] section."""
    import os
    import tomllib
    from pathlib import Path

    if os.environ.get("EGOV_REQUIRE_SIGN_IN", "").strip().lower() in ("1", "true", "yes", "si", "sí", "on"):
        return True
    path = Path(secrets) if secrets else db.PROJECT_ROOT / ".streamlit" / "secrets.toml"
    if path.is_file():
        try:
            if tomllib.loads(path.read_text(encoding="utf-8")).get("auth"):
                return True
        except (OSError, tomllib.TOMLDecodeError):
            pass  # an unreadable secrets file turns no sign-in on: Streamlit reports it; the accounts decide
    with db.cursor(con) as cur:
        return users.has_local_accounts(cur)


@main.command("serve-address", hidden=True)
@click.option("--secrets", type=click.Path(dir_okay=False), default=None, help="secrets.toml de Streamlit.")
@click.pass_context
def serve_address(ctx: click.Context, secrets: str | None) -> None:
    """Imprime dónde debe escuchar `make run`: 127.0.0.1 sin inicio de sesión, nada (toda interfaz) con él.

    Sin inicio de sesión, quien se conecta es administrador: por eso escucha solo en este
    equipo; con inicio de sesión, el servidor puede atender a un equipo de trabajo.
    """
    with open_db(ctx) as con:
        click.echo("" if sign_in_configured(con, secrets) else "127.0.0.1")
