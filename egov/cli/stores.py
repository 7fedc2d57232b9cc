"""`egov store copy SRC DST`: move a whole store between a DuckDB file and PostgreSQL."""

from __future__ import annotations

import click

from egov.cli import lang as cli_lang
from egov.cli.base import CliError, main
from egov.i18n import fmt_number, t
from egov.storage import db, postgres, transfer


@main.group("store")
def store_group() -> None:
    """La base de datos entera: copiarla de un archivo DuckDB a PostgreSQL y de vuelta."""


@store_group.command("copy")
@click.argument("source")
@click.argument("target")
def store_copy(source: str, target: str) -> None:
    """Copia toda la base SOURCE en la base nueva TARGET (archivo DuckDB o postgresql://…) y la comprueba."""
    try:
        copied = transfer.copy_store(source, target)
    except (transfer.CopyError, postgres.PostgresError) as exc:
        raise CliError(str(exc)) from exc
    rows = sum(copied.tables.values())
    lang = cli_lang.language()
    click.echo(t("cli.store.copied", lang, tables=len(copied.tables), rows=fmt_number(rows, 0, lang),
                 source=db.describe(source), target=db.describe(target),
                 entries=fmt_number(copied.audit_entries, 0, lang)))
