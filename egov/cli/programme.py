"""`egov programa listar|agregar|estado`: the supervision programme from the shell.

The same core as the page «Programa de supervisión» (``egov.programme``): each ``agregar`` and ``estado`` is
its own audited, undoable ``registro`` batch (``egov undo BATCH``), refused with the same Spanish message
and nothing stored when the entity is unknown, already programmed, the dates are reversed or the state
and the report disagree.
"""

from __future__ import annotations

import json
import sys

import click
import pandas as pd

from egov import programme
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov.cli.base import CliError, date_option, main, open_db
from egov.cli.imports import _user
from egov.export.tables import sanitise_frame
from egov.i18n import t
from egov.storage import db

# Output columns (csv/json), machine-friendly names.
COLUMNS = {"entity_code": "entidad", "entity_name": "nombre", "period": "gestion", "work_kind": "tipo_trabajo",
           "state": "estado", "office": "unidad_responsable", "planned_start": "fecha_inicio",
           "planned_end": "fecha_fin", "report_number": "informe", "report_issue_date": "fecha_emision_informe",
           "notes": "observaciones", "recorded_by": "registrado_por", "batch_id": "lote",
           "is_synthetic": "sintetico"}
TABLE_HEADERS = {"entity_code": "programme.col.entity", "period": "programme.col.period",
                 "work_kind": "programme.col.work_kind", "state": "programme.col.state",
                 "office": "programme.col.office", "planned_start": "programme.col.planned_start",
                 "planned_end": "programme.col.planned_end", "report_number": "programme.col.report_number",
                 "batch_id": "programme.col.batch_id"}


@main.group("programa")
def programme_group() -> None:
    """Programa de supervisión: listar, agregar una entidad, cambiar el estado de una supervisión."""


def _iso(value) -> str | None:
    """A date as ISO text for programs; None when there is none."""
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date().isoformat()


@programme_group.command("listar")
@click.option("--gestion", default=None, help="Solo esta gestión.")
@click.option("--estado", "states", multiple=True, type=click.Choice(list(programme.STATES)),
              help="Solo este estado (se puede repetir).")
@click.option("--unidad", "offices", multiple=True, help="Solo esta unidad responsable (se puede repetir).")
@click.option("--entidad", "entities", multiple=True, help="Solo esta entidad (se puede repetir).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Formato de salida: table (tabla para leer), csv o json (valores para programas).")
@click.pass_context
def list_command(ctx: click.Context, gestion: str | None, states: tuple[str, ...], offices: tuple[str, ...],
                 entities: tuple[str, ...], fmt: str) -> None:
    """Lista las supervisiones programadas con su estado, unidad, fechas previstas e informe."""
    lang = cli_lang.language()
    with open_db(ctx) as con, db.cursor(con) as cur:
        found = programme.programme(cur, period=gestion, states=states or None, offices=offices or None,
                                    entities=entities or None)
    out = found[list(COLUMNS)].rename(columns=COLUMNS)
    for column in ("fecha_inicio", "fecha_fin", "fecha_emision_informe"):
        out[column] = [_iso(v) for v in out[column]]
    if fmt == "csv":
        sanitise_frame(out).to_csv(sys.stdout, index=False)
        return
    if fmt == "json":
        click.echo(json.dumps(json.loads(out.to_json(orient="records", force_ascii=False)), ensure_ascii=False,
                              indent=1))
        return
    if found["is_synthetic"].any():
        click.echo(t("cli.prio.synthetic", lang))
    shown = found.assign(state=[t(f"programme.state.{s}", lang) for s in found["state"]],
                         work_kind=[t(f"programme.work_kind.{k}", lang) for k in found["work_kind"]])
    click.echo(tables.render(shown, TABLE_HEADERS, formatters={"batch_id": str}, empty_key="programme.cli.none",
                             lang=lang))


@programme_group.command("agregar")
@click.argument("entidad")
@click.option("--gestion", required=True, help="Gestión en la que se programa la supervisión (p. ej. 2025).")
@click.option("--tipo", "work_kind", type=click.Choice(list(programme.WORK_KINDS)), default="supervision",
              show_default=True, help="Tipo de trabajo: supervision o seguimiento.")
@click.option("--unidad", default=None, help="Unidad responsable de la Contraloría.")
@click.option("--inicio", default=None, help="Inicio previsto (dd/mm/aaaa).")
@click.option("--fin", default=None, help="Conclusión prevista (dd/mm/aaaa).")
@click.option("--observaciones", default=None, help="Observaciones.")
@click.pass_context
def add_command(ctx: click.Context, entidad: str, gestion: str, work_kind: str, unidad: str | None,
                inicio: str | None, fin: str | None, observaciones: str | None) -> None:
    """Agrega una entidad al programa de una gestión como «programada» (un lote que se puede deshacer)."""
    lang = cli_lang.language()
    start, end = date_option(inicio, "--inicio"), date_option(fin, "--fin")
    with open_db(ctx) as con:
        try:
            done = programme.add(con, entidad, gestion, user=_user(), role="admin", work_kind=work_kind,
                                 office=unidad, planned_start=start, planned_end=end, notes=observaciones)
        except programme.ProgrammeError as exc:
            raise CliError(exc.text(lang)) from exc
    click.echo(t("programme.cli.added", lang, entity=done.entity_code, period=done.period, batch=done.batch_id))


@programme_group.command("estado")
@click.argument("entidad")
@click.argument("estado", type=click.Choice(list(programme.STATES)))
@click.option("--gestion", required=True, help="Gestión en la que se programa la supervisión (p. ej. 2025).")
@click.option("--tipo", "work_kind", type=click.Choice(list(programme.WORK_KINDS)), default="supervision",
              show_default=True, help="Tipo de trabajo: supervision o seguimiento.")
@click.option("--informe", default=None, help="Número del informe emitido (desde informe_emitido).")
@click.option("--observaciones", default=None, help="Observaciones.")
@click.pass_context
def state_command(ctx: click.Context, entidad: str, estado: str, gestion: str, work_kind: str,
                  informe: str | None, observaciones: str | None) -> None:
    """Cambia el estado de una supervisión programada (un lote que se puede deshacer)."""
    lang = cli_lang.language()
    with open_db(ctx) as con:
        try:
            done = programme.set_state(con, entidad, gestion, estado, user=_user(), role="admin",
                                       work_kind=work_kind, report_number=informe, notes=observaciones)
        except programme.ProgrammeError as exc:
            raise CliError(exc.text(lang)) from exc
    click.echo(t("programme.cli.state", lang, entity=done.entity_code, period=done.period,
                 state=t(f"programme.state.{done.state}", lang), batch=done.batch_id))
