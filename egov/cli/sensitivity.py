"""`egov sensibilidad`: how much each entity's position depends on the weights and the missing criteria."""

from __future__ import annotations

import json
import sys

import click

from egov import scoring, sensitivity
from egov.cli.base import CliError, main, open_db, resolve_framework
from egov.export.tables import sanitise_frame
from egov.i18n import fmt_number, fmt_percent
from egov.storage import db


@main.command("sensibilidad")
@click.option("--period", default=None, help="Gestión (p. ej. 2024); por defecto la última.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--runs", type=click.IntRange(1, 100_000), default=sensitivity.DEFAULT_RUNS, show_default=True,
              help="Número de corridas.")
@click.option("--spread", type=click.FloatRange(0, 1), default=sensitivity.DEFAULT_SPREAD, show_default=True,
              help="Variación de cada peso de área: factor uniforme entre 1 − r y 1 + r.")
@click.option("--seed", type=int, default=sensitivity.DEFAULT_SEED, show_default=True,
              help="Semilla: la misma da el mismo resultado.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_context
def sensitivity_command(ctx: click.Context, period: str | None, framework: str | None, runs: int, spread: float,
                        seed: int, fmt: str) -> None:
    """Intervalos de índice y de posición de cada entidad (5 %–95 % de las corridas) y empates."""
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        known = scoring.periods(cur, framework)
        if not known:
            raise CliError(f"no hay evaluaciones para el marco {framework}; cargue datos con `egov demo` "
                           "o `egov import`")
        period = period or known[0]
        if period not in known:
            raise CliError(f"no hay evaluaciones del marco {framework} en la gestión {period}; "
                           f"gestiones disponibles: {', '.join(known)}")
        table = sensitivity.uncertainty_table(cur, framework, period, runs, spread, seed)
    table = table.dropna(subset=["rank_low"]).sort_values(["rank_in_period", "entity_code"])
    out = table[["entity_code", "name", "period", "index_value", "index_low", "index_high", "rank_in_period",
                 "tied_rank", "tied_with", "rank_low", "rank_high", "band_name_es", "band_kept"]].rename(columns={
        "entity_code": "entidad", "name": "nombre", "period": "gestion", "index_value": "indice",
        "index_low": "indice_desde", "index_high": "indice_hasta", "rank_in_period": "posicion",
        "tied_rank": "posicion_mostrada", "tied_with": "empatada_con", "rank_low": "posicion_desde",
        "rank_high": "posicion_hasta", "band_name_es": "nivel", "band_kept": "conserva_nivel"})
    for column in ("posicion", "posicion_desde", "posicion_hasta"):
        out[column] = out[column].astype("Int64")
    if fmt == "csv":
        sanitise_frame(out.round(4)).to_csv(sys.stdout, index=False)
        return
    if fmt == "json":
        click.echo(json.dumps(json.loads(out.round(4).to_json(orient="records", force_ascii=False)),
                              ensure_ascii=False, indent=1))
        return
    click.echo(f"Gestión {period}, marco {framework}: {runs} corridas, pesos de área ± {fmt_number(spread * 100, 0)} %, "
               f"criterios sin dato entre el nivel más bajo y el más alto, semilla {seed}.")
    click.echo("Intervalos del 5 % al 95 % (incluyen siempre el valor oficial). Empates («=»): en orden de posición "
               "oficial, quien se superpone con la primera entidad del grupo comparte su posición.")
    shown = out.copy()
    shown["posicion_mostrada"] = [f"={r}" if w else str(r) for r, w in zip(shown["posicion_mostrada"],
                                                                            shown["empatada_con"])]
    shown["indice"] = shown["indice"].map(lambda v: fmt_number(v, 2))
    shown["intervalo_indice"] = [f"{fmt_number(a, 1)}–{fmt_number(b, 1)}"
                                 for a, b in zip(shown["indice_desde"], shown["indice_hasta"])]
    shown["intervalo_posicion"] = [f"{a}–{b}" for a, b in zip(shown["posicion_desde"], shown["posicion_hasta"])]
    shown["conserva_nivel"] = shown["conserva_nivel"].map(fmt_percent)
    shown["nombre"] = shown["nombre"].str.slice(0, 40)
    click.echo(shown[["entidad", "nombre", "indice", "intervalo_indice", "posicion", "posicion_mostrada",
                      "intervalo_posicion", "nivel", "conserva_nivel"]].fillna("—").to_string(index=False))
