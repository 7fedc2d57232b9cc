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
from egov.cli.base import CliError, main, open_db
from egov.i18n import fmt_number


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


_REFUSALS = (users.UserError, backup.BackupError, auth.PermissionDenied)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        text = sys.stdin.readline().rstrip("\r\n")
        if not text:
            raise CliError("no se recibió ninguna contraseña por la entrada estándar")
        return text
    return click.prompt("Contraseña", hide_input=True, confirmation_prompt="Repita la contraseña")


def _describe(account: users.Account) -> str:
    state = "desactivada" if account.disabled else "activa"
    access = "contraseña" if account.has_password else "proveedor de identidad"
    return f"{account.name}\t{auth.ROLE_NAMES_ES[account.role]}\t{state}\t{access}\t{account.display_name}"


@main.group("user")
def user_group() -> None:
    """Cuentas de usuario: crear, cambiar rol, desactivar, reactivar, listar."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", "role", type=click.Choice(auth.ROLES), required=True, help="Rol de la cuenta.")
@click.option("--display-name", default=None, help="Nombre para mostrar (por defecto, el usuario).")
@click.option("--password-stdin", is_flag=True, help="Lee la contraseña de la entrada estándar (una línea).")
@click.option("--oidc", "no_password", is_flag=True,
              help="Sin contraseña: la cuenta entra solo por el proveedor de identidad (NAME = su correo).")
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
    click.echo(f"Cuenta creada: {_describe(account)}")


@user_group.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(auth.ROLES))
@click.pass_context
@_fail_on(*_REFUSALS)
def user_role(ctx: click.Context, name: str, role: str) -> None:
    """Cambia el rol de una cuenta (viewer, analyst o admin)."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.set_role(con, name, role, actor=actor, actor_role=actor_role)
    click.echo(f"Rol actualizado: {_describe(account)}")


@user_group.command("disable")
@click.argument("name")
@click.pass_context
@_fail_on(*_REFUSALS)
def user_disable(ctx: click.Context, name: str) -> None:
    """Desactiva una cuenta: no puede iniciar sesión y sus sesiones abiertas terminan."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.disable(con, name, actor=actor, actor_role=actor_role)
    click.echo(f"Cuenta desactivada: {_describe(account)}")


@user_group.command("enable")
@click.argument("name")
@click.pass_context
@_fail_on(*_REFUSALS)
def user_enable(ctx: click.Context, name: str) -> None:
    """Reactiva una cuenta desactivada."""
    actor, actor_role = auth.cli_actor()
    with open_db(ctx) as con:
        account = users.enable(con, name, actor=actor, actor_role=actor_role)
    click.echo(f"Cuenta reactivada: {_describe(account)}")


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
    click.echo(f"Contraseña cambiada: {account.name}")


@user_group.command("list")
@click.pass_context
def user_list(ctx: click.Context) -> None:
    """Lista las cuentas (usuario, rol, estado, forma de acceso, nombre)."""
    with open_db(ctx) as con:
        found = users.accounts(con)
    if not found:
        click.echo("No hay cuentas: la aplicación funciona en modo local de un solo usuario.")
        return
    for account in found:
        click.echo(_describe(account))


@main.group("audit")
def audit_group() -> None:
    """Registro de auditoría: verificar la cadena, listar entradas."""


@audit_group.command("verify")
@click.pass_context
def audit_verify(ctx: click.Context) -> None:
    """Comprueba que ninguna entrada del registro fue editada, borrada o reordenada."""
    with open_db(ctx) as con:
        check = audit.verify(con)
    if not check.ok:
        raise CliError(f"registro de auditoría alterado: entrada {check.first_bad_seq}: {check.reason} "
                       f"({check.entries} entradas)")
    click.echo(f"Registro íntegro: {fmt_number(check.entries, 0)} entrada(s) verificadas.")


@audit_group.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Cuántas entradas.")
@click.option("--action", "actions", multiple=True, help="Solo esta acción (repetible): import, undo, user_add…")
@click.option("--user", "user", default=None, help="Solo las de este usuario.")
@click.pass_context
def audit_list(ctx: click.Context, limit: int, actions: tuple[str, ...], user: str | None) -> None:
    """Muestra las últimas entradas del registro (la más reciente primero)."""
    with open_db(ctx) as con:
        found = audit.entries(con, actions=list(actions) or None, user=user, limit=limit)
    if found.empty:
        click.echo("No hay entradas.")
        return
    for row in found.itertuples():
        batch = "" if pd.isna(row.batch_id) else f"\tlote {int(row.batch_id)}"
        click.echo(f"{row.seq}\t{row.logged_at:%Y-%m-%d %H:%M:%S}\t{row.user_name}\t{row.user_role}\t"
                   f"{row.action}\t{row.detail}{batch}")


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
    click.echo(f"Copia guardada en {made.path} ({fmt_number(made.size / 1_048_576, 1)} MB).")


@main.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", "confirmed", is_flag=True, help="No pide confirmación.")
@click.pass_context
@_fail_on(*_REFUSALS)
def restore_command(ctx: click.Context, file: str, confirmed: bool) -> None:
    """Reemplaza la base de datos por la copia FILE (la actual se guarda antes como copia)."""
    database = db.resolve_path(ctx.obj.get("db_path"))
    if not confirmed and not click.confirm(f"¿Reemplazar {database} por {file}?", default=False):
        raise CliError("restauración cancelada; no se cambió nada")
    actor, actor_role = auth.cli_actor()
    done = backup.restore(file, database, user=actor, role=actor_role)
    kept = f"; la base anterior se guardó en {done.previous}" if done.previous else ""
    click.echo(f"Base de datos restaurada desde {done.source}{kept}.")
