"""`egov prioridades`: a priority for every entity, each factor with its value and its share, and why."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from egov import priorities
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov.cli.base import CliError, main, open_db, read_date, resolve_framework, resolve_period
from egov.cli.data import parse_weights
from egov.export.tables import sanitise_frame
from egov.i18n import fmt_number, t
from egov.storage import db

# Output columns (csv/json): the record behind each factor, the factor (0–1), its share, and the sentence.
COLUMNS = {"rank": "posicion", "entity_code": "entidad", "name": "nombre", "priority": "prioridad",
           "round": "gestion_evaluada", "index_now": "indice", "weakest_area": "area_mas_debil",
           "weakest_score": "puntaje_area_mas_debil", "previous_round": "gestion_anterior", "fall": "caida",
           "overdue": "vencidas", "last_supervision": "ultima_supervision", "years_since": "anios_desde_supervision",
           "never_supervised": "nunca_supervisada", "limitations": "limitaciones", "procedures": "tramites",
           "criticality": "grupo_criticidad",
           **{f"f_{f}": f"factor_{f}" for f in priorities.FACTORS},
           **{f"share_{f}": f"parte_{f}" for f in priorities.FACTORS},
           "is_synthetic": "sintetico", "reason": "razon"}


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    found = read_date(value)
    if found is None:
        raise CliError(t("cli.prio.bad_date", cli_lang.language(), value=value))
    return found


@main.command("prioridades")
@click.option("--period", default=None, help="Gestión (p. ej. 2024); por defecto la última.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--fecha", "as_of", default=None, metavar="DD/MM/AAAA",
              help="Fecha a la que se leen los plazos vencidos y el tiempo desde la última supervisión; "
                   "por defecto hoy.")
@click.option("--peso", "weights", multiple=True, metavar="FACTOR=PESO",
              help="Peso de un factor (madurez, caida, vencidas, tiempo, limitaciones, ciudadania, criticidad), p. ej. "
                   "tiempo=4; se puede repetir. Por defecto: madurez=3 vencidas=2 tiempo=2 criticidad=2 caida=1 limitaciones=1 "
                   "ciudadania=1.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Formato de salida: table (tabla para leer), csv o json (valores para programas).")
@click.pass_context
def priorities_command(ctx: click.Context, period: str | None, framework: str | None, as_of: str | None,
                       weights: tuple[str, ...], fmt: str) -> None:
    """Prioridad de supervisión de cada entidad, con el valor y la parte de cada factor y por qué."""
    lang = cli_lang.language()
    day = _date(as_of)
    given = parse_weights(weights, "--peso")
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        period = resolve_period(cur, framework, period, lang)
        try:
            table = priorities.priorities(cur, framework, period, as_of=day, weights=given, lang=lang)
        except priorities.PriorityError as exc:
            raise CliError(str(exc)) from None
    out = table[list(COLUMNS)].rename(columns=COLUMNS)
    if fmt == "csv":
        sanitise_frame(out.round(4)).to_csv(sys.stdout, index=False)
        return
    if fmt == "json":
        out["ultima_supervision"] = [d.isoformat() if d is not None else None for d in out["ultima_supervision"]]
        click.echo(json.dumps(json.loads(out.round(4).to_json(orient="records", force_ascii=False,
                                                               date_format="iso")),
                              ensure_ascii=False, indent=1))
        return
    used = priorities.Weights.of(given).values
    click.echo(t("cli.prio.header", lang, period=period, framework=framework,
                 date=(day or date.today()).strftime("%d/%m/%Y"),
                 weights=" ".join(f"{f}={fmt_number(used[f], 1, lang)}" for f in priorities.FACTORS)))
    if table["is_synthetic"].any():
        click.echo(t("cli.prio.synthetic", lang))
    shown = table.copy()
    shown["name"] = shown["name"].str.slice(0, 30)
    for f in priorities.FACTORS:
        shown[f"cell_{f}"] = priorities.cells(shown, f, lang)
    headers = {"rank": "cli.col.prio_rank", "entity_code": "cli.col.entidad", "name": "cli.col.nombre",
               "priority": "cli.col.prio_priority",
               **{f"cell_{f}": f"cli.col.prio_{f}" for f in priorities.FACTORS}}
    formatters = {"priority": lambda v: fmt_number(v, 1, lang), "rank": str}
    click.echo(tables.render(shown, headers, formatters=formatters, lang=lang))
    click.echo("")
    for code, why in zip(table["entity_code"], table["reason"]):
        click.echo(f"{code}: {why}")
