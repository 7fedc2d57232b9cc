"""The click group shared by every command module, and its error handling."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date, datetime
from typing import Iterator

import click

from egov import auth, scoring
from egov.cli import lang as cli_lang
from egov.i18n import t
from egov.storage import db, errors


class CliError(click.ClickException):
    """A user-facing failure: printed as one Spanish line, exit code 1 (or as given)."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.message}", err=True)


class EgovGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # The reader went away (`egov scores | head`): nothing more to say, no error line.
            sys.stderr.close()
            raise SystemExit(0)
        except errors.StorageUnavailable as exc:
            raise CliError(str(exc)) from exc
        except Exception as exc:  # the last line of defence: no traceback for the user
            problem = errors.storage_problem(exc)
            if problem:
                raise CliError(problem) from exc
            message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
            raise CliError(t("cli.error.unexpected", cli_lang.language(), message=message)) from exc


def _choose_language(ctx: click.Context, _param, value: str | None) -> None:
    if value:
        cli_lang.set_language(ctx.find_root().command, value)


@click.group(cls=EgovGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", "lang", type=click.Choice(cli_lang.LANGUAGES), default=None, is_eager=True,
              expose_value=False, callback=_choose_language, help=t("cli.lang_help"))
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, envvar=db.ENV_DB,
              help="Archivo DuckDB o dirección postgresql://usuario@servidor:puerto/base "
                   "(por defecto $EGOV_DB o data/egov.duckdb; la contraseña, en PGPASSWORD o ~/.pgpass).")
@click.pass_context
def main(ctx: click.Context, db_path: str | None) -> None:
    """Tablero de madurez de gobierno electrónico: línea de comandos."""
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path


@contextmanager
def open_db(ctx: click.Context) -> Iterator[db.Connection]:
    try:
        con = db.connect(ctx.obj.get("db_path"))
    except errors.StorageUnavailable as exc:
        raise CliError(str(exc)) from exc
    except Exception as exc:
        raise CliError(f"no se pudo abrir la base de datos {db.describe(ctx.obj.get('db_path'))}: "
                       f"{str(exc).splitlines()[0]}") from exc
    try:
        yield con
    finally:
        con.close()


class RoleType(click.ParamType):
    """A role by its Spanish name (lector, analista, administrador) or its English one (viewer, analyst, admin)."""

    name = "rol"
    ALIASES = {"lector": "viewer", "analista": "analyst", "administrador": "admin", "viewer": "viewer",
               "analyst": "analyst", "admin": "admin", "administrator": "admin"}

    def get_metavar(self, param, ctx=None) -> str:
        return "[lector|analista|administrador]"

    def convert(self, value, param, ctx):
        found = self.ALIASES.get(str(value).strip().lower())
        if found is None:
            self.fail(f"«{value}» no es un rol: use lector, analista o administrador (o viewer, analyst, admin)"
                      if cli_lang.language() == "es" else
                      f"'{value}' is not a role: use viewer, analyst or admin (or lector, analista, administrador)",
                      param, ctx)
        return found


ROLE = RoleType()


def role_name(role: str) -> str:
    return (auth.ROLE_NAMES_EN if cli_lang.language() == "en" else auth.ROLE_NAMES_ES).get(role, role)


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def resolve_framework(cur: db.Connection, framework: str | None) -> str:
    """The framework a command works on: the one named, else the most used; a clear error otherwise."""
    known = scoring.frameworks(cur)["framework_code"].tolist()
    if not known:
        raise CliError("no hay ningún marco cargado; ejecute primero `egov init`")
    framework = framework or scoring.default_framework(cur)
    if framework not in known:
        raise CliError(f"el marco {framework!r} no existe; marcos disponibles: {', '.join(known)}")
    return framework


def resolve_period(cur: db.Connection, framework: str, period: str | None, lang: str) -> str:
    """The gestión a command works on: the one named, else the latest assessed; a clear error otherwise."""
    known = scoring.periods(cur, framework)
    if not known:
        raise CliError(t("cli.sens.no_rounds", lang, framework=framework))
    period = period or known[0]
    if period not in known:
        raise CliError(t("cli.sens.unknown_round", lang, framework=framework, period=period,
                         known=", ".join(known)))
    return period


def read_date(value: str) -> date | None:
    """``value`` as dd/mm/aaaa or aaaa-mm-dd, the two ways a date is written on the command line; None
    when it is neither (the caller says so in its own words)."""
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    return None


def date_option(value: str | None, option: str) -> date | None:
    """A date given on the command line as dd/mm/aaaa or aaaa-mm-dd (empty: none)."""
    if not value:
        return None
    found = read_date(value)
    if found is None:
        raise CliError(f"{option}: la fecha «{value}» no es válida; escríbala dd/mm/aaaa o aaaa-mm-dd")
    return found
