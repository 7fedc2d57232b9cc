"""`egov evidencia agregar|listar|obtener`: evidence references and their files from the shell.

The same core as the entity profile (``egov.evidence``): a file whose content
is not what its extension says, or over the size limit, is refused with the
same Spanish message and nothing is stored; ``obtener`` writes the stored
bytes unchanged (same SHA-256).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from egov import evidence
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov.cli.base import CliError, date_option, main, open_db, resolve_framework
from egov.cli.imports import _user
from egov.export.tables import to_csv_text
from egov.i18n import t
from egov.storage import db


@main.group("evidencia")
def evidence_group() -> None:
    """Evidencias de los puntajes, hallazgos y seguimiento: agregar, listar, obtener el archivo."""


@evidence_group.command("agregar")
@click.argument("entidad")
@click.option("--gestion", default=None, help="Gestión del puntaje o del hallazgo (p. ej. 2024).")
@click.option("--marco", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--criterio", default=None, help="Criterio cuyo puntaje respalda (p. ej. PLAN.1).")
@click.option("--hallazgo", type=int, default=None, help="Número del hallazgo que respalda.")
@click.option("--informe", default=None, help="Informe de la recomendación (calificación de seguimiento).")
@click.option("--recomendacion", type=int, default=None, help="Número de la recomendación.")
@click.option("--fecha-estado", default=None, help="Fecha de la calificación de seguimiento (dd/mm/aaaa).")
@click.option("--documento", required=True, help="Documento como lo cita el informe (p. ej. «RM que aprueba el MPP»).")
@click.option("--numero", default=None, help="Número del documento (p. ej. 123/2023).")
@click.option("--fecha", default=None, help="Fecha del documento (dd/mm/aaaa).")
@click.option("--seccion", default=None, help="Sección del informe que lo cita.")
@click.option("--papel", default=None, help="Referencia del papel de trabajo.")
@click.option("--archivo", type=click.Path(dir_okay=False), default=None,
              help="Archivo adjunto (PDF, PNG, JPEG, documento de Office u OpenDocument; máximo 20 MB).")
@click.pass_context
def add_command(ctx: click.Context, entidad: str, gestion: str | None, marco: str | None, criterio: str | None,
                hallazgo: int | None, informe: str | None, recomendacion: int | None, fecha_estado: str | None,
                documento: str, numero: str | None, fecha: str | None, seccion: str | None, papel: str | None,
                archivo: str | None) -> None:
    """Registra una evidencia (y su archivo, guardado una vez por su SHA-256) como un lote que se puede deshacer."""
    chosen = [criterio is not None, hallazgo is not None, informe is not None]
    if sum(chosen) != 1 or (informe is not None and (recomendacion is None or not fecha_estado)):
        raise CliError(t("evidence.error.target_choice", cli_lang.language()))
    checked = None
    if archivo:
        path = Path(archivo)
        if not path.is_file():
            raise CliError(t("evidence.error.file_not_found", cli_lang.language(), path=archivo))
        size = path.stat().st_size
        try:
            # The size first: a file over the limit is refused unread.
            checked = evidence.check_file(path.name, b"" if size > evidence.MAX_FILE_BYTES else path.read_bytes(),
                                          size=size)
        except evidence.EvidenceError as exc:
            raise CliError(exc.text(cli_lang.language())) from exc
    document = evidence.Document(documento, numero, date_option(fecha, "--fecha"), seccion, papel)
    with open_db(ctx) as con:
        if informe is not None:
            target = evidence.Target("seguimiento", entidad, report_number=informe, rec_no=recomendacion,
                                     status_date=date_option(fecha_estado, "--fecha-estado"))
        else:
            if not gestion:
                raise CliError(t("evidence.error.period_required", cli_lang.language()))
            with db.cursor(con) as cur:
                framework = resolve_framework(cur, marco)
            target = (evidence.Target("puntaje", entidad, gestion, framework, criterion_code=criterio)
                      if criterio is not None else
                      evidence.Target("hallazgo", entidad, gestion, framework, finding_no=hallazgo))
        try:
            added = evidence.add(con, target, document, checked, user=_user(), role="admin")
        except evidence.EvidenceError as exc:
            raise CliError(exc.text(cli_lang.language())) from exc
    click.echo(t("evidence.cli.added", cli_lang.language(), batch=added.batch_id, target=target.label(), document=document.name.strip()))
    if checked:
        click.echo(t("evidence.cli.file_stored", cli_lang.language(), name=checked.name, media_type=checked.media_type,
                     size=len(checked.content), sha256=checked.sha256))


LIST_COLUMNS = {"target": "evidence.col.target", "entity_code": "evidence.col.entity",
                "period": "evidence.col.period", "item": "evidence.col.item",
                "document_name": "evidence.col.document", "document_number": "evidence.col.number",
                "document_date": "evidence.col.date", "report_section": "evidence.col.section",
                "working_paper": "evidence.col.working_paper", "file_name": "evidence.col.file",
                "sha256": "evidence.col.sha256", "media_type": "evidence.col.media_type"}


def _item(row) -> str:
    if row["target"] == "puntaje":
        return row["criterion_code"]
    if row["target"] == "hallazgo":
        return f"n.º {row['finding_no']}"
    return f"{row['report_number']} n.º {row['rec_no']} ({row['status_date']:%d/%m/%Y})"


@evidence_group.command("listar")
@click.option("--entidad", default=None, help="Solo esta entidad.")
@click.option("--gestion", default=None, help="Solo esta gestión.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True,
              help="Formato de salida: table (tabla para leer) o csv (valores para programas).")
@click.pass_context
def list_command(ctx: click.Context, entidad: str | None, gestion: str | None, fmt: str) -> None:
    """Lista las evidencias registradas, con el SHA-256 y el tipo de su archivo."""
    with open_db(ctx) as con, db.cursor(con) as cur:
        found = evidence.references(cur, entity_code=entidad, period=gestion)
    if fmt == "csv":  # document names may look like formulas: neutralised
        click.echo(to_csv_text(found.drop(columns=["evidence_id"])), nl=False)
        return
    shown = found.assign(item=[_item(r) for _, r in found.iterrows()] if not found.empty else [],
                         sha256=found["file_sha256"].str[:16],
                         target=found["target"].map(lambda v: t(f"evidence.target.{v}", cli_lang.language())))
    click.echo(tables.render(shown, LIST_COLUMNS, empty_key="evidence.cli.none"))


@evidence_group.command("obtener")
@click.argument("sha256")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Archivo de salida (por defecto el nombre con que se guardó, en la carpeta actual; "
                   "'-' = salida estándar).")
@click.pass_context
def get_command(ctx: click.Context, sha256: str, output: str | None) -> None:
    """Escribe el archivo de evidencia con ese SHA-256 (o un prefijo único), byte a byte como se guardó."""
    with open_db(ctx) as con, db.cursor(con) as cur:
        try:
            stored = evidence.content(cur, sha256)
        except evidence.EvidenceError as exc:
            raise CliError(exc.text(cli_lang.language())) from exc
        names = evidence.references(cur)
    if output == "-":
        sys.stdout.buffer.write(stored.content)
        sys.stdout.buffer.flush()
        return
    if output is None:
        named = names.loc[names["file_sha256"] == stored.sha256, "file_name"]
        output = Path(named.iloc[0]).name if not named.empty else stored.sha256
    target = Path(output)
    if target.exists():
        raise CliError(t("evidence.cli.exists", cli_lang.language(), path=target))
    target.write_bytes(stored.content)
    click.echo(t("evidence.cli.written", cli_lang.language(), path=target, size=len(stored.content), sha256=stored.sha256))
