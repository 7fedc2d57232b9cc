"""The supervision record as the Contraloría keeps it: the report, its results, findings, limitations.

A report is stored with its own words (Referencia, Objetivo, Objeto, results per area, recommendations as
issued); an editorial correction sits beside the text it corrects. Everything here reads the record and
never computes a figure: the index, levels and positions are the dashboard's, elsewhere (``scoring``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from egov.storage import sql
from egov.storage.db import Connection

_plain = sql.plain


@dataclass
class Report:
    """One supervision report as issued."""
    entity_code: str
    report_number: str
    period: str
    framework_code: str
    reference: str | None
    objective: str | None
    object: str | None
    scope: str | None
    period_examined: str | None
    issue_date: date | None
    issuing_office: str | None
    work_kind: str | None
    is_synthetic: bool
    results: pd.DataFrame = field(default_factory=pd.DataFrame)
    recommendations: pd.DataFrame = field(default_factory=pd.DataFrame)

    def text(self) -> str:
        """Every text of the report as stored, one passage a line: what evidence may quote."""
        parts = [self.reference, self.objective, self.object, self.scope]
        parts += list(self.results.get("text_es", []))
        parts += list(self.recommendations.get("text_es", []))
        return "\n".join(p for p in parts if p)


def reports(cur: Connection, entity_code: str, *, period: str | None = None) -> list[Report]:
    """The entity's reports as recorded (newest first); empty when none was recorded."""
    found = sql.run(cur, "record_report", entity=entity_code, report=None, period=period)
    return [_report(cur, row) for _, row in found.iterrows()]


def report(cur: Connection, entity_code: str, report_number: str) -> Report | None:
    found = sql.run(cur, "record_report", entity=entity_code, report=report_number, period=None)
    return None if found.empty else _report(cur, found.iloc[0])


def _report(cur: Connection, row: pd.Series) -> Report:
    issued = _plain(row["issue_date"])
    params = {"entity": row["entity_code"], "report": row["report_number"]}
    return Report(
        entity_code=row["entity_code"], report_number=row["report_number"], period=row["period"],
        framework_code=row["framework_code"], reference=_plain(row["reference_es"]),
        objective=_plain(row["objective_es"]), object=_plain(row["object_es"]), scope=_plain(row["scope_es"]),
        period_examined=_plain(row["period_examined"]),
        issue_date=None if issued is None else pd.Timestamp(issued).date(),
        issuing_office=_plain(row["issuing_office"]), work_kind=_plain(row["work_kind"]),
        is_synthetic=bool(row["is_synthetic"]),
        results=sql.run(cur, "record_results", **params),
        recommendations=sql.run(cur, "record_recommendations", **params))


def findings(cur: Connection, entity_code: str, *, period: str | None = None) -> pd.DataFrame:
    """Findings with condición, criterio, causa, efecto (None when the report does not say) and the
    recommendations answering each."""
    return sql.run(cur, "record_findings", entity=entity_code, period=period)


def limitations(cur: Connection, entity_code: str, *, period: str | None = None) -> pd.DataFrame:
    """Scope limitations: criteria whose document was requested and not provided."""
    return sql.run(cur, "record_limitations", entity=entity_code, period=period)
