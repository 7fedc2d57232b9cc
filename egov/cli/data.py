"""`egov init`, `egov demo` and `egov scores`: the store and its scores from the shell."""

from __future__ import annotations

import json

import click
import pandas as pd

from egov import sample, scoring, sensitivity
from egov.export.tables import to_csv_text
from egov.storage import db
from egov.cli import lang as cli_lang
from egov.cli import tables
from egov.cli.base import CliError, main, open_db, resolve_framework
from egov.i18n import fmt_number, fmt_percent, t, tn


@main.command("init")
@click.pass_context
def init_command(ctx: click.Context) -> None:
    """Crea o actualiza la base de datos y carga el marco por defecto."""
    with open_db(ctx) as con:
        loaded = sample.load_default_framework(con)
        version = db.schema_version(con)
    where = db.describe(ctx.obj.get("db_path"))
    lang = cli_lang.language()
    state = t("cli.init.loaded" if loaded.status == "imported" else "cli.init.already", lang)
    click.echo(t("cli.init.done", lang, where=where, version=version, state=state))


@main.command("demo")
@click.option("--remove", is_flag=True, help="Quita los datos sintéticos de demostración.")
@click.option("--if-empty", is_flag=True, help="Solo carga si la base no tiene evaluaciones.")
@click.pass_context
def demo_command(ctx: click.Context, remove: bool, if_empty: bool) -> None:
    """Carga los datos de muestra (DIGEMIG real y el conjunto sintético de demostración)."""
    lang = cli_lang.language()
    with open_db(ctx) as con:
        if remove:
            try:
                removed = sample.remove_demo(con)
            except Exception as exc:
                raise CliError(str(exc)) from exc
            click.echo(tn("cli.demo.removed", len(removed), lang))
            return
        if if_empty and not sample.is_empty(con):
            click.echo(t("cli.demo.not_empty", lang))
            return
        try:
            loaded = sample.load_sample(con)
        except sample.SampleDataError as exc:
            raise CliError(str(exc)) from exc
    new = sum(1 for item in loaded if item.status == "imported")
    click.echo(t("cli.demo.loaded", lang, new=tn("cli.demo.new", new, lang),
                 old=tn("cli.demo.old", len(loaded) - new, lang)))


SCORE_COLUMNS = ["entity_code", "name", "period", "index_value", "rank_in_period", "band_name_es", "coverage"]


@main.command("scores")
@click.option("--period", default=None, help="Gestión (p. ej. 2024); por defecto todas.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Formato de salida: table (tabla para leer), csv o json (valores para programas).")
@click.option("--peso-area", "area_weights", multiple=True, metavar="AREA=PESO",
              help="Peso hipotético de un área (p. ej. PLAN=0 ORG=2); se puede repetir. No cambia la base.")
@click.option("--peso-criterio", "criterion_weights", multiple=True, metavar="CRITERIO=PESO",
              help="Peso hipotético de un criterio (p. ej. PLAN.1=2); se puede repetir.")
@click.pass_context
def scores_command(ctx: click.Context, period: str | None, framework: str | None, fmt: str,
                   area_weights: tuple[str, ...], criterion_weights: tuple[str, ...]) -> None:
    """Índice, posición, grado, cobertura y puntaje por área de cada entidad y gestión."""
    whatif_areas = parse_weights(area_weights, "--peso-area")
    whatif_criteria = parse_weights(criterion_weights, "--peso-criterio")
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        table = scoring.scores_table(cur, framework, period)
        if not table.empty and (whatif_areas or whatif_criteria):
            matrix = sensitivity.load(cur, framework, period)
    lang = cli_lang.language()
    if table.empty:  # nothing to show is not an error: an empty table and a note, exit 0
        if fmt == "table":
            empty = pd.DataFrame(columns=["entidad", "nombre", "gestion", "indice", "puesto", "grado", "cobertura"])
            click.echo(tables.render(empty, {c: f"cli.col.{c}" for c in empty.columns}))
        elif fmt == "csv":
            click.echo("entidad,nombre,gestion,indice,puesto,grado,cobertura")
        else:
            click.echo("[]")
        within = t("cli.scores.in_period", lang, period=period) if period else ""
        click.echo(t("cli.scores.none", lang, framework=framework, period=within), err=True)
        return
    if whatif_areas or whatif_criteria:
        _whatif_scores(matrix, whatif_areas, whatif_criteria, fmt, lang)
        return
    area_columns = [c for c in table.columns if c not in _ENTITY_SCORE_FIELDS]
    out = table[SCORE_COLUMNS + area_columns].rename(columns={
        "entity_code": "entidad", "name": "nombre", "period": "gestion", "index_value": "indice",
        "rank_in_period": "puesto", "band_name_es": "grado", "coverage": "cobertura"})
    out["puesto"] = out["puesto"].astype("Int64")
    if fmt != "table":
        out = out.join(table[list(SOURCE_COLUMNS)].rename(columns=SOURCE_COLUMNS))
        out["cobertura_insuficiente"] = out["cobertura_insuficiente"].astype(bool)
    if fmt == "csv":
        click.echo(to_csv_text(out.round(2)), nl=False)  # formulas neutralised, like every export
    elif fmt == "json":
        click.echo(json.dumps(json.loads(out.round(4).to_json(orient="records", force_ascii=False)),
                              ensure_ascii=False, indent=1))
    else:
        click.echo(_as_text_table(out, area_columns, lang, table["band_name_en"]))


def parse_weights(items: tuple[str, ...], option: str) -> dict[str, float]:
    """``("PLAN=0", "ORG=2,5")`` -> ``{"PLAN": 0.0, "ORG": 2.5}``, with a Spanish error for a bad item."""
    out: dict[str, float] = {}
    for item in items:
        code, sep, value = item.partition("=")
        try:
            if not sep or not code.strip():
                raise ValueError
            out[code.strip()] = float(value.strip().replace(",", "."))
        except ValueError:
            raise CliError(t("cli.whatif.bad_weight", cli_lang.language(), option=option, item=repr(item))) from None
    return out


def _whatif_scores(matrix, areas: dict[str, float], criteria: dict[str, float], fmt: str, lang: str) -> None:
    """The scores under what-if weights, beside the official index and position."""
    try:
        table = sensitivity.whatif(matrix, areas, criteria)
    except sensitivity.WeightError as exc:
        raise CliError(str(exc)) from exc
    table = table.sort_values(["period", "whatif_rank", "entity_code"], na_position="last")
    area_columns = [f"area_{code}" for code in matrix.area_codes]
    out = table[["entity_code", "name", "period", "whatif_index", "whatif_rank", "whatif_band_name_es",
                 "index_value", "rank_in_period", "coverage"] + area_columns].rename(columns={
        "entity_code": "entidad", "name": "nombre", "period": "gestion", "whatif_index": "indice",
        "whatif_rank": "puesto", "whatif_band_name_es": "grado", "index_value": "indice_oficial",
        "rank_in_period": "puesto_oficial", "coverage": "cobertura",
        **{f"area_{code}": code for code in matrix.area_codes}})
    out["puesto_oficial"] = out["puesto_oficial"].astype("Int64")
    if fmt == "csv":
        click.echo(to_csv_text(out.round(2)), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps(json.loads(out.round(4).to_json(orient="records", force_ascii=False)),
                              ensure_ascii=False, indent=1))
        return
    given = ", ".join(f"{k}={fmt_number(v, 2, lang)}" for k, v in {**areas, **criteria}.items())
    click.echo(t("cli.whatif.note", lang, weights=given))
    shown = out.copy()
    shown["indice_oficial"] = shown["indice_oficial"].map(lambda v: fmt_number(v, 2, lang))
    text = _as_text_table(shown, list(matrix.area_codes), lang, table["whatif_band_name_en"])
    # The official index and position, after the what-if ones.
    official = [[t("cli.col.indice_oficial", lang)] + shown["indice_oficial"].tolist(),
                [t("cli.col.puesto_oficial", lang)] + [tables.value(v, lang) for v in shown["puesto_oficial"]]]
    widths = [max(len(c) for c in col) for col in official]
    click.echo("\n".join(line + "".join("  " + col[i].rjust(w) for col, w in zip(official, widths))
                          for i, line in enumerate(text.split("\n"))))


_ENTITY_SCORE_FIELDS = {
    "entity_code", "name", "acronym", "sector", "gov_level", "department", "period", "index_value",
    "rank_in_period", "ranked_in_period", "band_code", "band_name_es", "band_name_en", "band_order",
    "criteria_assessed", "criteria_not_applicable", "criteria_total", "coverage", "areas_scored",
    "areas_total", "report_number", "issue_date", "is_synthetic",
    "index_computed", "coverage_insufficient", "min_coverage", "declared_index", "verified_share"}
# Beside the official index in csv and json (migration 007): the entity's declared index, the share of its
# scored criteria that rest on the supervisor's verification, and whether its coverage is under the minimum.
SOURCE_COLUMNS = {"declared_index": "indice_declarado", "verified_share": "parte_verificada",
                  "coverage_insufficient": "cobertura_insuficiente"}


def _as_text_table(out: pd.DataFrame, area_columns: list[str], lang: str, grade_en: pd.Series) -> str:
    shown = out.copy()
    if lang == "en":
        shown["grado"] = grade_en.to_numpy()
    shown["nombre"] = shown["nombre"].str.slice(0, 40)
    headers = {c: f"cli.col.{c}" for c in ("entidad", "nombre", "gestion", "indice", "puesto", "grado", "cobertura")}
    formatters = {"indice": lambda v: fmt_number(v, 2, lang), "cobertura": lambda v: fmt_percent(v, 0, lang),
                  "puesto": lambda v: tables.value(v, lang)}
    text = tables.render(shown, headers, formatters=formatters, lang=lang)
    # Areas are codes (PLAN, ORG…): the same header in both languages.
    lines = text.split("\n")
    areas = [[column] + [fmt_number(v, 1, lang) for v in shown[column]] for column in area_columns]
    widths = [max(len(c) for c in col) for col in areas]
    return "\n".join(line + "".join("  " + col[i].rjust(w) for col, w in zip(areas, widths))
                      for i, line in enumerate(lines))
