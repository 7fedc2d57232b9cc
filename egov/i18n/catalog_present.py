"""Texts of the presentation mode and the slides (headlines, notes, page and deck texts)."""

TEXT = {
    # --- slide names (setup panel, PPTX notes) -------------------------------------------
    "present.slide.overview.ranking": ("Posición en el índice", "Position in the index"),
    "present.slide.overview.levels": ("Entidades por grado de madurez", "Entities per maturity grade"),
    "present.slide.area": ("Área: {area}", "Area: {area}"),
    "present.slide.tools.ladder": ("Escalera de adopción", "Adoption ladder"),
    "present.slide.tools.combinations": ("Combinaciones de herramientas", "Tool combinations"),
    "present.slide.tools.network": ("Red de interoperabilidad", "Interoperability network"),
    "present.slide.recs.status": ("Recomendaciones", "Recommendations"),
    "present.slide.entity.radar": ("Perfil frente a sus pares", "Profile against peers"),
    "present.slide.entity.criteria": ("Criterios evaluados", "Criteria assessed"),
    "present.slide.entity.tools": ("Herramientas de la entidad", "The entity's tools"),
    "present.slide.entity.recs": ("Recomendaciones de la entidad", "The entity's recommendations"),
    "present.slide.recs.compliance": ("Índice de cumplimiento de recomendaciones",
                                      "Index of compliance with recommendations"),
    "present.slide.entity.compliance": ("Cumplimiento de recomendaciones de la entidad",
                                        "The entity's compliance with recommendations"),
    # --- headlines: each states the finding ----------------------------------------------
    "present.head.ranking": ("{n} de {total} entidades tienen un índice de 50 o más; la mediana es {median}",
                             "{n} of {total} entities score 50 or more; the median is {median}"),
    "present.head.levels": ("{n} de {total} entidades están en el grado «{band}», el más bajo",
                            "{n} of {total} entities are in the lowest level, “{band}”"),
    "present.head.levels_top": ("{n} de {total} entidades alcanzan el grado «{band}», el más alto",
                                "{n} of {total} entities reach the highest level, “{band}”"),
    "present.head.area": ("{area}: {n} de {total} entidades por debajo de 50 (promedio {mean})",
                          "{area}: {n} of {total} entities below 50 (mean {mean})"),
    "present.head.recs": ("{overdue} de {open} recomendaciones abiertas tienen el plazo vencido; se cumplió el {share}",
                          "{overdue} of {open} open recommendations are overdue; {share} were met"),
    "present.head.recs_none": ("No hay recomendaciones registradas en esta selección",
                               "There are no recommendations recorded in this selection"),
    "present.head.entity_radar": ("{Entity} obtiene {index} sobre 100 (grado «{band}»), posición {rank} de {ranked} en el índice",
                                  "{Entity} scores {index} out of 100 (“{band}”), rank {rank} of {ranked}"),
    "present.head.entity_radar_unranked": ("{Entity} obtiene {index} sobre 100 (grado «{band}»)",
                                           "{Entity} scores {index} out of 100 (“{band}”)"),
    "present.head.entity_criteria": ("{Entity}: {n} de {total} criterios en nivel «Establecido» o superior",
                                     "{Entity}: {n} of {total} criteria at “Established” or above"),
    "present.head.entity_tools": ("{Entity} está en el escalón {step} de {top} de la escalera de adopción: «{name}»",
                                  "{Entity} is on step {step} of {top} of the ladder: “{name}”"),
    "present.head.entity_recs": ("{Entity}: {overdue} de {total} recomendaciones con plazo vencido; cumplidas: {met}",
                                 "{Entity}: {overdue} of {total} recommendations overdue; met: {met}"),
    "present.head.compliance": (
        "{high} de {n} entidades cumplen sus recomendaciones en grado alto (índice ≥ 75) y {low} en grado bajo "
        "(< 50); la mediana del índice de cumplimiento es {median}",
        "{high} of {n} entities comply with their recommendations to a high degree (index ≥ 75) and {low} to a "
        "low one (< 50); the median compliance index is {median}"),
    "present.head.compliance_none": ("Ninguna recomendación tiene aún crédito: el índice de cumplimiento no se conoce",
                                     "No recommendation has a credit yet: the compliance index is unknown"),
    "present.head.entity_compliance": (
        "{Entity}: índice de cumplimiento de recomendaciones {index}, grupo {group}; grado {degree}, "
        "oportunidad {timeliness}",
        "{Entity}: index of compliance with recommendations {index}, group {group}; degree {degree}, "
        "timeliness {timeliness}"),
    "present.head.entity_compliance_unknown": (
        "{Entity}: el índice de cumplimiento de recomendaciones no se conoce: ninguna tiene aún crédito "
        "(oportunidad: {timeliness})",
        "{Entity}: the index of compliance with recommendations is unknown: none has a credit yet "
        "(timeliness: {timeliness})"),
    "present.compliance.unknown": ("no se conoce", "unknown"),
    "present.head.empty": ("No hay evaluaciones con estos filtros", "No assessments match these filters"),
    # --- notes ------------------------------------------------------------------------------
    "present.note.ranking": ("Mejor: {best} ({best_value}). Más baja: {worst} ({worst_value}). "
                             "Cobertura media de la evaluación: {coverage}.",
                             "Best: {best} ({best_value}). Lowest: {worst} ({worst_value}). "
                             "Mean assessment coverage: {coverage}."),
    "present.note.levels": ("Grados por tramos del índice: {ranges}.", "Levels by index range: {ranges}."),
    "present.note.area": ("Mejor: {best} ({best_value}). Más baja: {worst} ({worst_value}).{weakest}",
                          "Best: {best} ({best_value}). Lowest: {worst} ({worst_value}).{weakest}"),
    "present.note.area_weakest": (" Es el área con el promedio más bajo.", " It is the area with the lowest mean."),
    "present.note.ladder": ("Herramientas usadas mediante plataformas del Estado. {own} entidades tienen además "
                            "mecanismos propios (convenios bilaterales, contratos bancarios).",
                            "Tools used through state platforms. {own} entities also have own mechanisms "
                            "(bilateral agreements, bank contracts)."),
    "present.note.combinations": ("Herramientas usadas mediante plataformas del Estado; {n} combinaciones distintas.",
                                  "Tools used through state platforms; {n} distinct combinations."),
    "present.note.network": ("Azul: plataforma de interoperabilidad del Estado; naranja: convenios bilaterales.",
                             "Blue: the state interoperability platform; orange: bilateral agreements."),
    "present.note.recs": ("{total} recomendaciones; {entities} de {all_entities} entidades tienen alguna con plazo vencido. "
                          "Estado según el seguimiento registrado al {date}.",
                          "{total} recommendations; {entities} of {all_entities} entities have one overdue. "
                          "Status as of the follow-up recorded on {date}."),
    "present.note.entity_radar": ("Comparado con el promedio de {peers}. Cobertura de la evaluación: {coverage}.",
                                  "Compared with the mean of {peers}. Assessment coverage: {coverage}."),
    "present.note.entity_criteria": ("Nivel alcanzado en cada criterio (0 Inexistente … 4 Optimizado); "
                                     "«desconocido» y «no aplica» no cuentan como cero.",
                                     "Level reached on each criterion (0 Non-existent … 4 Optimised); "
                                     "“unknown” and “not applicable” never count as zero."),
    "present.note.entity_tools": ("Mecanismos propios: {own}.", "Own mechanisms: {own}."),
    "present.note.entity_tools_none": ("Sin mecanismos propios registrados.", "No own mechanisms recorded."),
    "present.note.entity_recs": ("Informe {report}. Estado según el seguimiento registrado al {date}.",
                                 "Report {report}. Status as of the follow-up recorded on {date}."),
    "present.note.compliance": (
        "{medium} en grado medio; {unknown} sin datos (ninguna recomendación con crédito). {timely} tienen "
        "oportunidad conocida. Índice = {w_degree} × grado + {w_time} × oportunidad (el grado solo si la "
        "oportunidad no se conoce). Recomendaciones de todas las gestiones, al {date}.",
        "{medium} to a medium degree; {unknown} with no data (no recommendation with a credit). {timely} have a "
        "known timeliness. Index = {w_degree} × degree + {w_time} × timeliness (the degree alone when the "
        "timeliness is unknown). Recommendations of every gestión, as of {date}."),
    "present.note.entity_compliance": (
        "{counted} recomendaciones con crédito, {in_time} en plazo, {without_deadline} sin plazo acordado, {na} no aplicables; cumplidas a tiempo: "
        "{on_time} de {with_deadline} con plazo acordado. {reports} informes de seguimiento hasta el {date}. "
        "Sin plazo acordado la oportunidad no se conoce: nunca se supone un plazo.",
        "{counted} recommendations with a credit, {in_time} in time, {without_deadline} without an agreed deadline, {na} not applicable; met on time: "
        "{on_time} of {with_deadline} with an agreed deadline. {reports} follow-up reports up to {date}. "
        "Without an agreed deadline the timeliness is unknown: a deadline is never assumed."),
    "present.peers.sector": ("las {n} entidades del sector {sector}", "the {n} entities of sector {sector}"),
    "present.peers.scope": ("las {n} entidades de la selección", "the {n} entities of the selection"),
    "present.peers.label": ("Promedio de los pares", "Peer mean"),
    # --- chart texts ------------------------------------------------------------------------
    "present.axis.criterion_level": ("Nivel alcanzado (0–4)", "Level reached (0–4)"),
    "present.axis.tool_status": ("Estado de adopción", "Adoption status"),
    "present.axis.recommendations": ("Recomendaciones", "Recommendations"),
    "present.col.rec_no": ("N.º", "No."),
    "present.col.recommendation": ("Recomendación", "Recommendation"),
    "present.col.area": ("Área", "Area"),
    "present.col.due": ("Plazo", "Due"),
    "present.col.status": ("Estado", "Status"),
    "present.overdue_days": ("plazo vencido hace {days} días", "overdue by {days} days"),
    "present.caption.radar": ("Puntaje de cada área (0–100) frente al promedio de sus pares.",
                              "Score of each area (0–100) against the peer mean."),
    "present.caption.criteria": ("Nivel alcanzado en cada criterio evaluado.", "Level reached on each criterion."),
    "present.caption.tools": ("Estado de adopción de cada herramienta de gobierno electrónico.",
                              "Adoption status of each e-government tool."),
    "present.caption.recs": ("Estado actual de las recomendaciones del informe.",
                             "Current status of the report's recommendations."),
    # --- source note --------------------------------------------------------------------------
    "present.source": ("Fuente: marco {framework} v{version}, gestión {period}; {scope}; generado el {date}.",
                       "Source: framework {framework} v{version}, round {period}; {scope}; generated {date}."),
    "present.scope.all": ("todas las entidades", "all entities"),
    "present.scope.sectors": ("sector: {values}", "sector: {values}"),
    "present.scope.levels": ("nivel: {values}", "level: {values}"),
    "present.scope.entities": ("entidades: {values}", "entities: {values}"),
    "present.scope.entity": ("entidad: {values}", "entity: {values}"),
    "present.demo": ("Datos de demostración", "Demonstration data"),
    # --- the page -------------------------------------------------------------------------------
    "present.page.empty": ("No hay evaluaciones para presentar con estos filtros. Cargue datos o cambie los filtros.",
                           "There are no assessments to present with these filters. Load data or change the filters."),
    "present.page.prev": ("Anterior", "Previous"),
    "present.page.next": ("Siguiente", "Next"),
    "present.page.counter": ("{at} / {total}", "{at} / {total}"),
    "present.page.keys": ("Use ← y → para avanzar", "Use ← and → to move"),
    "present.page.setup": ("Preparar la presentación y descargas", "Set up the presentation and downloads"),
    "present.page.subject": ("Presentar", "Present"),
    "present.page.subject_all": ("La selección (todas las entidades de los filtros)",
                                 "The selection (every entity in the filters)"),
    "present.page.subject_entity": ("Una entidad", "One entity"),
    "present.page.subject_peers": ("Un grupo de pares (sector)", "A peer group (sector)"),
    "present.page.entity": ("Entidad", "Entity"),
    "present.page.sector": ("Sector", "Sector"),
    "present.page.slides": ("Diapositivas", "Slides"),
    "present.page.start": ("Presentar", "Present"),
    "present.page.download_pptx": ("Descargar PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "present.page.prepare_pptx": ("Preparar PowerPoint", "Prepare PowerPoint"),
    "present.page.download_pdf": ("Descargar resumen ejecutivo (PDF)", "Download executive summary (PDF)"),
    "present.page.prepare_pdf": ("Preparar resumen ejecutivo (PDF)", "Prepare executive summary (PDF)"),
    "present.page.download_png": ("Gráfico PNG", "Chart PNG"),
    "present.page.download_svg": ("Gráfico SVG", "Chart SVG"),
    "present.page.prepare_images": ("Preparar imágenes de este gráfico", "Prepare images of this chart"),
    "present.page.download_csv": ("Datos CSV", "Data CSV"),
    "present.page.download_xlsx": ("Datos Excel", "Data Excel"),
    "present.page.images_failed": ("No se pudieron generar las imágenes: {error}",
                                   "The images could not be made: {error}"),
    "present.page.report_failed": ("No se pudo generar el informe: {error}", "The report could not be made: {error}"),
    "present.deck.cover": ("Madurez de gobierno electrónico", "E-government maturity"),
    "present.deck.cover_entity": ("Madurez de gobierno electrónico: {entity}", "E-government maturity: {entity}"),
    "present.deck.cover_sub": ("Gestión {period} · {scope}", "Round {period} · {scope}"),
    "present.page.exit": ("Salir de la presentación", "Leave the presentation"),
    "present.page.no_images": ("Este servidor no puede generar imágenes (falta Chromium): la presentación, el PDF "
                               "y las imágenes no se pueden descargar. El administrador lo instala con "
                               "`make system-deps` (paquete Debian chromium). Los datos sí se pueden descargar.",
                               "This server cannot render images (Chromium is missing): the deck, the PDF and the "
                               "images cannot be downloaded. An administrator installs it with `make system-deps` "
                               "(Debian package chromium). The data can still be downloaded."),
}
