"""Texts of the presentation mode and the exports (deck, executive summary, data files)."""

TEXT = {
    # --- errors -----------------------------------------------------------------------
    "export.error.unknown_entity": ("la entidad {entity!r} no existe; vea los códigos con `egov scores`",
                                    "entity {entity!r} does not exist; see the codes with `egov scores`"),
    "export.error.no_assessment": ("la entidad {entity} no tiene evaluaciones con el marco {framework}",
                                   "entity {entity} has no assessment with framework {framework}"),
    "export.error.no_assessment_period": ("la entidad {entity} no fue evaluada en la gestión {period}",
                                          "entity {entity} was not assessed in round {period}"),
    "export.error.no_data": ("no hay evaluaciones para mostrar con estos filtros",
                             "there are no assessments to show with these filters"),
    # --- statuses -----------------------------------------------------------------------
    "export.tool_status.ninguna": ("Ninguna", "None"),
    "export.tool_status.planificada": ("Planificada", "Planned"),
    "export.tool_status.propia": ("Mecanismo propio", "Own mechanism"),
    "export.tool_status.plataforma": ("Plataforma del Estado", "State platform"),
    "export.tool_status.sin_dato": ("Desconocido", "Unknown"),
    "export.score_status.desconocido": ("Desconocido", "Unknown"),
    "export.score_status.no_aplica": ("No aplica", "Not applicable"),
    "export.score_status.sin_dato": ("Desconocido", "Unknown"),
    "export.channel.plataforma": ("plataforma del Estado", "state platform"),
    "export.channel.bilateral": ("convenio bilateral", "bilateral agreement"),
    # --- the executive summary ------------------------------------------------------------
    "export.report.institution": ("CONTRALORÍA GENERAL DEL ESTADO", "CONTRALORÍA GENERAL DEL ESTADO"),
    "export.report.country": ("ESTADO PLURINACIONAL DE BOLIVIA", "PLURINATIONAL STATE OF BOLIVIA"),
    "export.report.title": ("RESUMEN EJECUTIVO", "EXECUTIVE SUMMARY"),
    "export.report.synthetic": ("DATOS DE DEMOSTRACIÓN — no es un informe real de la Contraloría",
                                "DEMONSTRATION DATA — not a real report of the Contraloría"),
    "export.report.entity": ("Entidad", "Entity"),
    "export.report.reference": ("Referencia", "Reference"),
    "export.report.reference_text": (
        "Supervisión a las acciones realizadas para mejorar los trámites y/o servicios prestados a la "
        "ciudadanía en el marco de la normativa de Gobierno Electrónico",
        "Supervision of the actions taken to improve the procedures and/or services provided to citizens "
        "under the e-government rules"),
    "export.report.number": ("Informe N.º", "Report no."),
    "export.report.objective": ("Objetivo", "Objective"),
    "export.report.objective_text": (
        "Evaluar las acciones realizadas por {entity} para mejorar los trámites y/o servicios prestados a "
        "la ciudadanía, orientados a la calidad, eficacia y transparencia en el marco de la normativa de "
        "Gobierno Electrónico establecida y vigente.",
        "To assess the actions taken by {entity} to improve the procedures and/or services it provides to "
        "citizens, aimed at quality, effectiveness and transparency under the e-government rules in force."),
    "export.report.object": ("Objeto", "Object"),
    "export.report.object_text": (
        "Las acciones realizadas por {entity} para mejorar los trámites y/o servicios que presta a la "
        "ciudadanía. Para lo cual, se examinaron y verificaron los siguientes aspectos institucionales que "
        "coadyuvan a este propósito:",
        "The actions taken by {entity} to improve the procedures and/or services it provides to citizens. "
        "To that end, the following institutional aspects that contribute to this purpose were examined and "
        "verified:"),
    "export.report.object.PLAN": (
        "La Planificación Institucional, respecto a la verificación de la articulación del Plan Institucional "
        "de Implementación de Gobierno Electrónico (PIIGE), aprobado formalmente, con el Plan Estratégico "
        "Institucional (PEI) y el Plan Operativo Anual (POA).",
        "Institutional planning: whether the formally approved Institutional E-Government Implementation Plan "
        "(PIIGE) is articulated with the Institutional Strategic Plan (PEI) and the Annual Operating Plan "
        "(POA)."),
    "export.report.object.ORG": (
        "La formalización del diseño organizacional definido para el ámbito de TIC a través de la revisión "
        "del Manual de Organización y Funciones (MOF).",
        "The formalisation of the organisational design of the ICT function, through a review of the Manual "
        "of Organisation and Functions (MOF)."),
    "export.report.object.INFRA": ("La Infraestructura Tecnológica con la que cuenta {entity}.",
                                   "The technological infrastructure of {entity}."),
    "export.report.object.PROC": (
        "Los procesos, trámites y/o servicios que {entity} presta a la ciudadanía, establecidos en el "
        "Manual de Procesos y Procedimientos (MPP) aprobado.",
        "The processes, procedures and/or services {entity} provides to citizens, as set in the approved "
        "Manual of Processes and Procedures (MPP)."),
    "export.report.object.HERR": (
        "La integración de Herramientas de Gobierno Electrónico dentro de los procesos, trámites y/o "
        "servicios que {entity} ejecuta o presta a la ciudadanía.",
        "The integration of e-government tools in the processes, procedures and/or services {entity} runs "
        "or provides to citizens."),
    "export.report.object.generic": ("{area}: {criteria}.", "{area}: {criteria}."),
    "export.report.issue_date": ("Fecha de emisión", "Issue date"),
    "export.report.results": ("Resultados por área de supervisión", "Results by supervision area"),
    "export.report.index_line": (
        "En la gestión {period}, {entity} obtiene un índice de madurez de {index} sobre 100 (grado "
        "«{band}»), posición {rank} de {ranked} entidades evaluadas en el índice; cobertura de la evaluación: "
        "{coverage}.",
        "In round {period}, {entity} has a maturity index of {index} out of 100 (grade “{band}”), rank {rank} "
        "of {ranked} assessed entities; assessment coverage: {coverage}."),
    "export.report.area_title": ("{area} — {score} / 100 (cobertura {coverage})",
                                 "{area} — {score} / 100 (coverage {coverage})"),
    "export.report.no_findings": ("El informe no registra hallazgos en esta área.",
                                  "The report records no finding in this area."),
    "export.report.col.criterion": ("Criterio", "Criterion"),
    "export.report.col.level": ("Nivel", "Level"),
    "export.report.col.evidence": ("Evidencia", "Evidence"),
    "export.report.col.tool": ("Herramienta", "Tool"),
    "export.report.col.area": ("Área de supervisión", "Supervision area"),
    "export.report.col.score": ("Puntaje (0–100)", "Score (0–100)"),
    "export.report.col.coverage": ("Cobertura", "Coverage"),
    "export.report.index_row": ("Índice de madurez", "Maturity index"),
    "export.report.col.status": ("Estado", "Status"),
    "export.report.col.scope": ("Alcance", "Scope"),
    "export.report.tools": ("Herramientas de gobierno electrónico", "E-government tools"),
    "export.report.ladder_line": (
        "Escalera de adopción: {entity} está en el escalón {step} de {top}, «{name}» (herramientas "
        "usadas mediante plataformas del Estado). Los mecanismos propios se muestran aparte.",
        "Adoption ladder: {entity} is on step {step} of {top}, “{name}” (tools used through state "
        "platforms). Own mechanisms are shown separately."),
    "export.report.procedures": ("Trámites: {n}.", "Procedures: {n}."),
    "export.report.partners": ("{Entity} intercambia información por interoperabilidad con:",
                               "{Entity} exchanges information through interoperability with:"),
    "export.report.recommendations": ("Recomendaciones", "Recommendations"),
    "export.report.recommend_intro": ("Por lo señalado se recomienda:", "In view of the above, it is recommended:"),
    "export.report.no_recommendations": ("No hay recomendaciones registradas para esta evaluación.",
                                         "There are no recommendations recorded for this assessment."),
    "export.report.rec_detail": ("Área: {area} · Plazo: {due} · Estado actual: {status}.",
                                 "Area: {area} · Due: {due} · Current status: {status}."),
    "export.report.rec_overdue": ("Vencida hace {days} días.", "Overdue by {days} days."),
    "export.report.rec_status_note": (
        "El estado de cada recomendación es el del seguimiento registrado al {date}; el resto del texto "
        "resume el informe de supervisión.",
        "Each recommendation's status is the follow-up recorded as of {date}; the rest of the text summarises "
        "the supervision report."),
    "export.report.page": ("Página {page}", "Page {page}"),
    # --- source notes ----------------------------------------------------------------------
    "export.source.report": ("Fuente: marco {framework} v{version}, gestión {period}; generado el {date}.",
                             "Source: framework {framework} v{version}, round {period}; generated {date}."),
    "export.source.synthetic": ("Incluye datos sintéticos de demostración.",
                                "Includes synthetic demonstration data."),
}
