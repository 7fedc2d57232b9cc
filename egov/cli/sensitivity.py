"""`egov sensibilidad`: how much each entity's position depends on the weights and the missing criteria."""

from __future__ import annotations

import json
import sys

import click

from egov import sensitivity
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov.cli.base import main, open_db, resolve_framework, resolve_period
from egov.export.tables import sanitise_frame
from egov.i18n import fmt_number, fmt_percent, t
from egov.storage import db

COLUMNS = {"entity_code": "entidad", "name": "nombre", "period": "gestion", "index_value": "indice",
           "index_low": "indice_desde", "index_high": "indice_hasta", "rank_in_period": "posicion",
           "tied_rank": "posicion_mostrada", "tied_with": "empatada_con", "rank_low": "posicion_desde",
           "rank_high": "posicion_hasta", "band_name_es": "grado", "band_kept": "conserva_grado"}


@main.command("sensibilidad")
@click.option("--period", default=None, help="Gestión (p. ej. 2024); por defecto la última.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--runs", type=click.IntRange(1, 100_000), default=sensitivity.DEFAULT_RUNS, show_default=True,
              help="Número de corridas.")
@click.option("--spread", type=click.FloatRange(0, 1), default=sensitivity.DEFAULT_SPREAD, show_default=True,
              help="Variación de cada peso de área: factor uniforme entre 1 − r y 1 + r.")
@click.option("--seed", type=int, default=sensitivity.DEFAULT_SEED, show_default=True,
              help="Semilla: la misma da el mismo resultado.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Formato de salida: table (tabla para leer), csv o json (valores para programas).")
@click.pass_context
def sensitivity_command(ctx: click.Context, period: str | None, framework: str | None, runs: int, spread: float,
                        seed: int, fmt: str) -> None:
    """Intervalos de índice y de posición de cada entidad (5 %–95 % de las corridas) y empates."""
    lang = cli_lang.language()
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        period = resolve_period(cur, framework, period, lang)
        table = sensitivity.uncertainty_table(cur, framework, period, runs, spread, seed)
    table = table.dropna(subset=["rank_low"]).sort_values(["rank_in_period", "entity_code"])
    out = table[list(COLUMNS)].rename(columns=COLUMNS)
    for column in ("posicion", "posicion_desde", "posicion_hasta"):
        out[column] = out[column].astype("Int64")
    if fmt == "csv":
        sanitise_frame(out.round(4)).to_csv(sys.stdout, index=False)
        return
    if fmt == "json":
        click.echo(json.dumps(json.loads(out.round(4).to_json(orient="records", force_ascii=False)),
                              ensure_ascii=False, indent=1))
        return
    click.echo(t("cli.sens.header", lang, period=period, framework=framework, runs=runs,
                 spread=fmt_number(spread * 100, 0, lang), seed=seed))
    click.echo(t("cli.sens.ties", lang))
    shown = out.copy()
    if lang == "en":
        shown["grado"] = table["band_name_en"].to_numpy()
    shown["nombre"] = shown["nombre"].str.slice(0, 40)
    shown["posicion_mostrada"] = [f"={r}" if w else str(r) for r, w in zip(shown["posicion_mostrada"],
                                                                            shown["empatada_con"])]
    shown["intervalo_indice"] = [f"{fmt_number(a, 1, lang)}–{fmt_number(b, 1, lang)}"
                                 for a, b in zip(shown["indice_desde"], shown["indice_hasta"])]
    shown["intervalo_posicion"] = [f"{a}–{b}" for a, b in zip(shown["posicion_desde"], shown["posicion_hasta"])]
    headers = {c: f"cli.col.{c}" for c in ("entidad", "nombre", "indice", "intervalo_indice", "posicion",
                                           "posicion_mostrada", "intervalo_posicion", "grado", "conserva_grado")}
    formatters = {"indice": lambda v: fmt_number(v, 2, lang), "conserva_grado": lambda v: fmt_percent(v, 0, lang)}
    click.echo(tables.render(shown, headers, formatters=formatters, lang=lang))
