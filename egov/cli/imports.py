"""`egov import`, `egov template`, `egov batches`, `egov undo`: the import path from the shell.

The same core as the "Cargar datos" page (``egov.ingest``): a file the page
refuses, this refuses too, with the same Spanish report (on stderr).
Exit codes: 0 imported or already imported (or a clean dry run), 1 refused
or not confirmed (the database unchanged).
"""

from __future__ import annotations

import getpass
import sys
import time
from pathlib import Path

import click

from egov import ingest
from egov.export.tables import to_csv_text
from egov.storage import db, store
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov import framework as framework_reads
from egov.cli.base import CliError, main, open_db, resolve_framework, role_name
from egov.i18n import fmt_number, t
from egov.ingest import read, report, templates
from egov.kinds import KINDS


class Steps:
    """The importer's steps on stderr as they start, each with the seconds since the file was opened:
    a national file takes minutes, and a silent terminal looks hung."""

    def __init__(self, path: Path, lang: str):
        self.lang, self.started = lang, time.monotonic()
        megabytes = fmt_number(path.stat().st_size / (1024 * 1024), 1, lang)
        click.echo(t("import.progress.file", lang, name=path.name, mb=megabytes), err=True)

    def _line(self, text: str) -> None:
        seconds = fmt_number(time.monotonic() - self.started, 1, self.lang)
        click.echo(t("import.progress.line", self.lang, seconds=seconds, step=text), err=True)

    def __call__(self, step: str) -> None:
        self._line(t(f"import.progress.{step}", self.lang))

    def done(self) -> None:
        self._line(t("import.progress.done", self.lang))


def _user() -> str:
    try:
        return getpass.getuser() or "local"
    except Exception:  # no user name in a bare container
        return "local"


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Revisa y muestra la vista previa sin guardar nada.")
@click.option("--yes", "confirm", is_flag=True, help="Confirma los cambios a datos existentes.")
@click.option("--kind", type=click.Choice(list(KINDS)), default=None,
              help="Tipo de archivo (por defecto se reconoce por los encabezados).")
@click.option("--synthetic", is_flag=True, help="Marca el lote como datos sintéticos de demostración.")
@click.option("--progress/--no-progress", default=None,
              help="Muestra cada paso con su tiempo (por defecto, solo en una terminal).")
@click.pass_context
def import_command(ctx: click.Context, files: tuple[str, ...], dry_run: bool, confirm: bool,
                   kind: str | None, synthetic: bool, progress: bool | None) -> None:
    """Importa uno o más archivos CSV o .xlsx (cada archivo, todo o nada)."""
    failed = 0
    lang = cli_lang.language()
    shown = sys.stderr.isatty() if progress is None else progress
    with open_db(ctx) as con:
        for name in files:
            path = Path(name)
            if not path.is_file():
                click.echo(t("import.cli.not_found", lang, path=name), err=True)
                failed += 1
                continue
            steps = Steps(path, lang) if shown else None
            # No caps (they are for browser uploads); a national score file is streamed in bounded memory.
            result = ingest.import_path(con, path, user=_user(), role="admin", confirm_changes=confirm,
                                        dry_run=dry_run, synthetic=synthetic, kind=kind,
                                        confirm_new_periods=confirm, limits=read.COMMAND_LINE, progress=steps)
            if steps:
                steps.done()
            text = report.report_text(result, lang=lang)
            if result.ok:
                click.echo(text)
            else:
                click.echo(text, err=True)
                if result.status == "needs_confirmation":
                    click.echo(t("import.cli.use_yes", lang), err=True)
                failed += 1
    if failed:
        ctx.exit(1)


@main.command("template")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("--example", is_flag=True, help="Incluye filas de ejemplo tomadas de los datos de muestra.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Archivo de salida (por defecto kind.csv/.xlsx en la carpeta actual; '-' = salida estándar).")
def template_command(kind: str, example: bool, fmt: str, output: str | None) -> None:
    """Genera la plantilla de un tipo de archivo (CSV o Excel con hoja de instrucciones)."""
    data = templates.template(kind, example=example, fmt=fmt)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    target = Path(output or templates.file_name(kind, fmt, example=example))
    target.write_bytes(data)
    click.echo(t("cli.template.saved", cli_lang.language(), kind=kind, path=target))


@main.command("self-assessment")
@click.argument("entity")
@click.argument("period")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Archivo de salida (por defecto autoevaluacion-ENTIDAD-GESTION.csv/.xlsx; '-' = salida estándar).")
@click.pass_context
def self_assessment_command(ctx: click.Context, entity: str, period: str, framework: str | None, fmt: str,
                            output: str | None) -> None:
    """Plantilla de autoevaluación: los criterios del marco para que la entidad declare sus puntajes."""
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        data = templates.self_assessment(framework_reads.criteria(cur, framework), framework, entity, period,
                                         fmt=fmt)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    target = Path(output or f"autoevaluacion-{entity}-{period}.{fmt}")
    target.write_bytes(data)
    click.echo(t("cli.self_assessment.saved", cli_lang.language(), entity=entity, period=period,
                 framework=framework, path=target))


@main.command("batches")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
@click.pass_context
def batches_command(ctx: click.Context, fmt: str) -> None:
    """Lista los lotes importados (el más reciente primero)."""
    with open_db(ctx) as con:
        frame = ingest.batches(con)
    if fmt == "csv":  # values for programs: true/false, ISO timestamps, empty cells
        click.echo(to_csv_text(frame), nl=False)  # file names may look like formulas: neutralised
        return
    shown = frame.assign(user_role=frame["user_role"].map(role_name))
    headers = {c: f"cli.col.{c}" for c in ("batch_id", "kind", "file_name", "is_synthetic", "rows_total", "rows_new",
                                            "rows_changed", "rows_unchanged", "user_name", "user_role", "created_at",
                                            "undone_at", "undone_by")}
    click.echo(tables.render(shown, headers, empty_key="cli.batches.none"))


@main.command("undo")
@click.argument("batch", type=int)
@click.pass_context
def undo_command(ctx: click.Context, batch: int) -> None:
    """Deshace un lote: restaura exactamente lo que había antes de importarlo."""
    with open_db(ctx) as con:
        try:
            ingest.undo(con, batch, user=_user(), role="admin", bounded=True)
        except store.StoreError as exc:
            raise CliError(str(exc)) from exc
    click.echo(t("import.cli.undone", cli_lang.language(), batch=batch))
