"""Texts of the index of compliance with recommendations (egov.compliance) and of the priorities (egov.priorities)."""

TEXT = {
    "compliance.title": ("Índice de cumplimiento de recomendaciones", "Index of compliance with recommendations"),
    "followup.tab.compliance": ("Índice de cumplimiento", "Compliance index"),
    "compliance.methodology_title": ("Cómo se calcula el índice de cumplimiento de recomendaciones",
                                     "How the index of compliance with recommendations is computed"),
    "compliance.methodology": (
        "Para cada entidad, a una fecha de corte:\n\n"
        "- **Crédito** de cada recomendación: 1 si está *cumplida*, {partial} si está *parcialmente cumplida*, "
        "0 si está *no cumplida* o sigue abierta con el plazo acordado vencido. Las *no aplicables* quedan "
        "fuera. Las que aún no vencen (en plazo, sin cronograma o sin aceptación) y las no aceptadas no "
        "cuentan: se informan aparte, nunca como cero.\n"
        "- **Grado de cumplimiento** = 100 × suma de créditos ÷ recomendaciones con crédito.\n"
        "- **Oportunidad** = 100 × cumplidas hasta el plazo acordado ÷ cumplidas que tienen plazo acordado. "
        "El plazo es el de la última revisión del cronograma; la fecha de cumplimiento, la de la calificación "
        "«cumplida». Una recomendación cumplida sin cronograma no tiene oportunidad: nunca se supone un plazo.\n"
        "- **Índice** = {w_degree} × grado + {w_time} × oportunidad; si la oportunidad no se conoce, el índice "
        "es el grado.\n"
        "- **Grupos**: alto (índice ≥ 75), medio (≥ 50), bajo (< 50), sin datos (ninguna recomendación con "
        "crédito).\n\n"
        "Ejemplo: una cumplida a tiempo, una cumplida tarde, una parcialmente cumplida, una no cumplida y una "
        "vencida sin cumplir dan grado 100 × 2,5 ÷ 5 = 50 y oportunidad 50; índice {w_degree} × 50 + "
        "{w_time} × 50 = 50.",
        "For each entity, at a cut-off date:\n\n"
        "- **Credit** of each recommendation: 1 when *met*, {partial} when *partially met*, 0 when *not met* or "
        "still open past its agreed deadline. *Not applicable* ones are left out. Those not yet due (in time, "
        "without a schedule or without an acceptance) and those not accepted do not count: they are reported "
        "apart, never as zero.\n"
        "- **Degree of compliance** = 100 × sum of credits ÷ recommendations with a credit.\n"
        "- **Timeliness** = 100 × met by the agreed deadline ÷ met that have an agreed deadline. The deadline is "
        "the one of the schedule's latest revision; the date met, that of the «met» rating. A recommendation "
        "met without a schedule has no timeliness: a deadline is never assumed.\n"
        "- **Index** = {w_degree} × degree + {w_time} × timeliness; when the timeliness is unknown the index is "
        "the degree.\n"
        "- **Groups**: high (index ≥ 75), medium (≥ 50), low (< 50), no data (no recommendation with a credit).\n\n"
        "Example: one met on time, one met late, one partially met, one not met and one overdue give degree "
        "100 × 2.5 ÷ 5 = 50 and timeliness 50; index {w_degree} × 50 + {w_time} × 50 = 50."),
    "compliance.group.alto": ("Alto (≥ 75)", "High (≥ 75)"),
    "compliance.group.medio": ("Medio (50–75)", "Medium (50–75)"),
    "compliance.group.bajo": ("Bajo (< 50)", "Low (< 50)"),
    "compliance.group.sin_datos": ("Sin datos", "No data"),
    "compliance.col.entity": ("Entidad", "Entity"),
    "compliance.col.index": ("Índice de cumplimiento", "Compliance index"),
    "compliance.col.degree": ("Grado", "Degree"),
    "compliance.col.timeliness": ("Oportunidad", "Timeliness"),
    "compliance.col.group": ("Grupo", "Group"),
    "compliance.col.counted": ("Con crédito", "With a credit"),
    "compliance.col.not_yet_due": ("Aún no vencen", "Not yet due"),
    "compliance.col.not_applicable": ("No aplicables", "Not applicable"),
    "compliance.col.as_of": ("Informe de seguimiento del", "Follow-up report of"),
    "compliance.groups_title": ("Entidades por grupo del índice de cumplimiento",
                                "Entities by group of the compliance index"),
    "compliance.groups_count": ("Entidades", "Entities"),
    "compliance.none": ("No hay recomendaciones con crédito a esta fecha: el índice no se conoce.",
                        "There are no recommendations with a credit at this date: the index is unknown."),
    "compliance.entity_line": (
        "Índice de cumplimiento de recomendaciones: **{index}** (grado {degree}, oportunidad {timeliness}; "
        "{counted} recomendaciones con crédito, {not_yet_due} aún no vencen, {na} no aplicables).",
        "Index of compliance with recommendations: **{index}** (degree {degree}, timeliness {timeliness}; "
        "{counted} recommendations with a credit, {not_yet_due} not yet due, {na} not applicable)."),
    "compliance.evolution": ("Evolución en los informes de seguimiento", "Evolution across follow-up reports"),
    "compliance.download": ("Descargar índice de cumplimiento (Excel)", "Download compliance index (Excel)"),
}
