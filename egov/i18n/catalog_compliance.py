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
    # Priorities (egov.priorities)
    "priorities.error.unknown_factor": ("No existe el factor «{name}». Los factores son: {known}.",
                                        "There is no factor «{name}». The factors are: {known}."),
    "priorities.error.bad_weight": ("El peso de «{name}» debe ser un número mayor o igual que cero (se dio {value}).",
                                    "The weight of «{name}» must be a number of zero or more (given {value})."),
    "priorities.error.all_zero": ("Todos los pesos son cero: dé a algún factor un peso mayor que cero.",
                                  "Every weight is zero: give some factor a weight above zero."),
    "priorities.why.head": ("Puesto {rank} de {of} (prioridad {value}):", "Place {rank} of {of} (priority {value}):"),
    "priorities.why.because": ("pesan sobre todo {reasons}.", "mostly {reasons}."),
    "priorities.why.and": (" y ", " and "),
    "priorities.why.nothing": ("ningún factor la señala.", "no factor points to it."),
    "priorities.why.madurez": ("la baja madurez (índice {index}; área más débil {area}, {score})",
                               "low maturity (index {index}; weakest area {area}, {score})"),
    "priorities.why.caida": ("la caída de {points} puntos desde {before}", "a fall of {points} points since {before}"),
    "priorities.why.vencidas": ("{n} recomendaciones con plazo vencido", "{n} recommendations past their deadline"),
    "priorities.why.never": ("que nunca fue supervisada", "never having been supervised"),
    "priorities.why.tiempo": ("{years} años desde la última supervisión", "{years} years since the last supervision"),
    "priorities.why.limitaciones": ("{n} limitaciones al alcance en el último informe",
                                    "{n} scope limitations in the last report"),
    "priorities.why.ciudadania": ("{n} trámites que atiende", "{n} procedures it serves"),
    "priorities.factor.madurez": ("Baja madurez", "Low maturity"),
    "priorities.factor.caida": ("Caída desde la gestión anterior", "Fall since the previous gestión"),
    "priorities.factor.vencidas": ("Recomendaciones con plazo vencido", "Recommendations past their deadline"),
    "priorities.factor.tiempo": ("Tiempo desde la última supervisión", "Time since the last supervision"),
    "priorities.factor.limitaciones": ("Limitaciones al alcance", "Scope limitations"),
    "priorities.factor.ciudadania": ("Peso para la ciudadanía (trámites)", "Weight for citizens (procedures)"),
    # egov prioridades
    "cli.prio.bad_date": ("La fecha «{value}» no se entiende: escríbala como DD/MM/AAAA, por ejemplo 01/06/2025.",
                          "The date «{value}» is not understood: write it as DD/MM/YYYY, e.g. 01/06/2025."),
    "cli.prio.header": ("Prioridades de supervisión, gestión {period}, marco {framework}, al {date}. "
                        "Pesos: {weights}. Cada factor: valor 0–1 (parte en la prioridad).",
                        "Supervision priorities, gestión {period}, framework {framework}, as of {date}. "
                        "Weights: {weights}. Each factor: value 0–1 (share in the priority)."),
    "cli.prio.synthetic": ("ATENCIÓN: incluye datos sintéticos de demostración (no son datos oficiales).",
                           "WARNING: includes synthetic demonstration data (not official data)."),
    "cli.col.prio_rank": ("Puesto", "Place"),
    "cli.col.prio_priority": ("Prioridad", "Priority"),
    "cli.col.prio_madurez": ("Madurez", "Maturity"),
    "cli.col.prio_caida": ("Caída", "Fall"),
    "cli.col.prio_vencidas": ("Vencidas", "Overdue"),
    "cli.col.prio_tiempo": ("Tiempo", "Time"),
    "cli.col.prio_limitaciones": ("Limitaciones", "Limitations"),
    "cli.col.prio_ciudadania": ("Ciudadanía", "Citizens"),
}
