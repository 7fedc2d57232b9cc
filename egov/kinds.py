"""The kinds of file an analyst can import, and how each maps onto tables.

A kind is a list of columns: a canonical Spanish name (the one the templates
use), the header aliases people actually write (case, accents and spaces are
ignored when matching), a type, and whether the cell is required. The reader
(``egov.ingest``) turns a messy office file into a DataFrame with canonical
column names and typed values; ``to_tables`` turns that into rows of the
store's tables.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

TEXT, CODE, INT, NUMBER, DATE = "text", "code", "int", "number", "date"

# 'limitacion': a scope limitation (a document requested and not provided), neither a 0 nor unknown.
SCORE_STATUSES = ("evaluado", "desconocido", "no_aplica", "limitacion")
# Who gives a criterion score: the supervisor's verification (the default, what every earlier file holds)
# or the entity's own declaration (autoevaluación).
SCORE_SOURCES = ("verificado", "declarado")
# Minimum coverage, in percent of applicable criteria with a score, when the 'marco' row gives none
# (the same default sits in queries/entity_scores.sql): none. 50 was tried and withholds the index of every
# test store that scores a few of the 29 criteria; a framework sets its own (e.g. 50: nobody on the sample
# is under it, DIGEMIG has 62 %).
DEFAULT_MIN_COVERAGE_PERCENT = 0
TOOL_STATUSES = ("ninguna", "planificada", "propia", "plataforma")
REC_STATUSES = ("pendiente", "en_proceso", "cumplida", "parcialmente_cumplida", "no_cumplida", "no_aplicable")
# The criticality group the institution gives an entity (migration 011), most critical first; empty = unknown.
CRITICALITY_GROUPS = ("alta", "media", "baja")
GOV_LEVELS = ("central", "departamental", "regional", "municipal", "indigena",
              "descentralizada", "universidad", "empresa_publica", "otro")
FRAMEWORK_ROW_TYPES = ("marco", "area", "criterio", "nivel", "banda", "herramienta", "escalon", "requisito")
RECOMMENDATION_ROW_TYPES = ("hallazgo", "recomendacion")
ACCEPTANCE_DECISIONS = ("aceptada", "no_aceptada")
# The Contraloría's ratings in a follow-up report (informe de seguimiento).
RATING_STATUSES = ("cumplida", "parcialmente_cumplida", "no_cumplida", "no_aplicable")
# The supervision programme (issue 17, migration 010): where a programmed supervision stands, in the order of
# its life, and the kinds of work programmed (a supervision, or a follow-up programmed as its own work).
PROGRAMME_STATES = ("programada", "en_ejecucion", "informe_emitido", "seguimiento_programado")
PROGRAMME_REPORT_STATES = ("informe_emitido", "seguimiento_programado")  # these name the report issued
WORK_KINDS = ("supervision", "seguimiento")


def normalise_header(text: str) -> str:
    """'  Código Entidad ' -> 'codigo_entidad': lower case, no accents, single underscores."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def normalise_choice(text: str) -> str:
    """'En proceso' -> 'en_proceso', 'Plataforma del Estado' stays a value to look up."""
    return normalise_header(text)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    help_es: str = ""
    help_en: str = ""

    def matches(self, header: str) -> bool:
        wanted = normalise_header(header)
        return wanted == self.name or wanted in {normalise_header(a) for a in self.aliases}


@dataclass(frozen=True)
class Kind:
    name: str
    title_es: str
    title_en: str
    columns: tuple[Column, ...]
    # Headers that only this kind has: used to recognise a file's kind.
    signature: tuple[str, ...] = field(default_factory=tuple)
    # Canonical columns whose values identify one row (duplicates are refused).
    row_key: tuple[str, ...] = field(default_factory=tuple)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


ENTITY = Column("entidad", CODE, True,
                ("codigo_entidad", "cod_entidad", "entity", "entity_code", "sigla_entidad"),
                help_es="Código estable de la entidad (p. ej. DIGEMIG), el mismo en todos los archivos.",
                help_en="Stable entity code (e.g. DIGEMIG), the same in every file.")
# The Contraloría's word for the period is the gestión; «periodo» and «ronda» stay accepted.
PERIOD = Column("gestion", CODE, True, ("periodo", "ronda", "gestión", "period", "round", "anio", "ano", "year"),
                help_es="Gestión supervisada (p. ej. 2024).", help_en="Gestión (period) supervised (e.g. 2024).")
FRAMEWORK = Column("marco", CODE, True, ("codigo_marco", "framework", "marco_de_evaluacion"),
                   help_es="Código del marco de evaluación (p. ej. CGE-GE).",
                   help_en="Framework code (e.g. CGE-GE).")

GESTION = PERIOD  # the record's kinds (issue 13) use the same `gestion` column (alias `periodo`)
REPORT = Column("informe", TEXT, True, ("numero_informe", "n_informe", "nro_informe", "no_informe", "report",
                                         "report_number"),
                help_es="Número del informe de supervisión (p. ej. K3/GP445/S24-G1).",
                help_en="Supervision report number (e.g. K3/GP445/S24-G1).")
REC_NO = Column("numero", INT, True, ("n", "nro", "no", "recomendacion", "numero_recomendacion", "number"),
                help_es="Número de la recomendación dentro del informe.", help_en="Recommendation number.")

KINDS: dict[str, Kind] = {k.name: k for k in [
    Kind("entidades", "Entidades", "Entities", (
        ENTITY,
        Column("nombre", TEXT, True, ("nombre_entidad", "name", "entity_name", "denominacion"),
               help_es="Nombre oficial de la entidad.", help_en="Official name."),
        Column("sigla", TEXT, False, ("acronimo", "acronym"), help_es="Sigla.", help_en="Acronym."),
        Column("sector", TEXT, True, ("sector_economico",), help_es="Sector (p. ej. Salud).",
               help_en="Sector (e.g. Health)."),
        Column("nivel", CODE, True, ("nivel_de_gobierno", "nivel_gobierno", "government_level", "level"),
               choices=GOV_LEVELS,
               help_es="Nivel de gobierno: " + ", ".join(GOV_LEVELS) + ".",
               help_en="Level of government: " + ", ".join(GOV_LEVELS) + "."),
        Column("tipo_entidad", TEXT, False, ("tipo", "entity_type"), help_es="Tipo de entidad.",
               help_en="Entity type."),
        Column("departamento", TEXT, False, ("department", "depto"), help_es="Departamento, si corresponde.",
               help_en="Department, where relevant."),
        Column("dependencia", TEXT, False, ("tuicion", "dependencia_o_tuicion", "parent_body"),
               help_es="Órgano del que depende o que ejerce tuición.", help_en="Parent body."),
        Column("fuente", TEXT, False, ("source",), help_es="Fuente pública del registro.",
               help_en="Public source of the row."),
        Column("grupo_complejidad", TEXT, False, ("complejidad", "grupo_de_complejidad", "complexity_group",
                                                  "complexity"),
               help_es="Grupo de complejidad que la institución asigna a la entidad (p. ej. A, B, C o D); "
                       "vacío si no se conoce.",
               help_en="Complexity group the institution gives the entity (e.g. A, B, C or D); empty when "
                       "unknown."),
        Column("funcionarios", INT, False, ("numero_funcionarios", "n_funcionarios", "personal", "staff",
                                            "staff_count"),
               help_es="Número de servidores públicos de la entidad, si se conoce (sirve para calcular el grupo "
                       "de complejidad cuando no se da).",
               help_en="Number of public servants, when known (used to compute the complexity group when none "
                       "is given)."),
        Column("presupuesto", NUMBER, False, ("presupuesto_vigente", "presupuesto_bs", "budget"),
               help_es="Presupuesto vigente en bolivianos, si se conoce (sirve para calcular el grupo de "
                       "complejidad cuando no se da).",
               help_en="Current budget in bolivianos, when known (used to compute the complexity group when "
                       "none is given)."),
        Column("grupo_criticidad", CODE, False, ("criticidad", "grupo_de_criticidad", "criticality",
                                                 "criticality_group"),
               choices=CRITICALITY_GROUPS,
               help_es="Grupo de criticidad que la institución asigna a la entidad: alta, media o baja (cuánto "
                       "costaría a la ciudadanía y al Estado que falle). Pesa en las prioridades de supervisión. "
                       "Vacío si no se ha asignado: nunca se supone «baja».",
               help_en="Criticality group the institution gives the entity: alta (high), media (medium) or baja "
                       "(low), how much its failure would cost citizens and the State. It weighs in the "
                       "supervision priorities. Empty when none was given: never assumed to be low."),
    ), signature=("nombre", "sector", "nivel"), row_key=("entidad",)),

    Kind("marco", "Marco de evaluación", "Framework", (
        FRAMEWORK,
        Column("tipo", CODE, True, ("tipo_fila", "row_type", "type"), choices=FRAMEWORK_ROW_TYPES,
               help_es="Qué define la fila: " + ", ".join(FRAMEWORK_ROW_TYPES) + ".",
               help_en="What the row defines: " + ", ".join(FRAMEWORK_ROW_TYPES) + "."),
        Column("codigo", CODE, False, ("code", "cod"),
               help_es="Código del área, criterio, banda o herramienta (en 'nivel': el criterio).",
               help_en="Code of the area, criterion, band or tool (for 'nivel': the criterion)."),
        Column("area", CODE, False, ("codigo_area", "area_code"),
               help_es="Área a la que pertenece un criterio.", help_en="Area of a criterion."),
        Column("nombre", TEXT, True, ("nombre_es", "name", "etiqueta"),
               help_es="Nombre en español (en 'nivel': la etiqueta del nivel).",
               help_en="Spanish name (for 'nivel': the level's label)."),
        Column("nombre_en", TEXT, False, ("name_en", "nombre_ingles", "english_name"),
               help_es="Nombre en inglés.", help_en="English name."),
        Column("descripcion", TEXT, False, ("description", "descriptor", "descripcion_es"),
               help_es="Descripción (en 'nivel': qué significa alcanzar ese nivel).",
               help_en="Description (for 'nivel': what reaching the level means)."),
        Column("descripcion_en", TEXT, False, ("description_en", "descriptor_en"),
               help_es="Descripción en inglés (filas 'marco', 'criterio' y 'nivel').",
               help_en="English description ('marco', 'criterio' and 'nivel' rows)."),
        Column("version", TEXT, False, ("version_marco",), help_es="Versión del marco (fila 'marco').",
               help_en="Framework version ('marco' row)."),
        Column("cobertura_minima", NUMBER, False, ("cobertura_min", "min_coverage", "minimum_coverage"),
               help_es="Fila 'marco': porcentaje mínimo (0–100) de criterios aplicables con puntaje para que el "
                       "índice de una entidad cuente; por debajo se muestra «cobertura insuficiente» y no entra en "
                       "posiciones ni promedios. Vacío: sin mínimo (p. ej. 50 no deja fuera a nadie en la muestra).",
               help_en="'marco' row: minimum percentage (0–100) of applicable criteria with a score for an entity's "
                       "index to count; below it the index shows as 'insufficient coverage' and is left out of "
                       "positions and averages. Empty: no minimum (e.g. 50 leaves nobody out on the sample)."),
        Column("peso", NUMBER, False, ("ponderacion", "weight"), help_es="Peso (> 0) del área o criterio.",
               help_en="Weight (> 0) of the area or criterion."),
        Column("escala_min", NUMBER, False, ("minimo", "scale_min", "min"), help_es="Mínimo de la escala.",
               help_en="Scale minimum."),
        Column("escala_max", NUMBER, False, ("maximo", "scale_max", "max"), help_es="Máximo de la escala.",
               help_en="Scale maximum."),
        Column("nivel", NUMBER, False, ("level", "escalon_n", "step"),
               help_es="Valor del nivel ('nivel') o número de escalón ('escalon', 'requisito').",
               help_en="Level value ('nivel') or ladder step ('escalon', 'requisito')."),
        Column("limite_inferior", NUMBER, False, ("desde", "lower_bound", "lower"),
               help_es="Banda: índice desde (incluido).", help_en="Band: index from (inclusive)."),
        Column("limite_superior", NUMBER, False, ("hasta", "upper_bound", "upper"),
               help_es="Banda: índice hasta (excluido, salvo la banda más alta).",
               help_en="Band: index up to (exclusive, except the top band)."),
        Column("herramienta", CODE, False, ("tool", "codigo_herramienta"),
               help_es="Requisito: herramienta exigida; criterio: herramienta de la que se deriva su puntaje.",
               help_en="Requirement: the tool required; criterion: the tool its score derives from."),
        Column("estado_minimo", CODE, False, ("min_status", "estado_requerido"), choices=TOOL_STATUSES[1:],
               help_es="Requisito: estado mínimo (planificada, propia, plataforma).",
               help_en="Requirement: minimum status (planificada, propia, plataforma)."),
        Column("grupo", INT, False, ("group", "req_group"),
               help_es="Requisito: basta una herramienta de cada grupo.",
               help_en="Requirement: one tool of each group is enough."),
        Column("orden", INT, False, ("order", "sort_order"), help_es="Orden de presentación.",
               help_en="Display order."),
    ), signature=("tipo", "nombre", "marco"), row_key=("tipo", "codigo", "nivel", "grupo", "herramienta")),

    Kind("puntajes", "Puntajes por criterio", "Criterion scores", (
        ENTITY, PERIOD, FRAMEWORK,
        Column("criterio", CODE, True, ("codigo_criterio", "criterion", "criterion_code"),
               help_es="Código del criterio del marco.", help_en="Criterion code."),
        Column("puntaje", NUMBER, False, ("puntuacion", "nota", "score", "valor"),
               help_es="Puntaje dentro de la escala del criterio; vacío si no se evaluó.",
               help_en="Score within the criterion's scale; empty if not assessed."),
        Column("estado", CODE, False, ("estado_evaluacion", "status"), choices=SCORE_STATUSES,
               help_es="evaluado (por defecto si hay puntaje), desconocido, no_aplica o limitacion (limitación "
                       "al alcance: documento solicitado y no proporcionado).",
               help_en="evaluado (default when scored), desconocido, no_aplica or limitacion (scope limitation: "
                       "a document requested and not provided)."),
        Column("evidencia", TEXT, False, ("evidence", "respaldo", "observacion"),
               help_es="Evidencia que respalda el puntaje (con «no_aplica»: por qué no aplica, obligatorio).",
               help_en="Evidence behind the score (with 'no_aplica': why it does not apply, required)."),
        Column("fuente", CODE, False, ("origen", "source", "fuente_puntaje"), choices=SCORE_SOURCES,
               help_es="verificado (por defecto: puntaje de la supervisión) o declarado (autoevaluación de la "
                       "entidad). Una verificación no borra lo declarado.",
               help_en="verificado (default: the supervisor's score) or declarado (the entity's self-assessment). "
                       "A verification does not erase the declaration."),
        Column("informe", TEXT, False, ("numero_informe", "informe_n", "n_informe", "nro_informe", "no_informe",
                                         "report", "report_number"),
               help_es="Número de informe (p. ej. K3/GP445/S24-G1).", help_en="Report number."),
        Column("fecha_emision", DATE, False, ("fecha_informe", "issue_date", "fecha"),
               help_es="Fecha de emisión del informe (dd/mm/aaaa).", help_en="Report issue date."),
        Column("solicitud", TEXT, False, ("nota_solicitud", "documento_solicitado", "request_note"),
               help_es="Limitación: la solicitud del documento (nota, a quién), si se conoce.",
               help_en="Limitation: the request for the document (note), when known."),
        Column("fecha_solicitud", DATE, False, ("request_date",),
               help_es="Limitación: fecha de la solicitud (dd/mm/aaaa), si se conoce.",
               help_en="Limitation: date of the request, when known."),
    ), signature=("criterio",), row_key=("entidad", "gestion", "marco", "criterio", "fuente")),

    Kind("herramientas", "Herramientas de gobierno electrónico", "E-government tools", (
        ENTITY, PERIOD, FRAMEWORK,
        Column("herramienta", CODE, True, ("codigo_herramienta", "tool", "tool_code"),
               help_es="Código de la herramienta (p. ej. firma_digital).", help_en="Tool code."),
        Column("estado", CODE, True, ("estado_adopcion", "adopcion", "status"), choices=TOOL_STATUSES,
               help_es="ninguna, planificada, propia (mecanismo propio o bilateral) o plataforma (del Estado).",
               help_en="ninguna, planificada, propia (own or bilateral) or plataforma (state platform)."),
        Column("tramites", INT, False, ("n_tramites", "numero_tramites", "procedures"),
               help_es="Cuántos trámites la usan.", help_en="How many procedures use it."),
        Column("alcance", TEXT, False, ("scope", "detalle"), help_es="Alcance en palabras.",
               help_en="Scope in words."),
        Column("contrapartes", TEXT, False, ("instituciones_contraparte", "socios", "socios_interoperabilidad",
                                             "instituciones", "partners"),
               help_es="Interoperabilidad: instituciones contraparte separadas por '|', cada una con '(bilateral)' o "
                       "'(plataforma)' si difiere del estado.",
               help_en="Interoperability: institutions separated by '|', each optionally "
                       "'(bilateral)' or '(plataforma)'."),
        Column("evidencia", TEXT, False, ("evidence", "respaldo"), help_es="Evidencia.", help_en="Evidence."),
    ), signature=("herramienta", "estado"), row_key=("entidad", "gestion", "marco", "herramienta")),

    Kind("recomendaciones", "Hallazgos y recomendaciones", "Findings and recommendations", (
        ENTITY, PERIOD, FRAMEWORK,
        Column("informe", TEXT, True, ("numero_informe", "n_informe", "nro_informe", "no_informe", "report",
                                        "report_number"),
               help_es="Número de informe.", help_en="Report number."),
        Column("tipo", CODE, True, ("tipo_fila", "type"), choices=RECOMMENDATION_ROW_TYPES,
               help_es="hallazgo o recomendacion.", help_en="hallazgo (finding) or recomendacion."),
        Column("numero", INT, True, ("n", "nro", "number", "no"), help_es="Número dentro del informe (1, 2...).",
               help_en="Number within the report."),
        Column("area", CODE, True, ("codigo_area", "area_code"), help_es="Área de supervisión (p. ej. PLAN).",
               help_en="Supervision area."),
        Column("texto", TEXT, True, ("descripcion", "text", "recomendacion", "hallazgo"),
               help_es="Texto del hallazgo o de la recomendación.", help_en="Text."),
        Column("fecha_limite", DATE, False, ("vencimiento", "due_date", "plazo"),
               help_es="Recomendación: plazo acordado en el cronograma de implementación, solo si ya existe "
                       "(dd/mm/aaaa); vacío si no hay cronograma. El informe no fija plazos.",
               help_en="Recommendation: the deadline agreed in the implementation schedule, only if there is "
                       "one; empty otherwise. The report sets no deadlines."),
        Column("grupo", TEXT, False, ("encabezado", "grupo_recomendaciones", "group_heading"),
               help_es="Recomendación: encabezado bajo el que el informe la agrupa, tal como se emitió "
                       "(p. ej. «En el marco de su RE-SOA:»).",
               help_en="Recommendation: the heading the report groups it under, as issued."),
        Column("hallazgos", TEXT, False, ("hallazgos_relacionados", "responde_a", "findings"),
               help_es="Recomendación: números de los hallazgos que atiende, separados por '|' (p. ej. 2|3).",
               help_en="Recommendation: numbers of the findings it answers, separated by '|'."),
        Column("texto_corregido", TEXT, False, ("correccion", "corrected_text"),
               help_es="Corrección editorial del texto, que se guarda junto al original (nunca lo reemplaza).",
               help_en="Editorial correction of the text, kept beside the original (never over it)."),
        Column("nota_correccion", TEXT, False, ("motivo_correccion", "correction_note"),
               help_es="Qué se corrigió y por qué.", help_en="What was corrected and why."),
    ), signature=("tipo", "texto", "informe"), row_key=("entidad", "informe", "tipo", "numero")),

    Kind("seguimiento", "Seguimiento de recomendaciones", "Recommendation follow-up", (
        ENTITY,
        Column("informe", TEXT, True, ("numero_informe", "n_informe", "nro_informe", "no_informe", "report",
                                        "report_number"),
               help_es="Número de informe de la recomendación.", help_en="Report number."),
        Column("numero", INT, True, ("n", "nro", "no", "recomendacion", "numero_recomendacion", "number"),
               help_es="Número de la recomendación.", help_en="Recommendation number."),
        Column("fecha", DATE, True, ("fecha_estado", "fecha_seguimiento", "date"),
               help_es="Fecha del estado (dd/mm/aaaa).", help_en="Status date."),
        Column("estado", CODE, True, ("estado_recomendacion", "status"), choices=REC_STATUSES,
               help_es="pendiente, en_proceso, cumplida, parcialmente_cumplida, no_cumplida o no_aplicable.",
               help_en="pendiente, en_proceso, cumplida, parcialmente_cumplida, no_cumplida or no_aplicable."),
        Column("evidencia", TEXT, False, ("evidence", "respaldo", "observacion"),
               help_es="Evidencia del estado (obligatoria para no_aplicable).",
               help_en="Evidence for the status (required for no_aplicable)."),
        Column("informe_seguimiento", TEXT, False, ("numero_informe_seguimiento", "followup_report"),
               help_es="Número del informe de seguimiento de la Contraloría que califica la recomendación; "
                       "vacío si la fila es un avance informado por la entidad.",
               help_en="Number of the Contraloría's follow-up report that rates the recommendation; empty for "
                       "the entity's own progress notes."),
        Column("fecha_informe_seguimiento", DATE, False, ("fecha_seguimiento_informe", "followup_report_date"),
               help_es="Fecha de emisión del informe de seguimiento (por defecto, la fecha de la fila).",
               help_en="Issue date of the follow-up report (defaults to the row's date)."),
        Column("gestion_seguimiento", CODE, False, ("periodo_seguimiento", "followup_period"),
               help_es="Gestión del informe de seguimiento (p. ej. 2025).",
               help_en="Period of the follow-up report (e.g. 2025)."),
    ), signature=("fecha", "estado", "numero"), row_key=("entidad", "informe", "numero", "fecha")),

    Kind("informes", "Informes de supervisión", "Supervision reports", (
        ENTITY, GESTION, FRAMEWORK, REPORT,
        Column("referencia", TEXT, False, ("titulo", "reference", "title"),
               help_es="Referencia: el título de la supervisión, tal como se emitió.",
               help_en="Reference: the supervision's title, as issued."),
        Column("objetivo", TEXT, False, ("objective",), help_es="Objetivo, tal como se emitió.",
               help_en="Objective, as issued."),
        Column("objeto", TEXT, False, ("object", "aspectos_examinados"),
               help_es="Objeto: los aspectos examinados, tal como se emitieron.",
               help_en="Object: the aspects examined, as issued."),
        Column("alcance", TEXT, False, ("scope",), help_es="Alcance, si el informe lo indica.",
               help_en="Scope, when the report states it."),
        Column("periodo_examinado", TEXT, False, ("periodo_revisado", "period_examined"),
               help_es="Periodo examinado (p. ej. 2021 — 2025).", help_en="Period examined."),
        Column("fecha_emision", DATE, False, ("fecha_informe", "issue_date", "fecha"),
               help_es="Fecha de emisión del informe (dd/mm/aaaa).", help_en="Report issue date."),
        Column("unidad_emisora", TEXT, False, ("unidad", "issuing_office", "gerencia"),
               help_es="Unidad de la Contraloría que emitió el informe.", help_en="Issuing office."),
        Column("tipo_trabajo", TEXT, False, ("tipo_de_trabajo", "work_kind", "tipo_auditoria"),
               help_es="Tipo de trabajo (p. ej. supervisión).", help_en="Kind of work (e.g. supervision)."),
    ), signature=("informe", "objetivo", "objeto"), row_key=("entidad", "informe")),

    Kind("resultados", "Resultados del informe por área", "Report results by area", (
        ENTITY, REPORT,
        Column("area", CODE, True, ("codigo_area", "area_code"), help_es="Área de supervisión (p. ej. PLAN).",
               help_en="Supervision area."),
        Column("resultado", TEXT, True, ("resultados", "texto_resultado", "result"),
               help_es="Texto de los resultados del área, tal como se emitió.",
               help_en="The area's results text, as issued."),
    ), signature=("resultado", "area"), row_key=("entidad", "informe", "area")),

    Kind("hallazgos", "Hallazgos con sus atributos", "Findings with their attributes", (
        ENTITY, GESTION, FRAMEWORK, REPORT,
        Column("numero", INT, True, ("n", "nro", "no", "numero_hallazgo", "number"),
               help_es="Número del hallazgo dentro del informe.", help_en="Finding number."),
        Column("area", CODE, True, ("codigo_area", "area_code"), help_es="Área de supervisión.",
               help_en="Supervision area."),
        Column("condicion", TEXT, True, ("hallazgo", "condition"),
               help_es="Condición: lo que se encontró.", help_en="Condition: what was found."),
        Column("criterio", TEXT, False, ("criterio_norma", "norma", "criterion_rule"),
               help_es="Criterio: la norma con la que se compara (DS 3251, DS 3525 art. 9, el RE-SOA…); vacío si "
                       "el informe no lo dice.",
               help_en="Criterion: the rule measured against; empty when the report does not say."),
        Column("causa", TEXT, False, ("cause",), help_es="Causa; vacío si el informe no la dice.",
               help_en="Cause; empty when the report does not say."),
        Column("efecto", TEXT, False, ("effect",), help_es="Efecto; vacío si el informe no lo dice.",
               help_en="Effect; empty when the report does not say."),
    ), signature=("condicion",), row_key=("entidad", "informe", "numero")),

    Kind("aceptacion", "Aceptación de recomendaciones", "Acceptance of recommendations", (
        ENTITY, REPORT, REC_NO,
        Column("fecha_recepcion", DATE, False, ("recepcion", "received_date"),
               help_es="Fecha en que la entidad recibió el informe (dd/mm/aaaa).",
               help_en="Date the entity received the report."),
        Column("decision", CODE, True, ("aceptacion", "decision_entidad"), choices=ACCEPTANCE_DECISIONS,
               help_es="aceptada o no_aceptada.", help_en="aceptada (accepted) or no_aceptada (not accepted)."),
        Column("fecha_decision", DATE, True, ("fecha_aceptacion", "decision_date"),
               help_es="Fecha de la nota de aceptación (dd/mm/aaaa).", help_en="Date of the acceptance note."),
        Column("motivos", TEXT, False, ("razones", "reasons"),
               help_es="Motivos (obligatorios si no se acepta).", help_en="Reasons (required when not accepted)."),
        Column("firmante", TEXT, False, ("firma", "signatory", "mae"),
               help_es="Quién firmó por la entidad (la MAE).", help_en="Who signed for the entity."),
        Column("cargo_firmante", TEXT, False, ("cargo", "signatory_post"),
               help_es="Cargo de quien firmó.", help_en="Post of the signatory."),
    ), signature=("decision", "fecha_decision"), row_key=("entidad", "informe", "numero")),

    Kind("cronograma", "Cronograma de implementación", "Implementation schedule", (
        ENTITY, REPORT, REC_NO,
        Column("revision", INT, False, ("reprogramacion", "version_cronograma"),
               help_es="1 = cronograma presentado; 2, 3… = reprogramaciones (vacío = 1).",
               help_en="1 = schedule as filed; 2, 3… = reschedulings (empty = 1)."),
        Column("fecha_presentacion", DATE, False, ("fecha_cronograma", "filed_date"),
               help_es="Fecha en que la entidad presentó el cronograma o la reprogramación.",
               help_en="Date the schedule (or rescheduling) was filed."),
        Column("acciones", TEXT, False, ("acciones_previstas", "actions"),
               help_es="Acciones previstas para implementar la recomendación.", help_en="Planned actions."),
        Column("responsable", TEXT, False, ("unidad_responsable", "cargo_responsable", "responsible"),
               help_es="Unidad o cargo responsable.", help_en="Responsible unit or post."),
        Column("plazo", DATE, True, ("fecha_limite", "plazo_acordado", "deadline"),
               help_es="Plazo acordado (dd/mm/aaaa).", help_en="Agreed deadline."),
        Column("motivo", TEXT, False, ("motivo_reprogramacion", "reason"),
               help_es="Motivo de la reprogramación (obligatorio desde la revisión 2).",
               help_en="Reason for rescheduling (required from revision 2)."),
    ), signature=("plazo", "acciones"), row_key=("entidad", "informe", "numero", "revision")),

    Kind("programa", "Programa de supervisión", "Supervision programme", (
        ENTITY,
        Column("gestion", CODE, True, PERIOD.aliases + ("gestion_programada", "programmed_period"),
               help_es="Gestión en la que se programa la supervisión (p. ej. 2025).",
               help_en="Gestión (period) the supervision is programmed for (e.g. 2025)."),
        # Required: it is part of the row's key, and it tells a programme file from a scores file that lacks
        # its 'marco' column (both would otherwise hold every required column of this kind).
        Column("tipo_trabajo", CODE, True, ("tipo_de_trabajo", "tipo_supervision", "work_kind"), choices=WORK_KINDS,
               help_es="supervision o seguimiento (seguimiento de recomendaciones programado como trabajo propio). "
                       "Una entidad se programa una sola vez por gestión y tipo de trabajo.",
               help_en="supervision or seguimiento (a follow-up of recommendations programmed as its own work). An "
                       "entity is programmed once per gestión and kind of work."),
        Column("estado", CODE, True, ("estado_supervision", "situacion", "state", "status"), choices=PROGRAMME_STATES,
               help_es="programada, en_ejecucion, informe_emitido o seguimiento_programado.",
               help_en="programada (programmed), en_ejecucion (under way), informe_emitido (report issued) or "
                       "seguimiento_programado (follow-up programmed)."),
        Column("unidad_responsable", TEXT, False, ("unidad", "gerencia", "oficina", "oficina_responsable",
                                                   "responsible_office", "office"),
               help_es="Unidad o gerencia de la Contraloría a cargo; vacío si el programa no la indica.",
               help_en="The Contraloría's office in charge; empty when the programme does not say."),
        Column("fecha_inicio", DATE, False, ("inicio", "inicio_previsto", "fecha_inicio_prevista", "planned_start",
                                             "start"),
               help_es="Inicio previsto (dd/mm/aaaa); vacío si el programa no lo fija.",
               help_en="Planned start; empty when the programme does not set it."),
        Column("fecha_fin", DATE, False, ("fin", "fin_previsto", "fecha_fin_prevista", "fecha_conclusion",
                                          "planned_end", "end"),
               help_es="Conclusión prevista (dd/mm/aaaa), no antes del inicio; vacío si el programa no la fija.",
               help_en="Planned end, not before the start; empty when the programme does not set it."),
        Column("informe", TEXT, False, ("numero_informe", "n_informe", "nro_informe", "no_informe", "report",
                                         "report_number"),
               help_es="Número del informe emitido (p. ej. K3/GP445/S24-G1); obligatorio con informe_emitido y "
                       "seguimiento_programado.",
               help_en="Number of the report issued (e.g. K3/GP445/S24-G1); required with informe_emitido and "
                       "seguimiento_programado."),
        Column("observaciones", TEXT, False, ("notas", "nota", "notes", "comentarios"),
               help_es="Observaciones.", help_en="Notes."),
    ), signature=("gestion", "estado", "unidad_responsable"), row_key=("entidad", "gestion", "tipo_trabajo")),
]}


def _frame(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records) if records else pd.DataFrame()


def _none(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


def split_partners(cell: str | None, default_channel: str) -> list[tuple[str, str]]:
    """'FELCN (bilateral) | SEGIP' -> [('FELCN', 'bilateral'), ('SEGIP', default)]."""
    out = []
    for part in (cell or "").split("|"):
        part = part.strip()
        if not part:
            continue
        match = re.match(r"^(.*?)\s*\((bilateral|plataforma)\)\s*$", part, re.IGNORECASE)
        if match:
            out.append((match.group(1).strip(), match.group(2).lower()))
        else:
            out.append((part, default_channel))
    return out


def split_numbers(cell: str | None) -> list[int]:
    """'2 | 3' -> [2, 3]; parts that are not whole numbers are left to the checks (see validate)."""
    return [int(p) for p in re.split(r"[|,;]", cell or "") if p.strip().isdigit()]


def to_tables(kind: str, df: pd.DataFrame | list[dict], *, recorded_by: str = "local") -> dict[str, pd.DataFrame]:
    """Rows of a checked, canonical DataFrame (or list of row dicts, None for empty) -> {table name: rows}."""
    if isinstance(df, pd.DataFrame):
        rows = [{k: _none(v) for k, v in r.items()} for r in df.to_dict("records")]
    else:
        rows = df
    tables: dict[str, list[dict]] = {}

    def add(table: str, record: dict) -> None:
        tables.setdefault(table, []).append(record)

    def assessment_of(r: dict) -> dict:
        return {"entity_code": r["entidad"], "period": r["gestion"], "framework_code": r["marco"]}

    if kind == "entidades":
        for r in rows:
            add("entity", {"entity_code": r["entidad"], "name": r["nombre"], "acronym": r.get("sigla"),
                           "sector": r["sector"], "gov_level": r["nivel"], "entity_type": r.get("tipo_entidad"),
                           "department": r.get("departamento"), "parent_body": r.get("dependencia"),
                           "source": r.get("fuente"), "complexity_group": r.get("grupo_complejidad"),
                           "staff_count": r.get("funcionarios"), "budget": r.get("presupuesto"),
                           "criticality": r.get("grupo_criticidad")})
    elif kind == "marco":
        # A file with its 'marco' row states that version's criteria: the ones it lists (see migration 009).
        versions = {r["marco"]: r.get("version") or "1" for r in rows if r["tipo"] == "marco"}
        for r in rows:
            fw, t = r["marco"], r["tipo"]
            name_en = r.get("nombre_en") or r["nombre"]
            order = r.get("orden") or 0
            if t == "marco":
                add("framework", {"framework_code": fw, "version": r.get("version") or "1", "name_es": r["nombre"],
                                  "name_en": name_en, "description_es": r.get("descripcion"),
                                  "description_en": r.get("descripcion_en"),
                                  "min_coverage": None if r.get("cobertura_minima") is None
                                  else r["cobertura_minima"] / 100})
            elif t == "area":
                add("area", {"framework_code": fw, "area_code": r["codigo"], "name_es": r["nombre"],
                             "name_en": name_en, "weight": r.get("peso") or 1.0, "sort_order": order})
            elif t == "criterio":
                add("criterion", {"framework_code": fw, "criterion_code": r["codigo"], "area_code": r["area"],
                                  "name_es": r["nombre"], "name_en": name_en,
                                  "description_es": r.get("descripcion"), "description_en": r.get("descripcion_en"),
                                  "weight": r.get("peso") or 1.0,
                                  "scale_min": r.get("escala_min") if r.get("escala_min") is not None else 0.0,
                                  "scale_max": r.get("escala_max") if r.get("escala_max") is not None else 4.0,
                                  "tool_code": r.get("herramienta"),
                                  "sort_order": order})
                if fw in versions:
                    add("criterion_version", {"framework_code": fw, "criterion_code": r["codigo"],
                                              "version": versions[fw]})
            elif t == "nivel":
                add("criterion_level", {"framework_code": fw, "criterion_code": r["codigo"], "level": r["nivel"],
                                        "label_es": r["nombre"], "label_en": name_en,
                                        "descriptor_es": r.get("descripcion") or r["nombre"],
                                        "descriptor_en": r.get("descripcion_en")})
            elif t == "banda":
                add("band", {"framework_code": fw, "band_code": r["codigo"], "name_es": r["nombre"],
                             "name_en": name_en, "lower_bound": r["limite_inferior"],
                             "upper_bound": r["limite_superior"], "sort_order": order})
            elif t == "herramienta":
                add("tool", {"framework_code": fw, "tool_code": r["codigo"], "name_es": r["nombre"],
                             "name_en": name_en, "description_es": r.get("descripcion"), "sort_order": order})
            elif t == "escalon":
                add("ladder_step", {"framework_code": fw, "step": int(r["nivel"]), "name_es": r["nombre"],
                                    "name_en": name_en, "description_es": r.get("descripcion")})
            elif t == "requisito":
                add("ladder_requirement", {"framework_code": fw, "step": int(r["nivel"]),
                                           "req_group": r.get("grupo") or 1, "tool_code": r["herramienta"],
                                           "min_status": r.get("estado_minimo") or "plataforma"})
    elif kind == "puntajes":
        seen = set()
        for r in rows:
            key = (r["entidad"], r["gestion"], r["marco"])
            if key not in seen:
                seen.add(key)
                add("assessment", {**assessment_of(r), "report_number": r.get("informe"),
                                   "issue_date": r.get("fecha_emision")})
            status = r.get("estado") or ("evaluado" if r.get("puntaje") is not None else "desconocido")
            limited = status == "limitacion"
            if r.get("fuente") == "declarado":
                add("criterion_declaration", {**assessment_of(r), "criterion_code": r["criterio"], "status": status,
                                              "score": r.get("puntaje") if status == "evaluado" else None,
                                              "evidence": r.get("evidencia")})
                continue
            add("criterion_score", {**assessment_of(r), "criterion_code": r["criterio"], "status": status,
                                    "score": r.get("puntaje") if status == "evaluado" else None,
                                    "evidence": r.get("evidencia"),
                                    "request_note": r.get("solicitud") if limited else None,
                                    "request_date": r.get("fecha_solicitud") if limited else None})
    elif kind == "herramientas":
        for r in rows:
            add("tool_adoption", {**assessment_of(r), "tool_code": r["herramienta"], "status": r["estado"],
                                  "procedures_count": r.get("tramites"), "scope": r.get("alcance"),
                                  "evidence": r.get("evidencia")})
            channel = "plataforma" if r["estado"] == "plataforma" else "bilateral"
            for partner, ch in split_partners(r.get("contrapartes"), channel):
                add("interop_partner", {**assessment_of(r), "partner_name": partner, "channel": ch})
    elif kind == "recomendaciones":
        for r in rows:
            if r["tipo"] == "hallazgo":
                add("finding", {**assessment_of(r), "finding_no": r["numero"], "area_code": r["area"],
                                "text_es": r["texto"], "report_number": r["informe"]})
                continue
            rec_key = {"entity_code": r["entidad"], "report_number": r["informe"], "rec_no": r["numero"]}
            add("recommendation", {**rec_key, "period": r["gestion"], "framework_code": r["marco"],
                                   "area_code": r["area"], "text_es": r["texto"],
                                   "group_heading_es": r.get("grupo"), "corrected_text_es": r.get("texto_corregido"),
                                   "correction_note": r.get("nota_correccion")})
            for finding_no in split_numbers(r.get("hallazgos")):
                add("recommendation_finding", {**rec_key, "finding_no": finding_no})
            if r.get("fecha_limite") is not None:  # a deadline a schedule already gave
                add("implementation_schedule", {**rec_key, "revision": 1, "deadline": r["fecha_limite"],
                                                "source": "cronograma"})
    elif kind == "seguimiento":
        reports = {}
        for r in rows:
            number = r.get("informe_seguimiento")
            add("recommendation_status", {"entity_code": r["entidad"], "report_number": r["informe"],
                                          "rec_no": r["numero"], "status_date": r["fecha"],
                                          "status": r["estado"], "evidence": r.get("evidencia"),
                                          "recorded_by": recorded_by, "followup_number": number})
            if number is not None and (r["entidad"], number) not in reports:
                reports[(r["entidad"], number)] = True
                add("followup_report", {"entity_code": r["entidad"], "followup_number": number,
                                        "issue_date": r.get("fecha_informe_seguimiento") or r["fecha"],
                                        "period": r.get("gestion_seguimiento")})
    elif kind == "informes":
        for r in rows:
            add("supervision_report", {
                "entity_code": r["entidad"], "report_number": r["informe"], "period": r["gestion"],
                "framework_code": r["marco"], "reference_es": r.get("referencia"), "objective_es": r.get("objetivo"),
                "object_es": r.get("objeto"), "scope_es": r.get("alcance"),
                "period_examined": r.get("periodo_examinado"), "issue_date": r.get("fecha_emision"),
                "issuing_office": r.get("unidad_emisora"), "work_kind": r.get("tipo_trabajo")})
    elif kind == "resultados":
        for r in rows:
            add("report_result", {"entity_code": r["entidad"], "report_number": r["informe"], "area_code": r["area"],
                                  "text_es": r["resultado"]})
    elif kind == "hallazgos":
        for r in rows:
            add("finding", {"entity_code": r["entidad"], "period": r["gestion"], "framework_code": r["marco"],
                            "finding_no": r["numero"], "area_code": r["area"], "text_es": r["condicion"],
                            "report_number": r["informe"], "criterion_es": r.get("criterio"),
                            "cause_es": r.get("causa"), "effect_es": r.get("efecto")})
    elif kind == "aceptacion":
        for r in rows:
            add("recommendation_acceptance", {
                "entity_code": r["entidad"], "report_number": r["informe"], "rec_no": r["numero"],
                "received_date": r.get("fecha_recepcion"), "decision": r["decision"],
                "decision_date": r["fecha_decision"], "reasons_es": r.get("motivos"),
                "signatory": r.get("firmante"), "signatory_post": r.get("cargo_firmante")})
    elif kind == "cronograma":
        for r in rows:
            add("implementation_schedule", {
                "entity_code": r["entidad"], "report_number": r["informe"], "rec_no": r["numero"],
                "revision": r.get("revision") or 1, "filed_date": r.get("fecha_presentacion"),
                "actions_es": r.get("acciones"), "responsible": r.get("responsable"), "deadline": r["plazo"],
                "reason_es": r.get("motivo"), "source": "cronograma"})
    elif kind == "programa":
        for r in rows:
            add("supervision_programme", {
                "entity_code": r["entidad"], "period": r["gestion"],
                "work_kind": r.get("tipo_trabajo") or "supervision",
                "state": r["estado"], "office": r.get("unidad_responsable"), "planned_start": r.get("fecha_inicio"),
                "planned_end": r.get("fecha_fin"), "report_number": r.get("informe"),
                "notes": r.get("observaciones"), "recorded_by": recorded_by})
    else:
        raise KeyError(kind)
    return {table: _frame(records) for table, records in tables.items()}
