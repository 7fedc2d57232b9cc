"""The import report: one sentence, then the problems as an analyst can act on them.

The same content feeds the page (a capped table plus counts per kind of
problem), the command line (text on stderr) and the full download (CSV for
Excel in Spanish: UTF-8 with BOM, ``;``). Cells that Excel would run as a
formula are neutralised in the download: a report must not turn the
analyst's ``=HYPERLINK(...)`` into a live link.
"""

from __future__ import annotations

import pandas as pd

from egov.i18n import t
from egov.storage.store import Plan

SCREEN_LIMIT = 200


def problems_frame(problems, lang: str = "es") -> pd.DataFrame:
    """One row per problem: spreadsheet row, column as written, value, problem, fix."""
    return pd.DataFrame({
        t("import.col.row", lang): [p.row if p.row is not None else t("import.file_row", lang) for p in problems],
        t("import.col.column", lang): [p.column for p in problems],
        t("import.col.value", lang): [p.value for p in problems],
        t("import.col.problem", lang): [p.problem(lang) for p in problems],
        t("import.col.fix", lang): [p.fix(lang) for p in problems],
    }, dtype=object)


def counts_frame(problems, lang: str = "es") -> pd.DataFrame:
    """Problems counted by kind, most frequent first."""
    counts: dict[str, int] = {}
    for p in problems:
        label = t(f"import.type.{p.code}", lang)
        counts[label] = counts.get(label, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return pd.DataFrame(ordered, columns=[t("import.col.type", lang), t("import.col.count", lang)])


def plan_frame(plan: Plan, lang: str = "es") -> pd.DataFrame:
    """The preview: per table, how many records are new, change stored data, or are unchanged."""
    rows = [(t(f"import.table.{d.table}", lang), d.new, d.changed, d.unchanged)
            for d in plan.diffs.values() if d.table != "_"]
    return pd.DataFrame(rows, columns=[t("import.col.table", lang), t("import.col.new", lang),
                                       t("import.col.changed", lang), t("import.col.unchanged", lang)])


def report_csv(result, lang: str = "es") -> bytes:
    """The full report as a CSV for Excel in Spanish (every problem; formulas neutralised by the one writer)."""
    from egov.export import tables

    return tables.to_csv_bytes(problems_frame(result.problems, lang), sep=";", preamble=[result.summary(lang)])


def report_text(result, limit: int = 50, lang: str = "es") -> str:
    """Plain text for the command line: sentence, problems (capped), counts by kind."""
    lines = [result.summary(lang)]
    if result.problems:
        lines.append("")
        for p in result.problems[:limit]:
            where = (f"{t('import.col.row', lang)} {p.row}" if p.row is not None
                     else t("import.file_row", lang).capitalize())
            if p.column:
                where += f", {t('import.col.column', lang).lower()} «{p.column}»"
            lines.append(f"- {where}: {p.problem(lang)} → {p.fix(lang)}")
        if len(result.problems) > limit:
            lines.append(t("import.report.more", lang, more=len(result.problems) - limit))
        lines.append("")
        counts = counts_frame(result.problems, lang)
        for label, count in counts.itertuples(index=False):
            lines.append(f"  {label}: {count}")
    elif result.plan.diffs and result.status in ("needs_confirmation", "dry_run", "imported"):
        frame = plan_frame(result.plan, lang)
        if not frame.empty:
            lines.append("")
            lines.append(frame.to_string(index=False))
    return "\n".join(lines)
