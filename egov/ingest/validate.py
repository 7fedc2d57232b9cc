"""Checks of a parsed file against the database and against itself.

Every rule runs over every row, so that one upload shows every problem.
Codes the file names (entities, frameworks, criteria, areas, tools) are
matched with the stored ones ignoring case, and replaced by the stored
spelling, so that ``digemig`` and ``DIGEMIG`` are the same entity.

The database is only read here, through the named ``queries/import_known_*``
files; nothing is written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from egov.storage import sql
from egov.storage.db import Connection
from egov.ingest import problems as P
from egov.ingest.parse import ParsedFile
from egov.kinds import KINDS, PROGRAMME_REPORT_STATES, RATING_STATUSES, split_partners


@dataclass
class Known:
    """What the database already holds that a file may refer to (codes by casefold)."""
    entities: dict[str, str] = field(default_factory=dict)
    frameworks: dict[str, str] = field(default_factory=dict)
    areas: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    criteria: dict[str, dict[str, tuple[str, str, float, float]]] = field(default_factory=lambda: defaultdict(dict))
    tools: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    bands: dict[str, dict[str, tuple[float, float]]] = field(default_factory=lambda: defaultdict(dict))
    steps: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    recommendations: set[tuple[str, str, int]] = field(default_factory=set)
    # (entity, report) -> framework of the report's assessment
    reports: dict[tuple[str, str], str] = field(default_factory=dict)
    # (entity, report, rec_no) -> (acceptance decision or None, current deadline or None, deadline source,
    # last schedule revision or None)
    lifecycle: dict[tuple[str, str, int], tuple] = field(default_factory=dict)
    findings: set[tuple[str, str, str, int]] = field(default_factory=set)


def load_known(cur: Connection, *, codes_only: bool = False) -> Known:
    """What the store holds that files refer to; ``codes_only``: entities, frameworks and criteria
    (all a score file needs: the bulk path skips the rest)."""
    known = Known()
    for (code,) in sql.run(cur, "import_known_entities").itertuples(index=False):
        known.entities[code.casefold()] = code
    for (code,) in sql.run(cur, "import_known_frameworks").itertuples(index=False):
        known.frameworks[code.casefold()] = code
    for fw, code in sql.run(cur, "import_known_areas").itertuples(index=False):
        known.areas[fw][code.casefold()] = code
    for fw, code, area, low, high in sql.run(cur, "import_known_criteria").itertuples(index=False):
        known.criteria[fw][code.casefold()] = (code, area, float(low), float(high))
    if codes_only:
        return known
    for fw, code in sql.run(cur, "import_known_tools").itertuples(index=False):
        known.tools[fw][code.casefold()] = code
    for fw, code, low, high in sql.run(cur, "import_known_bands").itertuples(index=False):
        known.bands[fw][code] = (float(low), float(high))
    for fw, step in sql.run(cur, "import_known_steps").itertuples(index=False):
        known.steps[fw].add(int(step))
    for entity, report, number in sql.run(cur, "import_known_recommendations").itertuples(index=False):
        known.recommendations.add((entity, report, int(number)))
    for entity, report, fw in sql.run(cur, "import_known_reports").itertuples(index=False):
        known.reports[(entity, report)] = fw
    for entity, report, number, decision, deadline, source, revision in sql.run(
            cur, "import_known_lifecycle").itertuples(index=False):
        known.lifecycle[(entity, report, int(number))] = (
            sql.plain(decision), None if sql.plain(deadline) is None else _day(deadline), sql.plain(source),
            sql.plain(revision))
    for entity, period, fw, number in sql.run(cur, "import_known_findings").itertuples(index=False):
        known.findings.add((entity, period, fw, int(number)))
    return known


def _day(value) -> date:
    import pandas as pd

    return pd.Timestamp(value).date()


class Checker:
    """Collects problems for one parsed file; columns are named as the analyst wrote them."""

    def __init__(self, parsed: ParsedFile):
        self.parsed = parsed
        self.problems: list[P.Problem] = []

    def header(self, column: str) -> str:
        return self.parsed.written.get(column, column)

    def add(self, code: str, index: int, column: str = "", **params) -> None:
        row, values = self.parsed.rows[index]
        raw = self.parsed.raw[index].get(column, "") if column else ""
        shown = raw if len(raw) <= 200 else raw[:197] + "…"
        self.problems.append(P.make(code, row=row, column=self.header(column) if column else "",
                                    value=shown, **params))

    def required(self, index: int, column: str) -> bool:
        """Report a missing cell; True when the cell is there (or already reported as unreadable)."""
        if self.parsed.raw[index].get(column, "").strip():
            return True
        spec = KINDS[self.parsed.kind]
        self.add("required", index, column, help=spec.column(column).help_es)
        return False

    def resolve(self, index: int, column: str, table: dict[str, str], code: str, **params) -> str | None:
        """The stored spelling of the row's code in ``column``, or a ``code`` problem."""
        values = self.parsed.rows[index][1]
        value = values.get(column)
        if value is None:
            return None
        stored = table.get(value.casefold())
        if stored is None:
            self.add(code, index, column, **params)
            return None
        values[column] = stored
        return stored

    def duplicates(self, keyed: list[tuple[int, tuple]], key_label: str) -> None:
        """Rows with the same key: identical ones are duplicates, others contradict each other."""
        first: dict[tuple, int] = {}
        for index, key in keyed:
            if key in first:
                other = first[key]
                same = self.parsed.rows[other][1] == self.parsed.rows[index][1]
                self.add("duplicate_row" if same else "contradiction", index,
                         other=self.parsed.rows[other][0], what=key_label)
            else:
                first[key] = index


def validate(parsed: ParsedFile, known: Known) -> list[P.Problem]:
    """All problems of a parsed file; codes in ``parsed.rows`` become their stored spelling."""
    checker = Checker(parsed)
    spec = KINDS[parsed.kind]
    for index in range(len(parsed.rows)):
        for column in spec.required:
            checker.required(index, column)
    CHECKS[parsed.kind](checker, known)
    return checker.problems


def _positive(checker: Checker, index: int, column: str, *, allow_zero: bool) -> None:
    value = checker.parsed.rows[index][1].get(column)
    if value is not None and (value < 0 or (value == 0 and not allow_zero)):
        checker.add("not_positive" if not allow_zero else "negative", index, column)


def _assessment_refs(checker: Checker, known: Known, index: int) -> str | None:
    """Resolve the row's entity and framework; the framework's stored code (or None)."""
    checker.resolve(index, "entidad", known.entities, "unknown_entity")
    return checker.resolve(index, "marco", known.frameworks, "unknown_framework")


def _check_entities(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    checker.duplicates([(i, (v["entidad"],)) for i, (_, v) in enumerate(rows) if v["entidad"]],
                       "entidad")
    for index in range(len(rows)):
        for column in ("funcionarios", "presupuesto"):
            _positive(checker, index, column, allow_zero=False)


def _check_scores(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    header_of_assessment: dict[tuple, int] = {}
    keyed = []
    for index, (_, values) in enumerate(rows):
        fw = _assessment_refs(checker, known, index)
        criterion = None
        if fw is not None and values["criterio"] is not None:
            found = known.criteria[fw].get(values["criterio"].casefold())
            if found is None:
                checker.add("unknown_criterion", index, "criterio", framework=fw)
            else:
                values["criterio"] = found[0]
                criterion = found
        score, status = values["puntaje"], values["estado"]
        if status == "evaluado" and score is None and not checker.parsed.raw[index].get("puntaje", "").strip():
            checker.add("score_missing", index, "puntaje")
        elif status in ("desconocido", "no_aplica", "limitacion") and score is not None:
            checker.add("score_with_status", index, "puntaje", status=status)
        elif score is not None and criterion is not None and not criterion[2] <= score <= criterion[3]:
            checker.add("out_of_scale", index, "puntaje", low=criterion[2], high=criterion[3],
                        criterion=criterion[0])
        if status == "no_aplica" and not (values["evidencia"] or "").strip():
            checker.add("not_applicable_reason", index, "evidencia")
        if status == "limitacion" and values["fuente"] == "declarado":
            checker.add("declared_limitation", index, "estado")
        if status != "limitacion":
            for column in ("solicitud", "fecha_solicitud"):
                if values[column] is not None:
                    checker.add("request_without_limitation", index, column)
        if all(values[c] is not None for c in ("entidad", "gestion", "marco", "criterio")):
            assessment = (values["entidad"], values["gestion"], values["marco"])
            keyed.append((index, (*assessment, values["criterio"], values["fuente"] or "verificado")))
            report = (values["informe"], values["fecha_emision"])
            raw = checker.parsed.raw[index]
            if any(raw.get(c, "").strip() and values[c] is None for c in ("informe", "fecha_emision")):
                pass  # an unreadable cell is already reported; comparing it would report it twice
            elif assessment in header_of_assessment:
                other = header_of_assessment[assessment]
                other_values = rows[other][1]
                if (other_values["informe"], other_values["fecha_emision"]) != report:
                    column = "informe" if other_values["informe"] != values["informe"] else "fecha_emision"
                    checker.add("assessment_contradiction", index, column, other=rows[other][0])
            else:
                header_of_assessment[assessment] = index
    checker.duplicates(keyed, "entidad, gestión, marco y criterio")  # per source: a declaration is no duplicate


def _check_tools(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    partners_seen: dict[tuple, int] = {}
    for index, (_, values) in enumerate(rows):
        fw = _assessment_refs(checker, known, index)
        if fw is not None:
            checker.resolve(index, "herramienta", known.tools[fw], "unknown_tool", framework=fw)
        _positive(checker, index, "tramites", allow_zero=True)
        if all(values[c] is not None for c in ("entidad", "gestion", "marco", "herramienta")):
            assessment = (values["entidad"], values["gestion"], values["marco"])
            keyed.append((index, (*assessment, values["herramienta"])))
            for partner, _channel in split_partners(values["contrapartes"], "bilateral"):
                key = (*assessment, partner.casefold())
                if key in partners_seen:
                    checker.add("duplicate_partner", index, "contrapartes", partner=partner,
                                other=rows[partners_seen[key]][0])
                else:
                    partners_seen[key] = index
    checker.duplicates(keyed, "entidad, gestión, marco y herramienta")


def _check_recommendations(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        fw = _assessment_refs(checker, known, index)
        if fw is not None:
            checker.resolve(index, "area", known.areas[fw], "unknown_area", framework=fw)
        _positive(checker, index, "numero", allow_zero=False)
        if values["tipo"] == "recomendacion":
            _check_finding_list(checker, known, index, rows)
        if values["tipo"] == "hallazgo" and all(values[c] is not None for c in ("entidad", "gestion", "marco",
                                                                                 "numero")):
            keyed.append((index, ("hallazgo", values["entidad"], values["gestion"], values["marco"],
                                  values["numero"])))
        if values["tipo"] == "recomendacion" and all(values[c] is not None for c in ("entidad", "informe",
                                                                                      "numero")):
            keyed.append((index, ("recomendacion", values["entidad"], values["informe"], values["numero"])))
    checker.duplicates(keyed, "entidad, informe, tipo y número")


def _check_finding_list(checker: Checker, known: Known, index: int, rows) -> None:
    """A recommendation's 'hallazgos': whole numbers, each a finding of its assessment (file or store)."""
    values = rows[index][1]
    cell = values.get("hallazgos")
    if not cell:
        return
    parts = [p.strip() for p in cell.replace(",", "|").replace(";", "|").split("|") if p.strip()]
    if not all(p.isdigit() for p in parts):
        checker.add("bad_finding_list", index, "hallazgos")
        return
    assessment = (values["entidad"], values["gestion"], values["marco"])
    in_file = {(v["entidad"], v["gestion"], v["marco"], v["numero"]) for _, v in rows if v["tipo"] == "hallazgo"}
    for part in parts:
        if (*assessment, int(part)) not in in_file and (*assessment, int(part)) not in known.findings:
            checker.add("unknown_finding", index, "hallazgos", finding=part)


def _recommendation_ref(checker: Checker, known: Known, index: int) -> tuple | None:
    """Resolve the entity; the (entity, report, number) key when it names a known recommendation."""
    values = checker.parsed.rows[index][1]
    checker.resolve(index, "entidad", known.entities, "unknown_entity")
    key = (values["entidad"], values["informe"], values["numero"])
    if None in key or values["entidad"] not in known.entities.values():
        return None
    if key not in known.recommendations:
        checker.add("unknown_recommendation", index, "numero", report=values["informe"], entity=values["entidad"])
        return None
    return key


def _not_future(checker: Checker, index: int, *columns: str) -> None:
    today = date.today()
    for column in columns:
        value = checker.parsed.rows[index][1].get(column)
        if value is not None and value > today:
            checker.add("future_date", index, column)


def _check_follow_up(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        key = _recommendation_ref(checker, known, index)
        if values["estado"] == "no_aplicable" and not values["evidencia"]:
            checker.add("evidence_required", index, "evidencia")
        _not_future(checker, index, "fecha", "fecha_informe_seguimiento")
        if values["informe_seguimiento"] and values["estado"] is not None and values["estado"] not in RATING_STATUSES:
            checker.add("rating_status_required", index, "estado", allowed=", ".join(RATING_STATUSES))
        if key is not None:
            decision, deadline, source, _revision = known.lifecycle.get(key, (None, None, None, None))
            # A follow-up needs an accepted recommendation; a schedule kept from the earlier model
            # (before acceptance was recorded) stands for it.
            if decision == "no_aceptada" or (decision is None and source != "modelo_anterior"):
                checker.add("followup_not_accepted", index, "numero", report=values["informe"],
                            decision="no aceptada" if decision else "sin aceptación registrada")
            elif (values["estado"] == "no_cumplida" and values["fecha"] is not None and deadline is not None
                  and values["fecha"] < deadline):
                checker.add("not_met_before_deadline", index, "fecha", deadline=deadline.strftime("%d/%m/%Y"))
        if None not in (values["entidad"], values["informe"], values["numero"]) and values["fecha"] is not None:
            keyed.append((index, (values["entidad"], values["informe"], values["numero"], values["fecha"])))
    checker.duplicates(keyed, "entidad, informe, número y fecha")


def _check_reports(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        checker.resolve(index, "entidad", known.entities, "unknown_entity")
        checker.resolve(index, "marco", known.frameworks, "unknown_framework")
        _not_future(checker, index, "fecha_emision")
        if values["entidad"] is not None and values["informe"] is not None:
            keyed.append((index, (values["entidad"], values["informe"])))
    checker.duplicates(keyed, "entidad e informe")


def _check_results(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        checker.resolve(index, "entidad", known.entities, "unknown_entity")
        if values["entidad"] is None or values["informe"] is None:
            continue
        fw = known.reports.get((values["entidad"], values["informe"]))
        if fw is None:
            checker.add("unknown_report", index, "informe", entity=values["entidad"])
        else:
            checker.resolve(index, "area", known.areas[fw], "unknown_area", framework=fw)
        keyed.append((index, (values["entidad"], values["informe"], values["area"])))
    checker.duplicates(keyed, "entidad, informe y área")


def _check_findings(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        fw = _assessment_refs(checker, known, index)
        if fw is not None:
            checker.resolve(index, "area", known.areas[fw], "unknown_area", framework=fw)
        _positive(checker, index, "numero", allow_zero=False)
        if all(values[c] is not None for c in ("entidad", "gestion", "marco", "numero")):
            keyed.append((index, (values["entidad"], values["gestion"], values["marco"], values["numero"])))
    checker.duplicates(keyed, "entidad, gestión, marco y número")


def _check_acceptance(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        key = _recommendation_ref(checker, known, index)
        _not_future(checker, index, "fecha_recepcion", "fecha_decision")
        if values["decision"] == "no_aceptada" and not values["motivos"]:
            checker.add("reasons_required", index, "motivos")
        received, decided = values["fecha_recepcion"], values["fecha_decision"]
        if received is not None and decided is not None and decided < received:
            checker.add("decision_before_receipt", index, "fecha_decision",
                        received=received.strftime("%d/%m/%Y"))
        if key is not None:
            keyed.append((index, key))
    checker.duplicates(keyed, "entidad, informe y número")


def _check_schedule(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    keyed = []
    for index, (_, values) in enumerate(rows):
        key = _recommendation_ref(checker, known, index)
        _not_future(checker, index, "fecha_presentacion")
        revision = values["revision"] or 1
        if values["revision"] is not None and values["revision"] < 1:
            checker.add("not_positive", index, "revision")
        if revision > 1 and not values["motivo"]:
            checker.add("reason_for_rescheduling", index, "motivo")
        filed, deadline = values["fecha_presentacion"], values["plazo"]
        if filed is not None and deadline is not None and deadline < filed:
            checker.add("deadline_before_filing", index, "plazo", filed=filed.strftime("%d/%m/%Y"))
        if key is not None:
            decision = known.lifecycle.get(key, (None,))[0]
            if decision != "aceptada":
                checker.add("schedule_not_accepted", index, "numero", report=values["informe"],
                            decision="no aceptada" if decision else "sin aceptación registrada")
            keyed.append((index, (*key, revision)))
    checker.duplicates(keyed, "entidad, informe, número y revisión")


def _check_programme(checker: Checker, known: Known) -> None:
    """The supervision programme: a known entity, the end not before the start, the report named once issued
    (and only then), a report of another entity refused, one row per entity, gestión and kind of work."""
    rows = checker.parsed.rows
    report_owner = {report: entity for entity, report in known.reports}
    keyed = []
    for index, (_, values) in enumerate(rows):
        checker.resolve(index, "entidad", known.entities, "unknown_entity")
        start, end = values["fecha_inicio"], values["fecha_fin"]
        if start is not None and end is not None and end < start:
            checker.add("programme_end_before_start", index, "fecha_fin", start=start.strftime("%d/%m/%Y"))
        state, report = values["estado"], values["informe"]
        if state in PROGRAMME_REPORT_STATES and not report:
            checker.add("programme_report_required", index, "informe", state=state)
        elif state is not None and state not in PROGRAMME_REPORT_STATES and report:
            checker.add("programme_report_not_issued", index, "informe", state=state)
        owner = report_owner.get(report) if report else None
        if owner is not None and values["entidad"] is not None and owner.casefold() != values["entidad"].casefold():
            checker.add("programme_report_other_entity", index, "informe", owner=owner)
        if values["entidad"] is not None and values["gestion"] is not None:
            keyed.append((index, (values["entidad"], values["gestion"], values["tipo_trabajo"] or "supervision")))
    checker.duplicates(keyed, "entidad, gestión y tipo de trabajo")


# --- framework files ---------------------------------------------------------

FRAMEWORK_NEEDS = {
    "marco": (), "area": ("codigo",), "criterio": ("codigo", "area"), "nivel": ("codigo", "nivel"),
    "banda": ("codigo", "limite_inferior", "limite_superior"), "herramienta": ("codigo",),
    "escalon": ("nivel",), "requisito": ("nivel", "herramienta"),
}


def _framework_key(values: dict) -> tuple | None:
    fw, kind = values["marco"], values["tipo"]
    keys = {
        "marco": (), "area": ("codigo",), "criterio": ("codigo",), "nivel": ("codigo", "nivel"),
        "banda": ("codigo",), "herramienta": ("codigo",), "escalon": ("nivel",),
        "requisito": ("nivel", "grupo", "herramienta"),
    }[kind]
    parts = [values[k] if not (k == "grupo" and values[k] is None) else 1 for k in keys]
    if None in parts:
        return None
    return (fw, kind, *[p.casefold() if isinstance(p, str) else p for p in parts])


def _check_framework(checker: Checker, known: Known) -> None:
    rows = checker.parsed.rows
    raw = checker.parsed.raw
    usable = []  # indexes of rows whose type-specific cells are all there
    for index, (_, values) in enumerate(rows):
        if values["marco"] is not None:
            stored = known.frameworks.get(values["marco"].casefold())
            if stored:
                values["marco"] = stored
        kind = values["tipo"]
        if kind is None:
            continue
        minimum = values["cobertura_minima"]
        if minimum is not None and (kind != "marco" or not 0 <= minimum <= 100):
            checker.add("min_coverage_range" if kind == "marco" else "min_coverage_not_marco", index,
                        "cobertura_minima")
        complete = True
        for column in FRAMEWORK_NEEDS[kind]:
            if not raw[index].get(column, "").strip():
                checker.add("required_for_type", index, column, type=kind)
                complete = False
            elif rows[index][1][column] is None:
                complete = False  # unreadable: already reported
        if complete and values["marco"] is not None:
            usable.append(index)

    def of_type(kind):
        return [i for i in usable if rows[i][1]["tipo"] == kind]

    defined = {rows[i][1]["marco"] for i in of_type("marco")}
    for index in usable:
        fw = rows[index][1]["marco"]
        if fw not in defined and fw.casefold() not in known.frameworks:
            checker.add("unknown_framework_definition", index, "marco")

    def codes(kind, stored):
        found = defaultdict(dict)
        for fw, table in stored.items():
            for folded, code in table.items():
                found[fw][folded] = code
        for i in of_type(kind):
            fw, code = rows[i][1]["marco"], rows[i][1]["codigo"]
            found[fw][code.casefold()] = code
        return found

    areas = codes("area", known.areas)
    tools = codes("herramienta", known.tools)
    scales: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for fw, table in known.criteria.items():
        for folded, (_code, _area, low, high) in table.items():
            scales[fw][folded] = (low, high)
    for i in of_type("criterio"):
        values = rows[i][1]
        low = values["escala_min"] if values["escala_min"] is not None else 0.0
        high = values["escala_max"] if values["escala_max"] is not None else 4.0
        scales[values["marco"]][values["codigo"].casefold()] = (low, high)
        if high <= low:
            checker.add("bad_scale", i, "escala_max", low=low, high=high)
        checker.resolve(i, "area", areas[values["marco"]], "unknown_area", framework=values["marco"])
        if values["herramienta"] is not None:
            checker.resolve(i, "herramienta", tools[values["marco"]], "unknown_tool", framework=values["marco"])
    for i in of_type("area") + of_type("criterio"):
        _positive(checker, i, "peso", allow_zero=False)
    for i in of_type("nivel"):
        values = rows[i][1]
        scale = scales[values["marco"]].get(values["codigo"].casefold())
        if scale is None:
            checker.add("unknown_criterion", i, "codigo", framework=values["marco"])
        elif not scale[0] <= values["nivel"] <= scale[1]:
            checker.add("level_outside_scale", i, "nivel", low=scale[0], high=scale[1])
    _check_bands(checker, known, of_type("banda"))
    steps = defaultdict(set)
    for fw, stored in known.steps.items():
        steps[fw] |= stored
    for i in of_type("escalon"):
        values = rows[i][1]
        if not float(values["nivel"]).is_integer() or values["nivel"] < 0:
            checker.add("bad_step", i, "nivel")
        else:
            steps[values["marco"]].add(int(values["nivel"]))
    for i in of_type("requisito"):
        values = rows[i][1]
        if not float(values["nivel"]).is_integer() or int(values["nivel"]) not in steps[values["marco"]]:
            checker.add("unknown_step", i, "nivel")
        checker.resolve(i, "herramienta", tools[values["marco"]], "unknown_tool", framework=values["marco"])
        if values["grupo"] is not None and values["grupo"] < 1:
            checker.add("not_positive", i, "grupo")
    keyed = [(i, key) for i in usable if (key := _framework_key(rows[i][1])) is not None]
    checker.duplicates(keyed, "marco, tipo y código")


def _check_bands(checker: Checker, known: Known, indexes: list[int]) -> None:
    rows = checker.parsed.rows
    by_framework: dict[str, list[tuple[float, float, int | None, str]]] = defaultdict(list)
    in_file = defaultdict(set)
    for i in indexes:
        values = rows[i][1]
        low, high = values["limite_inferior"], values["limite_superior"]
        if not (0 <= low < high <= 100):
            checker.add("bad_band", i, "limite_inferior", low=low, high=high)
            continue
        by_framework[values["marco"]].append((low, high, i, values["codigo"]))
        in_file[values["marco"]].add(values["codigo"])
    for fw, bands in by_framework.items():
        for code, (low, high) in known.bands.get(fw, {}).items():
            if code not in in_file[fw]:
                bands.append((low, high, None, code))
        bands.sort(key=lambda b: (b[0], b[1]))
        for previous, current in zip(bands, bands[1:]):
            if current[0] < previous[1]:
                index = current[2] if current[2] is not None else previous[2]
                if index is not None:
                    checker.add("band_overlap", index, "limite_inferior",
                                other=previous[3] if index == current[2] else current[3])


CHECKS = {
    "entidades": _check_entities,
    "marco": _check_framework,
    "puntajes": _check_scores,
    "herramientas": _check_tools,
    "recomendaciones": _check_recommendations,
    "seguimiento": _check_follow_up,
    "informes": _check_reports,
    "resultados": _check_results,
    "hallazgos": _check_findings,
    "aceptacion": _check_acceptance,
    "cronograma": _check_schedule,
    "programa": _check_programme,
}
