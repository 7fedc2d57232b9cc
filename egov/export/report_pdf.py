"""The "Resumen ejecutivo" of one entity as a PDF, in the structure of the
Contraloría's own executive summaries (seed: DIGEMIG, K3/GP445/S24-G1).

Sections, as in the seed: Entidad, Referencia, Informe N.º, Objetivo, Objeto,
Fecha de emisión, Resultados (one part per supervision area), Herramientas de
gobierno electrónico, Recomendaciones; then what the seed does not have: the
dashboard's charts and scores beside the findings, and a source line.

Everything specific to the entity comes from the database. The PDF keeps two
things apart and says so on the page: what the report says, in its own words
from the stored record (``egov.record``: Referencia, Objetivo, Objeto, results
per area, recommendations as issued, scope limitations), and what the
dashboard computes (index, level, charts, criterion levels, position). The
follow-up printed is the recorded life cycle (acceptance, schedule, ratings);
a recommendation without a schedule has no deadline and is never "overdue".

Only real records reach this page unless the caller asks to include the
synthetic demonstration data (``include_synthetic``): peer averages, the
position and the follow-up are then computed with it, and every page carries
the demonstration banner.

reportlab writes the PDF with DejaVu Sans embedded (Debian's
fonts-dejavu-core), so accents, «», — and € print; reportlab's bundled Vera
is the fallback on a machine without DejaVu.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from egov import compliance, followup, record, scoring, tools
from egov.storage import sql
from egov.storage.db import Connection
from egov.export import wording
from egov.i18n import fmt_number, fmt_percent, t

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
PAGE_MARGIN_MM = 18


class ReportError(ValueError):
    """The report cannot be made (unknown entity, no assessment...): the message says what to do."""


# --- the content -------------------------------------------------------------------


@dataclass
class AreaResult:
    code: str
    name: str
    score: float | None
    coverage: float | None
    findings: list[str]
    criteria: pd.DataFrame  # criterion name, status, level label, evidence


@dataclass
class ReportData:
    framework: str
    framework_name: str
    framework_version: str
    entity_code: str
    entity_name: str
    acronym: str | None
    period: str
    report_number: str | None
    issue_date: date | None
    index_value: float | None
    band_name: str | None
    rank: int | None
    ranked: int | None
    coverage: float | None
    areas: list[AreaResult]
    tools_area: AreaResult | None
    tools: pd.DataFrame
    partners: pd.DataFrame
    ladder_step: int | None
    ladder_name: str | None
    ladder_top: int | None
    recommendations: pd.DataFrame
    is_synthetic: bool
    generated: date = field(default_factory=date.today)
    report: record.Report | None = None          # the report as issued, when recorded
    limitations: pd.DataFrame = field(default_factory=pd.DataFrame)
    include_synthetic: bool = False              # peers, position and follow-up computed with synthetic data
    compliance: dict | None = None               # egov.compliance.of_entity on the same records (issue 17)

    @property
    def short_name(self) -> str:
        return wording.short_name(self.entity_name, self.acronym)

    def phrase(self, lang: str = "es", *, short: bool = True, capital: bool = False) -> str:
        """'la DIGEMIG' in running text (see egov.export.wording)."""
        return wording.entity_phrase(self.entity_name, self.acronym, lang, short=short, capital=capital)


TOOLS_AREA = "HERR"  # the default framework's e-government tools area (its own section)


_plain = sql.plain


def latest_period(cur: Connection, framework: str, entity: str) -> str | None:
    return sql.scalar(cur, "entity_latest_period", framework=framework, entity=entity)


def _known(cur: Connection, entity: str) -> bool:
    return bool(sql.scalar(cur, "entity_exists", entity=entity))


def real_position(everyone: pd.DataFrame, entity: str) -> tuple[int | None, int | None]:
    """(rank, ranked) among the entities in ``everyone`` with an index (ties share the best rank);
    (None, n) when fewer than two are ranked: a position among one is no position."""
    ranked = everyone[everyone["index_value"].notna()]
    mine = ranked[ranked["entity_code"] == entity]
    if mine.empty or len(ranked) < 2:
        return None, len(ranked)
    value = round(float(mine.iloc[0]["index_value"]), 2)
    return int((ranked["index_value"].round(2) > value).sum()) + 1, len(ranked)


def peers_scope(cur: Connection, framework: str, period: str, include_synthetic: bool) -> pd.DataFrame:
    """The entity scores an official page may compare with: real ones only, unless asked otherwise."""
    everyone = scoring.entity_scores(cur, framework, period)
    if include_synthetic:
        return everyone
    return everyone[~everyone["is_synthetic"].fillna(False).astype(bool)].reset_index(drop=True)


def gather(cur: Connection, framework: str, entity: str, period: str | None = None, *,
           as_of: date | None = None, lang: str = "es", include_synthetic: bool = False) -> ReportData:
    """Everything the executive summary says about ``entity`` in ``period`` (default: its latest round).

    ``include_synthetic``: compute the position and the follow-up with the demonstration data too (the
    pages then carry the banner); by default only real records are used.
    """
    period = period or latest_period(cur, framework, entity)
    if period is None:
        if not _known(cur, entity):
            raise ReportError(t("export.error.unknown_entity", lang, entity=entity))
        raise ReportError(t("export.error.no_assessment", lang, entity=entity, framework=framework))
    scores = scoring.entity_scores(cur, framework, period, entities=[entity])
    if scores.empty:
        if latest_period(cur, framework, entity) is None:
            if not _known(cur, entity):
                raise ReportError(t("export.error.unknown_entity", lang, entity=entity))
        raise ReportError(t("export.error.no_assessment_period", lang, entity=entity, period=period))
    row = scores.iloc[0]
    fw = scoring.frameworks(cur)
    fw = fw[fw["framework_code"] == framework].iloc[0]
    params = {"entity": entity, "period": period, "framework": framework}
    findings = sql.run(cur, "report_findings", **params)
    criteria = sql.run(cur, "report_criteria", **params)
    areas = scoring.area_scores(cur, framework, period)
    areas = areas[areas["entity_code"] == entity].sort_values("area_order")
    name_col = "area_name_en" if lang == "en" else "area_name_es"
    results = []
    for _, area in areas.iterrows():
        code = area["area_code"]
        results.append(AreaResult(
            code=code, name=area[name_col], score=_plain(area["area_score"]), coverage=_plain(area["coverage"]),
            findings=findings.loc[findings["area_code"] == code, "text_es"].tolist(),
            criteria=criteria[criteria["area_code"] == code].reset_index(drop=True)))
    tools_area = next((a for a in results if a.code == TOOLS_AREA), None)
    ladder = scoring.ladder(cur, framework, period, entities=[entity])
    top = tools.steps(cur, framework)["step"].max()
    recs = followup.recommendations(cur, framework=framework, entity_code=entity, period=period, as_of=as_of,
                                    real_only=not include_synthetic)
    rank, ranked = real_position(peers_scope(cur, framework, period, include_synthetic), entity)
    report_number = _plain(row["report_number"])
    issued = record.report(cur, entity, report_number) if report_number else None
    synthetic_around = include_synthetic and (
        bool(recs["is_synthetic"].fillna(False).any())
        or bool(scoring.entity_scores(cur, framework, period)["is_synthetic"].fillna(False).any()))
    uses_synthetic = bool(_plain(row["is_synthetic"])) or synthetic_around
    return ReportData(
        framework=framework, framework_name=str(fw["name_en" if lang == "en" and "name_en" in fw else "name_es"]),
        framework_version=str(fw["version"]), entity_code=entity, entity_name=str(row["name"]),
        acronym=_plain(row["acronym"]), period=period, report_number=_plain(row["report_number"]),
        issue_date=pd.Timestamp(row["issue_date"]).date() if _plain(row["issue_date"]) is not None else None,
        index_value=_plain(row["index_value"]),
        band_name=_plain(row["band_name_en" if lang == "en" else "band_name_es"]),
        rank=rank, ranked=ranked,
        coverage=_plain(row["coverage"]),
        areas=[a for a in results if a.code != TOOLS_AREA], tools_area=tools_area,
        tools=sql.run(cur, "report_tools", **params), partners=sql.run(cur, "report_partners", **params),
        ladder_step=None if ladder.empty else int(ladder.iloc[0]["step"]),
        ladder_name=None if ladder.empty else str(ladder.iloc[0]["step_name_en" if lang == "en" else "step_name_es"]),
        ladder_top=_plain(top),
        recommendations=recs, is_synthetic=uses_synthetic,
        generated=as_of or date.today(), report=issued,
        limitations=record.limitations(cur, entity, period=period), include_synthetic=include_synthetic,
        compliance=compliance.of_entity(cur, entity, as_of=as_of or date.today(), framework=framework,
                                        real_only=not include_synthetic))


def compliance_sentence(row: dict, lang: str) -> str:
    """The entity's index of compliance with recommendations in one sentence; an unknown part says so."""
    def shown(value) -> str:
        return t("present.compliance.unknown", lang) if value is None else fmt_number(value, 1, lang)

    return t("export.report.compliance", lang, index=shown(row["compliance_index"]), degree=shown(row["degree"]),
             timeliness=shown(row["timeliness"]), counted=row["counted"], in_time=row["in_time"],
             without_deadline=row["without_deadline"],
             na=row["not_applicable"], on_time=row["met_on_time"], with_deadline=row["met_with_deadline"])


# --- typesetting -------------------------------------------------------------------


def _fonts() -> tuple[str, str, str]:
    """Register a Unicode TTF family once; (regular, bold, italic) names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "EgovSans" in pdfmetrics.getRegisteredFontNames():
        return "EgovSans", "EgovSans-Bold", "EgovSans-Italic"
    files = None
    for folder in FONT_DIRS:
        candidate = (folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf", folder / "DejaVuSans-Oblique.ttf")
        if all(p.is_file() for p in candidate):
            files = candidate
            break
    if files is None:
        import reportlab

        base = Path(reportlab.__file__).parent / "fonts"
        files = (base / "Vera.ttf", base / "VeraBd.ttf", base / "VeraIt.ttf")
    for name, path in zip(("EgovSans", "EgovSans-Bold", "EgovSans-Italic"), files):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping("EgovSans", 0, 0, "EgovSans")
    addMapping("EgovSans", 1, 0, "EgovSans-Bold")
    addMapping("EgovSans", 0, 1, "EgovSans-Italic")
    addMapping("EgovSans", 1, 1, "EgovSans-Bold")
    return "EgovSans", "EgovSans-Bold", "EgovSans-Italic"


def _styles():
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    regular, bold, italic = _fonts()
    ink = colors.HexColor("#1A1A1A")
    accent = colors.HexColor("#0F4C81")
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13.5, textColor=ink)
    return {
        "base": base,
        "body": ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, spaceAfter=5),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "recdetail": ParagraphStyle("recdetail", parent=base, fontSize=8, leading=10, spaceAfter=8,
                                    textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=bold, fontSize=8.5, leading=10.5),
        "label": ParagraphStyle("label", parent=base, fontName=bold),
        "institution": ParagraphStyle("institution", parent=base, fontName=bold, fontSize=12, leading=15,
                                      alignment=TA_CENTER, textColor=accent),
        "country": ParagraphStyle("country", parent=base, fontSize=9, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=22,
                                alignment=TA_CENTER, spaceBefore=8, spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=13, leading=17, textColor=accent,
                             spaceBefore=12, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11, leading=14, spaceBefore=9,
                             spaceAfter=4),
        "bullet": ParagraphStyle("bullet", parent=base, alignment=TA_JUSTIFY, leftIndent=14, bulletIndent=3,
                                 spaceAfter=3),
        "caption": ParagraphStyle("caption", parent=base, fontName=italic, fontSize=8.5, leading=11,
                                  textColor=colors.HexColor("#444444"), spaceAfter=8),
        "demo": ParagraphStyle("demo", parent=base, fontName=bold, fontSize=9, alignment=TA_CENTER,
                               textColor=colors.HexColor("#8A1C1C")),
    }


def _p(text: str | None) -> str:
    """Database text made safe for reportlab's mini-markup (it would read '<' and '&' as tags)."""
    return escape("" if text is None else str(text))


def _date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _tool_status(status, lang: str) -> str:
    if status is None or (not isinstance(status, str) and pd.isna(status)):
        return t("export.tool_status.sin_dato", lang)
    return t(f"export.tool_status.{status}", lang)


def _rec_status(status: str, lang: str) -> str:
    return t(f"followup.status.{status}", lang)


def object_items(data: ReportData, lang: str = "es") -> list[str]:
    """One 'Objeto' bullet per supervision area: the catalogue's wording for the default areas,
    else the area's name and criteria (a framework is data and may have other areas)."""
    items = []
    for area in [*data.areas, *([data.tools_area] if data.tools_area else [])]:
        key = f"export.report.object.{area.code}"
        try:
            items.append(t(key, lang, entity=data.phrase(lang)))
        except KeyError:
            names = area.criteria["name_en" if lang == "en" else "name_es"].tolist()
            items.append(t("export.report.object.generic", lang, area=area.name, criteria="; ".join(names)))
    return items


def render(data: ReportData, figures: list[tuple[str, str, bytes]] | None = None, lang: str = "es") -> bytes:
    """The PDF. ``figures``: (section, caption, PNG bytes), section one of 'results', 'tools', 'recs'."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Image,
        KeepTogether,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    st = _styles()
    figures = figures or []
    width = A4[0] - 2 * PAGE_MARGIN_MM * mm
    story: list = []
    accent = colors.HexColor("#0F4C81")
    grid = colors.HexColor("#B8C4D0")

    def image(png: bytes, caption: str):
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(io.BytesIO(png))
        w, h = reader.getSize()
        shown_w = width
        shown_h = shown_w * h / w
        return KeepTogether([Image(io.BytesIO(png), width=shown_w, height=shown_h),
                             Paragraph(_p(caption), st["caption"])])

    def figures_for(section: str):
        return [image(png, caption) for sec, caption, png in figures if sec == section]

    # Heading, as the seed: institution, country, title.
    story.append(Paragraph(_p(t("export.report.institution", lang)), st["institution"]))
    story.append(Paragraph(_p(t("export.report.country", lang)), st["country"]))
    story.append(Paragraph(_p(t("export.report.title", lang)), st["title"]))
    if data.is_synthetic:
        story.append(Paragraph(_p(t("export.report.synthetic", lang)), st["demo"]))
        story.append(Spacer(1, 4))

    entity_line = data.entity_name + (f" — {data.acronym}" if data.acronym and data.acronym != data.entity_name
                                      else "")
    issued = data.report

    def recorded(text: str | None, style: str = "body"):
        """A text of the report as stored (line breaks kept), or a plain «not recorded»."""
        if not text:
            return Paragraph(_p(t("export.report.not_recorded", lang)), st["caption"])
        return [Paragraph(_p(line), st[style]) for line in str(text).splitlines() if line.strip()]

    header_rows = [
        (t("export.report.entity", lang), Paragraph(_p(entity_line), st["label"])),
        (t("export.report.reference", lang), recorded(issued.reference if issued else None)),
        (t("export.report.number", lang), Paragraph(_p(data.report_number or "—"), st["label"])),
        (t("export.report.objective", lang), recorded(issued.objective if issued else None)),
        (t("export.report.object", lang), recorded(issued.object if issued else None)),
        (t("export.report.issue_date", lang), Paragraph(_p(_date(issued.issue_date if issued and issued.issue_date
                                                                   else data.issue_date)), st["base"])),
    ]
    table = Table([[Paragraph(_p(label + ":"), st["label"]), value] for label, value in header_rows],
                  colWidths=[42 * mm, width - 42 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.3, grid)]))
    story.append(table)

    # Part 1: what the report says, in its own words.
    story.append(Paragraph(_p(t("export.report.part_report", lang)), st["h1"]))
    story.append(Paragraph(_p(t("export.report.part_report_note", lang)), st["caption"]))
    story.append(Paragraph(_p(t("export.report.results_as_issued", lang)), st["h2"]))
    results = issued.results if issued is not None else pd.DataFrame()
    if results.empty:
        story.append(Paragraph(_p(t("export.report.no_results", lang)), st["body"]))
    for res in results.itertuples():
        name = _plain(res.area_name_en if lang == "en" else res.area_name_es) or res.area_code
        story.append(Paragraph(_p(name), st["label"]))
        story.append(Paragraph(_p(res.text_es), st["body"]))
    for lim in data.limitations.itertuples():
        name = _plain(lim.criterion_name_en if lang == "en" else lim.criterion_name_es) or lim.criterion_code
        story.append(Paragraph(_p(t("export.report.limitation", lang, criterion=name,
                                    request=_plain(lim.request_note) or "—",
                                    date=_date(pd.Timestamp(lim.request_date).date()
                                               if _plain(lim.request_date) is not None else None))),
                               st["body"]))
    story.append(Paragraph(_p(t("export.report.recommendations", lang)), st["h2"]))
    issued_recs = issued.recommendations if issued is not None else pd.DataFrame()
    if issued_recs.empty:
        story.append(Paragraph(_p(t("export.report.no_recommendations", lang)), st["body"]))
    else:
        story.append(Paragraph(_p(t("export.report.recommend_intro", lang)), st["body"]))
        items, heading = [], None

        def flush(indent: int) -> None:
            if items:
                story.append(ListFlowable(list(items), bulletType="1", leftIndent=indent,
                                          bulletFontName=st["label"].fontName, bulletFontSize=10))
                items.clear()

        for rec in issued_recs.itertuples():
            group = _plain(rec.group_heading_es)
            if group != heading:  # the report's grouping: its heading, its items indented under it
                flush(30 if heading else 16)
                if group:
                    story.append(Paragraph(_p(group), st["label"]))
                heading = group
            body = [Paragraph(_p(rec.text_es), st["body"])]
            if _plain(rec.corrected_text_es):
                body.append(Paragraph(_p(t("export.report.correction", lang, text=rec.corrected_text_es,
                                           note=_plain(rec.correction_note) or "")), st["recdetail"]))
            items.append(ListItem(body, leftIndent=30 if group else 16, value=str(rec.rec_no)))
        flush(30 if heading else 16)

    # Part 2: the follow-up as recorded (not part of the report).
    story.append(Paragraph(_p(t("export.report.part_followup", lang)), st["h1"]))
    recs = data.recommendations
    if recs.empty:
        story.append(Paragraph(_p(t("export.report.no_recommendations", lang)), st["body"]))
    else:
        rows = [[Paragraph(_p(t("export.report.col.rec", lang)), st["cellbold"]),
                 Paragraph(_p(t("export.report.col.stage", lang)), st["cellbold"]),
                 Paragraph(_p(t("export.report.col.deadline", lang)), st["cellbold"])]]
        for rec in recs.itertuples():
            due = _plain(rec.due_date)
            rows.append([Paragraph(_p(str(rec.rec_no)), st["cell"]),
                         Paragraph(_p(t(f"followup.stage.{rec.stage}", lang)), st["cell"]),
                         Paragraph(_p(_date(pd.Timestamp(due).date()) if due is not None
                                      else t("export.report.no_deadline", lang)), st["cell"])])
        story.append(_grid_table(rows, [20 * mm, 60 * mm, width - 80 * mm], grid))
        story.append(Paragraph(_p(t("export.report.rec_status_note", lang, date=_date(data.generated))),
                               st["caption"]))
    if data.compliance is not None:
        story.append(Paragraph(_p(compliance_sentence(data.compliance, lang)), st["body"]))
    story.extend(figures_for("recs"))

    # Part 3: what the dashboard computes.
    story.append(Paragraph(_p(t("export.report.part_dashboard", lang)), st["h1"]))
    story.append(Paragraph(_p(t("export.report.part_dashboard_note", lang, framework=data.framework,
                                version=data.framework_version)), st["caption"]))
    key = "export.report.index_line" if data.rank is not None else "export.report.index_line_unranked"
    story.append(Paragraph(_p(t(
        key, lang, entity=data.phrase(lang),
        index=fmt_number(data.index_value, 1, lang), band=data.band_name or "—",
        rank=data.rank if data.rank is not None else "—", ranked=data.ranked or "—", period=data.period,
        coverage=fmt_percent(data.coverage, 0, lang))), st["body"]))
    story.append(_area_summary(data, st, width, lang, grid))
    story.extend(figures_for("results"))
    for area in data.areas:
        story.extend(_area_block(area, st, width, lang, grid))

    story.append(Paragraph(_p(t("export.report.tools", lang)), st["h1"]))
    if data.ladder_step is not None:
        story.append(Paragraph(_p(t("export.report.ladder_line", lang, entity=data.phrase(lang),
                                    step=data.ladder_step, top=data.ladder_top, name=data.ladder_name)),
                               st["body"]))
    tool_rows = [[Paragraph(_p(t("export.report.col.tool", lang)), st["cellbold"]),
                  Paragraph(_p(t("export.report.col.status", lang)), st["cellbold"]),
                  Paragraph(_p(t("export.report.col.scope", lang)), st["cellbold"])]]
    for _, tool in data.tools.iterrows():
        scope = _plain(tool["scope"])
        procedures = _plain(tool["procedures_count"])
        if procedures:
            scope = t("export.report.procedures", lang, n=int(procedures)) + (f" {scope}" if scope else "")
        tool_rows.append([Paragraph(_p(tool["name_en" if lang == "en" else "name_es"]), st["cell"]),
                          Paragraph(_p(_tool_status(_plain(tool["status"]), lang)), st["cell"]),
                          Paragraph(_p(scope or ""), st["cell"])])
    story.append(_grid_table(tool_rows, [45 * mm, 32 * mm, width - 77 * mm], grid))
    if not data.partners.empty:
        names = [f"{r.partner_name} ({t('export.channel.' + r.channel, lang)})"
                 for r in data.partners.itertuples()]
        story.append(Spacer(1, 6))
        story.append(Paragraph(_p(t("export.report.partners", lang, Entity=data.phrase(lang, capital=True))),
                                   st["body"]))
        story.append(ListFlowable([ListItem(Paragraph(_p(n), st["body"]), leftIndent=12, value="•")
                                   for n in names], bulletType="bullet", start="•", leftIndent=12))
    story.extend(figures_for("tools"))

    source = source_line(data, lang)
    regular = st["base"].fontName

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(PAGE_MARGIN_MM * mm, 10 * mm, source[:150])
        canvas.drawRightString(A4[0] - PAGE_MARGIN_MM * mm, 10 * mm,
                               t("export.report.page", lang, page=doc.page))
        if data.is_synthetic:  # the demonstration banner on every page
            canvas.setFont(regular, 8)
            canvas.setFillColor(colors.HexColor("#8A1C1C"))
            canvas.drawCentredString(A4[0] / 2, A4[1] - 10 * mm, t("export.report.synthetic", lang))
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(1.2)
        canvas.line(PAGE_MARGIN_MM * mm, A4[1] - 12 * mm, A4[0] - PAGE_MARGIN_MM * mm, A4[1] - 12 * mm)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=PAGE_MARGIN_MM * mm, rightMargin=PAGE_MARGIN_MM * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title=f"{t('export.report.title', lang)} — {data.short_name} — {data.report_number or ''}",
                            author=t("export.report.institution", lang), subject=data.framework_name,
                            creator="egov-maturity")
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _grid_table(rows, widths, grid):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6EDF4")),
        ("GRID", (0, 0), (-1, -1), 0.3, grid),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _area_summary(data: ReportData, st, width, lang: str, grid):
    """One line per supervision area: score and coverage (the figures the sections below explain)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    rows = [[Paragraph(_p(t("export.report.col.area", lang)), st["cellbold"]),
             Paragraph(_p(t("export.report.col.score", lang)), st["cellbold"]),
             Paragraph(_p(t("export.report.col.coverage", lang)), st["cellbold"])]]
    for area in [*data.areas, *([data.tools_area] if data.tools_area else [])]:
        rows.append([Paragraph(_p(area.name), st["cell"]),
                     Paragraph(_p(fmt_number(area.score, 1, lang)), st["cell"]),
                     Paragraph(_p(fmt_percent(area.coverage, 0, lang)), st["cell"])])
    rows.append([Paragraph(_p(t("export.report.index_row", lang)), st["cellbold"]),
                 Paragraph(_p(fmt_number(data.index_value, 1, lang)), st["cellbold"]),
                 Paragraph(_p(fmt_percent(data.coverage, 0, lang)), st["cellbold"])])
    return _grid_table(rows, [width - 70 * mm, 35 * mm, 35 * mm], grid)


def _area_block(area: AreaResult, st, width, lang: str, grid) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph

    title = t("export.report.area_title", lang, area=area.name, score=fmt_number(area.score, 1, lang),
              coverage=fmt_percent(area.coverage, 0, lang))
    block = [Paragraph(_p(title), st["h2"])]
    for text in area.findings:
        block.append(Paragraph(_p(text), st["body"]))
    if not area.findings:
        block.append(Paragraph(_p(t("export.report.no_findings", lang)), st["body"]))
    rows = [[Paragraph(_p(t("export.report.col.criterion", lang)), st["cellbold"]),
             Paragraph(_p(t("export.report.col.level", lang)), st["cellbold"]),
             Paragraph(_p(t("export.report.col.evidence", lang)), st["cellbold"])]]
    for crit in area.criteria.itertuples():
        rows.append([Paragraph(_p(crit.name_en if lang == "en" else crit.name_es), st["cell"]),
                     [Paragraph(_p(_criterion_level(crit, lang)), st["cellbold"]),
                      Paragraph(_p(_level_descriptor(crit, lang)), st["cell"])],
                     Paragraph(_p(_plain(crit.evidence) or ""), st["cell"])])
    table = _grid_table(rows, [45 * mm, 62 * mm, width - 107 * mm], grid)
    return [KeepTogether(block[:2]), *block[2:], table]


def _level_descriptor(crit, lang: str) -> str:
    """What the supervisor observed at the level reached (the framework's descriptor), or nothing."""
    if crit.status != "evaluado":
        return ""
    return _plain(crit.level_descriptor_en if lang == "en" else crit.level_descriptor_es) or ""


def _criterion_level(crit, lang: str) -> str:
    status = crit.status
    if status != "evaluado":
        return t(f"export.score_status.{status}", lang)
    label = _plain(crit.level_label_en if lang == "en" else crit.level_label_es)
    score = fmt_number(_plain(crit.score), 0, lang)
    return f"{score} — {label}" if label else score


def source_line(data: ReportData, lang: str = "es") -> str:
    text = t("export.source.report", lang, framework=data.framework, version=data.framework_version,
             period=data.period, date=_date(data.generated))
    if data.is_synthetic:
        text += " " + t("export.source.synthetic", lang)
    return text


def executive_summary(cur: Connection, framework: str, entity: str, period: str | None = None, *,
                      lang: str = "es", charts: bool = True, as_of: date | None = None,
                      include_synthetic: bool = False) -> bytes:
    """The PDF bytes of ``entity``'s executive summary (charts included unless ``charts=False``).

    Real records only unless ``include_synthetic`` (then every page carries the demonstration banner).
    """
    data = gather(cur, framework, entity, period, as_of=as_of, lang=lang, include_synthetic=include_synthetic)
    figures: list[tuple[str, str, bytes]] = []
    if charts:
        from egov.export import images, slides

        for section, caption, fig in slides.report_figures(cur, data, lang):
            height = int(fig.layout.height or 520)
            figures.append((section, caption, images.to_png(fig, width=1100, height=height, scale=2)))
    return render(data, figures, lang)


