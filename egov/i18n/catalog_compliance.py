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
        "fuera. Las que siguen en plazo, las que no tienen plazo acordado (sin cronograma o sin "
        "aceptación) y las no aceptadas no cuentan: se informan aparte, nunca como cero.\n"
        "- **Grado de cumplimiento** = 100 × suma de créditos ÷ recomendaciones con crédito.\n"
        "- **Oportunidad** = 100 × cumplidas hasta el plazo acordado ÷ cumplidas que tienen plazo acordado. "
        "El plazo es el de la última revisión del cronograma; la fecha de cumplimiento, la primera de los "
        "estados «cumplida» seguidos hasta hoy (un avance «cumplida» anterior a la calificación del informe de "
        "seguimiento cuenta desde su fecha). Una recomendación cumplida sin cronograma no tiene oportunidad: nunca se supone un plazo.\n"
        "- **Índice** = {w_degree} × grado + {w_time} × oportunidad; si la oportunidad no se conoce, el índice "
        "es el grado.\n"
        "- **Grupos**: alto (índice ≥ 75), medio (≥ 50), bajo (< 50), sin datos (ninguna recomendación con "
        "crédito).\n\n"
        "Ejemplo: una cumplida a tiempo, una cumplida tarde, una parcialmente cumplida, una no cumplida y una "
        "vencida sin cumplir dan grado 100 × 2,5 ÷ 5 = 50 y oportunidad 50; índice {w_degree} × 50 + "
        "{w_time} × 50 = 50.",
        "For each entity, at a cut-off date:\n\n"
        "- **Credit** of each recommendation: 1 when *met*, {partial} when *partially met*, 0 when *not met* or "
        "still open past its agreed deadline. *Not applicable* ones are left out. Those still in time, those "
        "without an agreed deadline (no schedule or no acceptance) and those not accepted do not count: they are reported "
        "apart, never as zero.\n"
        "- **Degree of compliance** = 100 × sum of credits ÷ recommendations with a credit.\n"
        "- **Timeliness** = 100 × met by the agreed deadline ÷ met that have an agreed deadline. The deadline is "
        "the one of the schedule's latest revision; the date met, the first of the unbroken «met» statuses up to "
        "now (a «met» progress note dated before the follow-up report's rating counts from its own date). A recommendation "
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
    "compliance.col.in_time": ("En plazo", "In time"),
    "compliance.col.without_deadline": ("Sin plazo acordado", "No agreed deadline"),
    "compliance.col.not_applicable": ("No aplicables", "Not applicable"),
    "compliance.col.as_of": ("Informe de seguimiento del", "Follow-up report of"),
    "compliance.axis.as_of": ("Fecha del informe de seguimiento", "Date of the follow-up report"),
    "compliance.groups_title": ("Entidades por grupo del índice de cumplimiento",
                                "Entities by group of the compliance index"),
    "compliance.groups_count": ("Entidades", "Entities"),
    "compliance.none": ("No hay recomendaciones con crédito a esta fecha: el índice no se conoce.",
                        "There are no recommendations with a credit at this date: the index is unknown."),
    "compliance.entity_line": (
        "Índice de cumplimiento de recomendaciones: **{index}** (grado {degree}, oportunidad {timeliness}; "
        "{counted} recomendaciones con crédito, {in_time} en plazo, {without_deadline} sin plazo acordado, {na} no aplicables).",
        "Index of compliance with recommendations: **{index}** (degree {degree}, timeliness {timeliness}; "
        "{counted} recommendations with a credit, {in_time} in time, {without_deadline} without an agreed deadline, {na} not applicable)."),
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
    "priorities.why.vencidas_one": ("1 recomendación con plazo vencido", "1 recommendation past its deadline"),
    "priorities.why.limitaciones_one": ("1 limitación al alcance en el último informe",
                                        "1 scope limitation in the last report"),
    "priorities.why.never": ("que nunca fue supervisada", "never having been supervised"),
    "priorities.why.tiempo": ("{years} años desde la última supervisión", "{years} years since the last supervision"),
    "priorities.why.limitaciones": ("{n} limitaciones al alcance en el último informe",
                                    "{n} scope limitations in the last report"),
    "priorities.why.ciudadania": ("{n} trámites que atiende", "{n} procedures it serves"),
    "priorities.why.criticidad": ("la criticidad {group} que le asignó la institución",
                                  "the {group} criticality the institution gave it"),
    "priorities.why.criticality_unknown": ("Criticidad no registrada: no suma ni se supone baja.",
                                           "Criticality not recorded: it adds nothing and is not taken as low."),
    "priorities.criticality.alta": ("alta", "high"),
    "priorities.criticality.media": ("media", "medium"),
    "priorities.criticality.baja": ("baja", "low"),
    "priorities.criticality.none": ("no registrada", "not recorded"),
    "priorities.factor.madurez": ("Baja madurez", "Low maturity"),
    "priorities.factor.caida": ("Caída desde la gestión anterior", "Fall since the previous gestión"),
    "priorities.factor.vencidas": ("Recomendaciones con plazo vencido", "Recommendations past their deadline"),
    "priorities.factor.tiempo": ("Tiempo desde la última supervisión", "Time since the last supervision"),
    "priorities.factor.limitaciones": ("Limitaciones al alcance", "Scope limitations"),
    "priorities.factor.ciudadania": ("Peso para la ciudadanía (trámites)", "Weight for citizens (procedures)"),
    "priorities.factor.criticidad": ("Criticidad asignada por la institución", "Criticality given by the institution"),
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
    "cli.col.prio_criticidad": ("Criticidad", "Criticality"),
    # The Prioridades page
    "page.prioridades": ("Prioridades", "Priorities"),
    "priorities.page.title": ("Prioridades de supervisión", "Supervision priorities"),
    "priorities.page.intro": (
        "Una prioridad de 0 a 100 para cada entidad del registro, en la gestión elegida: la media ponderada de "
        "siete factores, cada uno entre 0 y 1. Cada factor muestra su valor y su parte en la prioridad.",
        "A priority from 0 to 100 for every entity of the register, in the chosen gestión: the weighted mean of "
        "seven factors, each between 0 and 1. Each factor shows its value and its share in the priority."),
    "priorities.page.no_round": ("Elija una gestión en la barra lateral.", "Choose a gestión in the sidebar."),
    "priorities.page.none": ("No hay entidades en la selección.", "There are no entities in the selection."),
    "priorities.page.as_of": ("Fecha de corte", "Cut-off date"),
    "priorities.page.as_of_help": ("Los plazos vencidos y el tiempo desde la última supervisión se leen a esta fecha.",
                                   "Overdue deadlines and the time since the last supervision are read at this date."),
    "priorities.page.weights": ("Pesos de los factores", "Factor weights"),
    "priorities.page.weights_help": ("Un peso 0 deja el factor fuera. Los pesos por defecto son los documentados "
                                     "en la metodología.",
                                     "A weight of 0 leaves the factor out. The defaults are the documented ones."),
    "priorities.page.reason": ("Por qué", "Why"),
    "priorities.page.axis": ("Puntos de prioridad que aporta cada factor", "Priority points each factor adds"),
    "priorities.page.chart_title": ("Las {n} entidades con más prioridad en {period} y lo que aporta cada factor",
                                    "The {n} entities with the highest priority in {period} and what each factor adds"),
    "priorities.page.download": ("Descargar prioridades (Excel)", "Download priorities (Excel)"),
    "priorities.page.note_scope": ("Prioridades de supervisión, gestión {period}, al {date}.",
                                   "Supervision priorities, gestión {period}, as of {date}."),
    "priorities.page.note_weights": ("Pesos: {weights}.", "Weights: {weights}."),
    "priorities.page.note_formula": (
        "Prioridad = 100 × Σ peso × factor ÷ Σ pesos; parte de un factor = peso × factor ÷ Σ peso × factor.",
        "Priority = 100 × Σ weight × factor ÷ Σ weights; share of a factor = weight × factor ÷ Σ weight × factor."),
    "priorities.page.method": ("Cómo se calcula la prioridad", "How the priority is computed"),
    "priorities.page.method_body": (
        "Prioridad = 100 × Σ peso × factor ÷ Σ pesos. Cada factor vale entre 0 y 1 (1 = más razón para supervisar):\n\n"
        "- **Baja madurez**: 1 − (índice + puntaje del área más débil) ÷ 200, de la última evaluación hasta la "
        "gestión. Sin evaluación: 0 (no se sabe nada de su madurez; el tiempo ya la cuenta).\n"
        "- **Caída**: puntos perdidos desde la evaluación anterior ÷ 20.\n"
        "- **Recomendaciones con plazo vencido** (a la fecha de corte) ÷ 5. Sin cronograma no hay plazo vencido.\n"
        "- **Tiempo desde la última supervisión**: años ÷ 4. **Nunca supervisada: 1**, el máximo.\n"
        "- **Limitaciones al alcance** del último informe ÷ 5.\n"
        "- **Peso para la ciudadanía**: trámites que atiende con herramientas de gobierno electrónico ÷ el mayor "
        "número entre las entidades. Sin dato: 0.\n"
        "- **Criticidad asignada por la institución** (columna `grupo_criticidad` del archivo de entidades): "
        "alta 1, media 2/3, baja 1/3. **Sin grupo registrado: 0, y nunca se toma como «baja»** (una entidad "
        "baja suma un tercio; una sin grupo no suma nada porque no se sabe); su explicación dice «Criticidad no "
        "registrada».\n\n"
        "Cada valor se limita a 1. Pesos por defecto (los de `egov prioridades --peso FACTOR=PESO`): {weights} "
        "(suman {total}). La parte de un factor es peso × factor ÷ Σ peso × factor. Empates: por código de entidad.",
        "Priority = 100 × Σ weight × factor ÷ Σ weights. Each factor lies between 0 and 1 (1 = most reason to "
        "supervise):\n\n"
        "- **Low maturity**: 1 − (index + weakest area score) ÷ 200, from the latest assessment up to the "
        "gestión. Never assessed: 0 (nothing is known of its maturity; the time factor counts it).\n"
        "- **Fall**: points lost since the previous assessment ÷ 20.\n"
        "- **Recommendations past their deadline** (at the cut-off date) ÷ 5. Without a schedule there is no "
        "deadline to pass.\n"
        "- **Time since the last supervision**: years ÷ 4. **Never supervised: 1**, the maximum.\n"
        "- **Scope limitations** of the last report ÷ 5.\n"
        "- **Weight for citizens**: procedures served through e-government tools ÷ the largest number among the "
        "entities. Not recorded: 0.\n"
        "- **Criticality given by the institution** (the entities file's `grupo_criticidad` column): high 1, "
        "medium 2/3, low 1/3. **No group recorded: 0, and never taken as «low»** (a low entity adds a third; one "
        "without a group adds nothing, as nothing is known); its sentence says «criticality not recorded».\n\n"
        "Each value is capped at 1. Default weights (those of `egov prioridades --peso FACTOR=WEIGHT`): {weights} "
        "(sum {total}). A factor's share is weight × factor ÷ Σ weight × factor. Ties: by entity code."),
    "priorities.help.madurez": ("1 − (índice + área más débil) ÷ 200.", "1 − (index + weakest area) ÷ 200."),
    "priorities.help.caida": ("Puntos perdidos desde la evaluación anterior ÷ 20.",
                              "Points lost since the previous assessment ÷ 20."),
    "priorities.help.vencidas": ("Recomendaciones con plazo acordado vencido ÷ 5.",
                                 "Recommendations past their agreed deadline ÷ 5."),
    "priorities.help.tiempo": ("Años desde la última supervisión ÷ 4; nunca supervisada = 1.",
                               "Years since the last supervision ÷ 4; never supervised = 1."),
    "priorities.help.limitaciones": ("Limitaciones al alcance del último informe ÷ 5.",
                                     "Scope limitations of the last report ÷ 5."),
    "priorities.help.ciudadania": ("Trámites que atiende ÷ el mayor número entre las entidades.",
                                   "Procedures it serves ÷ the largest number among the entities."),
    "priorities.help.criticidad": ("Grupo de criticidad de la institución: alta 1, media 2/3, baja 1/3; sin grupo "
                                   "registrado 0 (nunca se supone baja).",
                                   "The institution's criticality group: high 1, medium 2/3, low 1/3; no group "
                                   "recorded 0 (never assumed low)."),
}
