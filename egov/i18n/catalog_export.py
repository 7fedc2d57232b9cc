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
    "export.score_status.limitacion": ("Limitación al alcance", "Scope limitation"),
    "export.channel.plataforma": ("plataforma del Estado", "state platform"),
    "export.channel.bilateral": ("relación interinstitucional propia", "own inter-institutional link"),
    # --- the executive summary ------------------------------------------------------------
    "export.report.institution": ("CONTRALORÍA GENERAL DEL ESTADO", "CONTRALORÍA GENERAL DEL ESTADO"),
    "export.report.country": ("ESTADO PLURINACIONAL DE BOLIVIA", "PLURINATIONAL STATE OF BOLIVIA"),
    "export.report.title": ("RESUMEN EJECUTIVO", "EXECUTIVE SUMMARY"),
    "export.report.synthetic": ("DATOS DE DEMOSTRACIÓN — no es un informe real de la Contraloría",
                                "DEMONSTRATION DATA — not a real report of the Contraloría"),
    "export.report.entity": ("Entidad", "Entity"),
    "export.report.reference": ("Referencia", "Reference"),
    "export.report.number": ("Informe N.º", "Report no."),
    "export.report.objective": ("Objetivo", "Objective"),
    "export.report.object": ("Objeto", "Object"),
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
    "export.report.compliance": (
        "Índice de cumplimiento de recomendaciones: {index} (grado {degree}, oportunidad {timeliness}); {counted} "
        "recomendaciones con crédito, {in_time} en plazo, {without_deadline} sin plazo acordado, {na} no aplicables; cumplidas a tiempo: {on_time} "
        "de {with_deadline} con plazo acordado. Sin crédito o sin plazo acordado el valor no se conoce: nunca se "
        "supone cero ni un plazo. La fórmula está en la página Metodología.",
        "Index of compliance with recommendations: {index} (degree {degree}, timeliness {timeliness}); {counted} "
        "recommendations with a credit, {in_time} in time, {without_deadline} without an agreed deadline, {na} not applicable; met on time: {on_time} of "
        "{with_deadline} with an agreed deadline. Without a credit or an agreed deadline the value is unknown: "
        "neither a zero nor a deadline is ever assumed. The formula is on the Metodología page."),
    "export.report.rec_status_note": (
        "La etapa de cada recomendación es la del seguimiento registrado al {date} (aceptación, cronograma, "
        "informes de seguimiento); no forma parte del informe de supervisión.",
        "Each recommendation's stage is the follow-up recorded as of {date} (acceptance, schedule, follow-up "
        "reports); it is not part of the supervision report."),
    "export.report.page": ("Página {page}", "Page {page}"),
    # --- the record apart from the dashboard (issue 13) ---------------------------------------
    "export.report.not_recorded": ("No registrado: cargue el informe con un archivo «informes».",
                                   "Not recorded: load the report with an 'informes' file."),
    "export.report.part_report": ("Lo que dice el informe", "What the report says"),
    "export.report.part_report_note": (
        "Textos del informe de supervisión tal como se emitió (solo se corrigieron errores de digitalización).",
        "Texts of the supervision report as issued (only digitisation errors were corrected)."),
    "export.report.results_as_issued": ("Resultados", "Results"),
    "export.report.no_results": ("Los resultados del informe no están registrados.",
                                 "The report's results are not recorded."),
    "export.report.limitation": (
        "Limitación al alcance — {criterion}: documento solicitado y no proporcionado (solicitud: {request}; "
        "fecha: {date}). No cuenta en el índice.",
        "Scope limitation — {criterion}: document requested and not provided (request: {request}; date: "
        "{date}). Not counted in the index."),
    "export.report.correction": ("Corrección editorial (el texto emitido se conserva): «{text}» {note}",
                                 "Editorial correction (the issued text is kept): “{text}” {note}"),
    "export.report.part_followup": ("Seguimiento registrado de las recomendaciones",
                                    "Recorded follow-up of the recommendations"),
    "export.report.col.rec": ("N.º", "No."),
    "export.report.col.stage": ("Etapa", "Stage"),
    "export.report.col.deadline": ("Plazo acordado", "Agreed deadline"),
    "export.report.no_deadline": ("Sin plazo: no hay cronograma de implementación registrado.",
                                  "No deadline: no implementation schedule is recorded."),
    "export.report.part_dashboard": ("Lo que calcula el tablero", "What the dashboard computes"),
    "export.report.part_dashboard_note": (
        "Índice, niveles, gráficos y posición calculados por el tablero con el marco {framework} v{version} a "
        "partir del informe: no forman parte del informe emitido.",
        "Index, levels, charts and position computed by the dashboard with framework {framework} v{version} "
        "from the report: they are not part of the issued report."),
    "export.report.index_line_unranked": (
        "En la gestión {period}, {entity} obtiene un índice de madurez de {index} sobre 100 (grado "
        "«{band}»); cobertura de la evaluación: {coverage}.",
        "In {period}, {entity} has a maturity index of {index} out of 100 (band “{band}”); assessment "
        "coverage: {coverage}."),
    # --- source notes ----------------------------------------------------------------------
    "export.source.report": ("Fuente: marco {framework} v{version}, gestión {period}; generado el {date}.",
                             "Source: framework {framework} v{version}, round {period}; generated {date}."),
    "export.source.synthetic": ("Incluye datos sintéticos de demostración.",
                                "Includes synthetic demonstration data."),
}
