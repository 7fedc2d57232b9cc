"""`egov export deck|report|data`: the presentation deck, an entity's executive summary, the scores table."""

from __future__ import annotations

from pathlib import Path

import click

from egov import scoring
from egov.storage import db
from egov.cli.base import CliError, main, open_db, resolve_framework


@main.group("export")
def export_group() -> None:
    """Exporta la presentación (.pptx), el resumen ejecutivo (.pdf) o los datos (.csv/.xlsx)."""




def _period(cur, framework: str, period: str | None) -> str | None:
    periods = scoring.periods(cur, framework)
    if period and period not in periods:
        shown = ", ".join(periods) if periods else "ninguna"
        raise CliError(f"la gestión {period!r} no tiene evaluaciones con el marco {framework}; gestiones: {shown}")
    return period


def _write(out: Path, data: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise CliError(f"no se pudo escribir {out}: {exc.strerror or exc}") from exc


def _lang_option(func):
    return click.option("--lang", type=click.Choice(["es", "en"]), default="es", show_default=True,
                        help="Idioma de los textos.")(func)


@export_group.command("deck")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Archivo .pptx de salida.")
@click.option("--period", default=None, help="Gestión; por defecto la última.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--entity", default=None, help="Código de una entidad: presentación sobre ella y sus pares.")
@click.option("--sector", "sectors", multiple=True, help="Grupo de pares: solo estos sectores (repetible).")
@click.option("--peer-group", "peer_by", type=click.Choice(["sector", "level", "department", "complexity"]),
              default=None, help="Con --entity: comparar con su sector, nivel de gobierno, departamento o grupo "
                                 "de complejidad.")
@click.option("--slides", "only", default=None,
              help="Diapositivas a incluir, separadas por comas (p. ej. overview.ranking,area.PLAN).")
@_lang_option
@click.pass_context
def deck_command(ctx, out: Path, period, framework, entity, sectors, peer_by, only, lang) -> None:
    """Presentación PowerPoint 16:9: un mensaje por diapositiva, gráfico como imagen, nota de fuente."""
    from egov.export import deck, images, report_pdf, slides

    if out.suffix.lower() != ".pptx":
        raise CliError(f"el archivo de salida debe terminar en .pptx: {out}")
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        period = _period(cur, framework, period)
        wanted = [k.strip() for k in only.split(",") if k.strip()] if only else None
        try:
            shown = slides.build_deck(cur, framework, period, lang=lang, sectors=list(sectors) or None,
                                      entity=entity, only=wanted, peer_by=peer_by)
        except report_pdf.ReportError as exc:
            raise CliError(str(exc)) from exc
    if not shown:
        raise CliError("no hay evaluaciones para presentar con esa selección; cargue datos con `egov demo` "
                       "o `egov import`" if not wanted else
                       f"ninguna diapositiva coincide con {only!r}")
    try:
        data = deck.pptx_deck(shown, lang=lang)
    except images.ImageExportError as exc:
        raise CliError(str(exc)) from exc
    _write(out, data)
    click.echo(f"Presentación escrita en {out}: {len(shown) + 1} diapositivas (portada incluida).")


@export_group.command("report")
@click.option("--entity", required=True, help="Código de la entidad (vea `egov scores`).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Archivo .pdf de salida.")
@click.option("--period", default=None, help="Gestión; por defecto la última evaluada de la entidad.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.option("--no-charts", is_flag=True, help="Sin gráficos (no necesita Chromium).")
@click.option("--include-synthetic", is_flag=True,
              help="Comparar también con los datos de demostración (cada página lleva el aviso). "
                   "Por defecto solo registros reales.")
@_lang_option
@click.pass_context
def report_command(ctx, entity, out: Path, period, framework, no_charts, include_synthetic, lang) -> None:
    """Resumen ejecutivo en PDF de una entidad, con la estructura del informe de supervisión."""
    from egov.export import images, report_pdf

    if out.suffix.lower() != ".pdf":
        raise CliError(f"el archivo de salida debe terminar en .pdf: {out}")
    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        try:
            data = report_pdf.executive_summary(cur, framework, entity, period, lang=lang, charts=not no_charts,
                                                include_synthetic=include_synthetic)
        except (report_pdf.ReportError, images.ImageExportError) as exc:
            raise CliError(str(exc)) from exc
    _write(out, data)
    click.echo(f"Resumen ejecutivo de {entity} escrito en {out}.")


@export_group.command("data")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Archivo de salida.")
@click.option("--period", default=None, help="Gestión; por defecto todas.")
@click.option("--framework", default=None, help="Código del marco; por defecto el más usado.")
@click.pass_context
def data_command(ctx, fmt: str, out: Path, period, framework) -> None:
    """Tabla de puntajes (índice, posición, grado, cobertura y un puntaje por área), sin fórmulas activas."""
    from egov.export import tables
    from egov.export.slides import source_note

    with open_db(ctx) as con, db.cursor(con) as cur:
        framework = resolve_framework(cur, framework)
        period = _period(cur, framework, period)
        table = scoring.scores_table(cur, framework, period)
        version = scoring.frameworks(cur).set_index("framework_code").loc[framework, "version"]
    if table.empty:
        raise CliError(f"no hay evaluaciones para el marco {framework}; cargue datos con `egov demo` o `egov import`")
    table = table.drop(columns=["band_name_en", "band_order"], errors="ignore").round(4)
    import datetime as dt

    note = source_note(framework, str(version), period or ", ".join(sorted(table["period"].unique())), {}, "es",
                       dt.date.today(), synthetic=bool(table["is_synthetic"].fillna(False).any()))
    data = tables.to_csv_bytes(table) if fmt == "csv" else tables.to_xlsx_bytes(table, "puntajes", notes=[note])
    _write(out, data)
    click.echo(f"{len(table)} filas escritas en {out} ({fmt}).")
