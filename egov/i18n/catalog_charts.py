"""Texts inside the charts: axes, hover labels, legends, empty states."""

TEXT = {
    # Axes
    "chart.axis.area": ("Área de supervisión", "Supervision area"),
    "chart.axis.area_score": ("Puntaje del área (0–100)", "Area score (0–100)"),
    "chart.axis.band": ("Grado de madurez", "Maturity grade"),
    "chart.axis.change": ("Cambio del índice (puntos)", "Change in the index (points)"),
    "chart.axis.entities": ("Entidades", "Entities"),
    "chart.axis.entity": ("Entidad", "Entity"),
    "chart.axis.index": ("Índice de madurez (0–100)", "Maturity index (0–100)"),
    "chart.axis.period": ("Gestión supervisada", "Supervision round"),
    "chart.axis.score_short": ("Puntaje", "Score"),
    "chart.axis.share_entities": ("Porcentaje de entidades", "Share of entities"),
    "chart.axis.share_failing": ("Entidades por debajo del nivel «Establecido»",
                                 "Entities below the “Established” level"),
    # Hover labels
    "chart.hover.area": ("Área", "Area"),
    "chart.hover.band": ("Grado", "Grade"),
    "chart.hover.change": ("Cambio", "Change"),
    "chart.hover.coverage": ("Cobertura", "Coverage"),
    "chart.hover.entities": ("Entidades", "Entities"),
    "chart.hover.failing": ("Entidades que no alcanzan el nivel", "Entities below the level"),
    "chart.hover.index": ("Índice", "Index"),
    "chart.hover.links": ("Vínculos de interoperabilidad", "Interoperability links"),
    "chart.hover.own_mechanisms": ("Con mecanismos propios", "With own mechanisms"),
    "chart.hover.rank": ("Posición", "Rank"),
    # Adoption status of a tool (cells of the tool matrix) and "no data"
    "chart.status.ninguna": ("Ninguna", "None"),
    "chart.status.planificada": ("Planificada", "Planned"),
    "chart.status.propia": ("Mecanismo propio", "Own mechanism"),
    "chart.status.plataforma": ("Plataforma del Estado", "State platform"),
    "chart.status.sin_dato": ("Desconocido", "Unknown"),
    # Interoperability network
    "chart.channel.plataforma": ("Por la plataforma del Estado", "Through the state platform"),
    "chart.channel.bilateral": ("Relación interinstitucional propia", "Own inter-institutional link"),
    "chart.node.entity": ("Entidad supervisada", "Supervised entity"),
    "chart.node.partner": ("Institución contraparte", "Partner institution"),
    # Empty states: say what is missing and where to load it
    "chart.empty.no_scores": ("No hay puntajes para esta selección. Cargue evaluaciones en «Cargar datos» "
                              "o amplíe los filtros.",
                              "No scores for this selection. Load assessments in “Load data” or widen the filters."),
    "chart.empty.no_tools": ("No hay datos de herramientas de gobierno electrónico para esta selección. "
                             "Cargue un archivo «herramientas» en «Cargar datos».",
                             "No e-government tool data for this selection. Load a “herramientas” file in "
                             "“Load data”."),
    "chart.empty.no_history": ("Hacen falta al menos dos gestiones evaluadas para ver cambios. Cargue la gestión "
                               "anterior en «Cargar datos».",
                               "At least two assessed rounds are needed to see changes. Load the previous "
                               "round in “Load data”."),
    "chart.empty.no_partners": ("No hay instituciones contraparte de interoperabilidad registradas para esta selección.",
                                "No interoperability partners recorded for this selection."),
    # When a chart shows only part of the entities (see charts.base.MAX_ENTITY_ROWS)
    "chart.note.extremes": ("Se muestran las {half} entidades con el valor más alto y las {half} con el más bajo, "
                            "de {total}. Use los filtros de sector, nivel o entidad para ver las demás.",
                            "Showing the {half} entities with the highest value and the {half} with the lowest, "
                            "of {total}. Use the sector, level or entity filters to see the others."),
    "chart.note.first_rows": ("Se muestran las primeras {shown} de {total} entidades en el orden elegido. Use los "
                              "filtros de sector, nivel o entidad para ver las demás.",
                              "Showing the first {shown} of {total} entities in the chosen order. Use the sector, "
                              "level or entity filters to see the others."),
    # Under a table of more rows than a browser can read (egov.ui.show.table)
    "table.note.first_rows": ("Se muestran las primeras {shown} de {total} filas, en el orden de la tabla. Acote "
                              "con los filtros o descargue la tabla completa.",
                              "Showing the first {shown} of {total} rows, in the table's order. Narrow them with "
                              "the filters or download the whole table."),
    "chart.note.spread_dots": ("Cada caja resume a todas las entidades ({total}); como puntos se muestran, en cada "
                               "área, las {half} de puntaje más alto y las {half} de más bajo. Use los filtros de "
                               "sector, nivel o entidad para ver las demás.",
                               "Each box summarises every entity ({total}); the dots are, in each area, the {half} "
                               "with the highest score and the {half} with the lowest. Use the sector, level or "
                               "entity filters to see the others."),
    "chart.note.series_break": ("Cambio de metodología: versión {version}", "Methodology change: version {version}"),
}
