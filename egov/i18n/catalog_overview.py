"""Texts of the overview pages (Resumen, Áreas de supervisión, Herramientas) and the
one-sentence findings their charts state (``egov.charts.findings``)."""

TEXT = {
    # --- Minimum coverage (migration 007) -----------------------------------------------------
    "scores.insufficient_note": (
        "Cobertura insuficiente ({count}): por debajo del mínimo del marco ({minimum} de los criterios aplicables "
        "con puntaje), el índice no se muestra ni entra en posiciones, promedios ni gráficos del índice: {names}.",
        "Insufficient coverage ({count}): below the framework's minimum ({minimum} of applicable criteria "
        "scored), the index is not shown nor counted in positions, averages or index charts: {names}."),
    "scores.insufficient": ("cobertura insuficiente", "insufficient coverage"),
    # --- What verification changed (Áreas page) -----------------------------------------------
    "verify.heading": ("Autoevaluación y verificación", "Self-assessment and verification"),
    "verify.none": ("Ninguna entidad de esta selección presentó autoevaluación: cárguela en «Cargar datos» como "
                    "puntajes con fuente «declarado» (plantilla: egov self-assessment).",
                    "No entity in this selection filed a self-assessment: load it in “Load data” as scores "
                    "with source 'declarado' (template: egov self-assessment)."),
    "verify.finding": (
        "{n} entidades presentaron autoevaluación; {name} es la que más se aleja de lo verificado ({gap} puntos "
        "de índice); en promedio, lo declarado supera al índice oficial en {mean} puntos.",
        "{n} entities filed a self-assessment; {name} departs most from what was verified ({gap} index points); "
        "on average the declared index exceeds the official one by {mean} points."),
    "verify.col.entity": ("Entidad", "Entity"),
    "verify.col.declared": ("Índice declarado", "Declared index"),
    "verify.col.official": ("Índice oficial", "Official index"),
    "verify.col.gap": ("Diferencia (declarado − oficial)", "Gap (declared − official)"),
    "verify.col.share": ("Parte verificada", "Verified share"),
    "verify.col.area": ("Área", "Area"),
    "verify.col.mean_gap": ("Diferencia media (declarado − oficial)", "Mean gap (declared − official)"),
    "verify.col.n": ("Entidades", "Entities"),
    "verify.help": (
        "El índice oficial usa el puntaje verificado por la supervisión donde lo hay y el declarado donde no; "
        "la parte verificada es la proporción de criterios con puntaje que descansa en lo verificado.",
        "The official index uses the supervisor's verified score where there is one and the declared score "
        "otherwise; the verified share is the proportion of scored criteria resting on what was verified."),
    # --- Findings: the sentence each chart title states -------------------------------------
    "findings.ladder.signature_full": (
        "{signature} de {total} entidades solo usan firma digital; {full} alcanzan la interoperabilidad plena",
        "{signature} of {total} entities use only digital signature; {full} reach full interoperability"),
    "findings.ladder.signature_full_one": (
        "{signature} de {total} entidades solo usa firma digital; {full} alcanza la interoperabilidad plena",
        "{signature} of {total} entities uses only digital signature; {full} reaches full interoperability"),
    "findings.ladder.signature_many_full_one": (
        "{signature} de {total} entidades solo usan firma digital; {full} alcanza la interoperabilidad plena",
        "{signature} of {total} entities use only digital signature; {full} reaches full interoperability"),
    "findings.ladder.signature_one_full_many": (
        "{signature} de {total} entidades solo usa firma digital; {full} alcanzan la interoperabilidad plena",
        "{signature} of {total} entities uses only digital signature; {full} reach full interoperability"),
    "findings.ladder.own": (" ({own} con mecanismos propios)", " ({own} with own mechanisms)"),
    "findings.ladder.none": ("No hay datos de herramientas para esta selección",
                             "No tool data for this selection"),
    "findings.ranking.top": ("{top} tiene el índice más alto, {top_value}; {bottom}, el más bajo, {bottom_value} "
                             "(mediana {median})",
                             "{top} has the highest index, {top_value}; {bottom} the lowest, {bottom_value} "
                             "(median {median})"),
    "findings.ranking.tied": ("{top} comparten el índice más alto, {top_value}; {bottom} tiene el más bajo, "
                              "{bottom_value} (mediana {median})",
                              "{top} share the highest index, {top_value}; {bottom} has the lowest, {bottom_value} "
                              "(median {median})"),
    "findings.ranking.single": ("{top}: índice {top_value}", "{top}: index {top_value}"),
    "findings.ranking.none": ("No hay índices para esta selección", "No index for this selection"),
    "findings.levels.mode": ("El grado más frecuente es «{band}»: {n} de {total} entidades",
                             "The most frequent grade is “{band}”: {n} of {total} entities"),
    "findings.levels.top": ("; {n} en «{band}»", "; {n} at “{band}”"),
    "findings.levels.none": ("No hay grados de madurez para esta selección", "No maturity grades for this selection"),
    "findings.area.weakest": ("{area} es el área más rezagada: promedio {mean}",
                              "{area} is the weakest area: mean {mean}"),
    "findings.area.weakest_strongest": ("{area} es el área más rezagada: promedio {mean}; la más fuerte es "
                                        "{best} ({best_mean})",
                                        "{area} is the weakest area: mean {mean}; the strongest is {best} "
                                        "({best_mean})"),
    "findings.area.none": ("No hay puntajes por área para esta selección", "No area scores for this selection"),
    "findings.heatmap.low": ("{n} de {total} entidades tienen al menos un área por debajo de {threshold}; "
                             "{area} es la más rezagada (promedio {mean})",
                             "{n} of {total} entities have at least one area below {threshold}; {area} is the "
                             "weakest (mean {mean})"),
    "findings.spread.widest": ("{area} es el área más desigual: de {low} a {high} entre entidades",
                               "{area} is the most uneven area: from {low} to {high} across entities"),
    "findings.groups.gap": ("Por {dimension}: {best} tiene el mejor promedio ({best_mean}) y {worst} el más bajo "
                            "({worst_mean})",
                            "By {dimension}: {best} has the best mean ({best_mean}) and {worst} the lowest "
                            "({worst_mean})"),
    "findings.groups.one": ("Por {dimension}: un solo grupo en la selección ({best}, promedio {best_mean})",
                            "By {dimension}: a single group in the selection ({best}, mean {best_mean})"),
    "findings.failed.top": ("«{criterion}» es el criterio que más entidades no alcanzan: {failing} de {assessed} "
                            "({share})",
                            "“{criterion}” is the criterion most entities fall short of: {failing} of {assessed} "
                            "({share})"),
    "findings.failed.none": ("Ninguna entidad está por debajo del nivel «Establecido» en esta selección",
                             "No entity is below the “Established” level in this selection"),
    "findings.matrix.most_least": ("{most} es la herramienta más usada por plataforma del Estado ({most_n} de "
                                   "{total} entidades); {least} la menos ({least_n})",
                                   "{most} is the tool most used through the state platform ({most_n} of "
                                   "{total} entities); {least} the least ({least_n})"),
    "findings.matrix.none": ("Ninguna entidad usa herramientas por la plataforma del Estado en esta selección",
                             "No entity uses tools through the state platform in this selection"),
    "findings.combinations.top": ("La combinación más común es {combination}: {n} de {total} entidades ({share})",
                                  "The most common combination is {combination}: {n} of {total} entities "
                                  "({share})"),
    "findings.network.summary": ("{entities} entidades intercambian datos con {partners} instituciones: {platform} "
                                 "vínculos por la plataforma del Estado y {bilateral} por convenio bilateral",
                                 "{entities} entities exchange data with {partners} institutions: {platform} "
                                 "links through the state platform and {bilateral} by bilateral agreement"),
    "findings.network.none": ("No hay vínculos de interoperabilidad registrados en esta selección",
                              "No interoperability links recorded in this selection"),
    "findings.index.up": ("El índice promedio subió {delta} puntos desde la gestión anterior ({before} → {now})",
                          "The mean index rose {delta} points since the previous round ({before} → {now})"),
    "findings.index.down": ("El índice promedio bajó {delta} puntos desde la gestión anterior ({before} → {now})",
                            "The mean index fell {delta} points since the previous round ({before} → {now})"),
    "findings.index.same": ("El índice promedio no cambió desde la gestión anterior ({now})",
                            "The mean index did not change since the previous round ({now})"),
    "findings.index.no_previous": ("Índice promedio {now}; no hay gestión anterior para comparar",
                                   "Mean index {now}; no previous round to compare with"),
    "findings.index.none": ("No hay índices para esta selección", "No index for this selection"),
}

TEXT.update({
    "overview.tools.no_platform": ("Ninguna por plataforma", "None through a platform"),
})

TEXT.update({
    # --- Shared by the three pages ---
    "overview.caption.all": ("Gestión {period} · {n} entidades evaluadas · haga clic en una entidad de un gráfico "
                             "para abrir su perfil",
                             "Round {period} · {n} entities assessed · click an entity in a chart to open its "
                             "profile"),
    "overview.caption.filtered": ("Gestión {period} · {n} entidades en la selección de filtros · haga clic en una "
                                  "entidad de un gráfico para abrir su perfil",
                                  "Round {period} · {n} entities in the filtered selection · click an entity in a "
                                  "chart to open its profile"),
    "overview.empty.selection": ("Ninguna entidad evaluada en esta gestión coincide con los filtros. Amplíe los "
                                 "filtros de la barra lateral o cargue evaluaciones en «Cargar datos».",
                                 "No entity assessed in this round matches the filters. Widen the sidebar filters "
                                 "or load assessments in “Load data”."),
    # --- Resumen ---
    "overview.kpi.entities": ("Entidades evaluadas", "Entities assessed"),
    "overview.kpi.entities_help": ("Entidades con evaluación en la gestión {period} dentro de los filtros; la "
                                   "posición en el índice se calcula sobre todas las entidades de la gestión.",
                                   "Entities assessed in round {period} within the filters; the rank is computed "
                                   "over all entities of the round."),
    "overview.kpi.mean_index": ("Índice promedio", "Mean index"),
    "overview.kpi.mean_index_help": ("Promedio del índice de madurez (0–100) de las entidades seleccionadas. El "
                                     "cambio compara con la gestión {previous} con los mismos filtros ({n} entidades).",
                                     "Mean maturity index (0–100) of the selected entities. The change compares "
                                     "with round {previous} under the same filters ({n} entities)."),
    "overview.kpi.mean_index_help_first": ("Promedio del índice de madurez (0–100) de las entidades seleccionadas. "
                                           "No hay gestión anterior para comparar.",
                                           "Mean maturity index (0–100) of the selected entities. There is no "
                                           "previous round to compare with."),
    "overview.kpi.coverage": ("Cobertura promedio", "Mean coverage"),
    "overview.kpi.coverage_help": ("Proporción de criterios aplicables que fueron evaluados; lo desconocido no "
                                   "cuenta como cero.",
                                   "Share of applicable criteria that were assessed; unknown never counts as zero."),
    "overview.kpi.open": ("Rec. abiertas", "Open recs."),
    "overview.kpi.open_help": ("Recomendaciones de todas las gestiones con estado pendiente, en proceso, "
                               "parcialmente cumplida o no cumplida (el mismo conteo que «Seguimiento»).",
                               "Recommendations from every round that are pending, in progress, partly met or "
                               "not met (the same count as “Follow-up”)."),
    "overview.kpi.overdue": ("Plazo vencido", "Overdue recs."),
    "overview.kpi.overdue_help": ("Abiertas con fecha límite ya pasada, en {n} entidades.",
                                  "Open and past their due date, in {n} entities."),
    "overview.levels.heading": ("Entidades por grado de madurez", "Entities per maturity grade"),
    "overview.levels.metric": ("{n} ({share})", "{n} ({share})"),
    "overview.ladder.heading": ("Herramientas de gobierno electrónico", "E-government tools"),
    "overview.ranking.heading": ("Posición en el índice", "Position in the index"),
    "overview.ranking.coverage": ("cob. {coverage}", "cov. {coverage}"),
    "overview.ranking.tied": ("empate en {rank}.º", "tied at {rank}"),
    "overview.ranking.ties_note": ("«Empate»: con otros pesos razonables (± {spread} por área) y los criterios sin dato "
                                   "entre su mínimo y su máximo, el intervalo de posición de la entidad se superpone con "
                                   "el de otras (o su índice es igual): se muestran empatadas en la mejor posición "
                                   "oficial del grupo. Detalle en «Sensibilidad».",
                                   "“Tied”: with other reasonable weights (± {spread} per area) and the criteria without "
                                   "data between their lowest and highest level, the entity's position interval overlaps "
                                   "others' (or its index is equal): they are shown tied at the group's best official "
                                   "position. Details in “Sensitivity”."),
    # --- Áreas de supervisión ---
    "overview.areas.heatmap": ("Puntaje por entidad y área", "Score by entity and area"),
    "overview.areas.sort": ("Ordenar entidades por", "Sort entities by"),
    "overview.areas.sort_index": ("Índice (mayor primero)", "Index (highest first)"),
    "overview.areas.sort_name": ("Nombre (A–Z)", "Name (A–Z)"),
    "overview.areas.sort_area": ("Área: {area}", "Area: {area}"),
    "overview.areas.spread": ("Dispersión de cada área", "Spread of each area"),
    "overview.areas.groups": ("Promedio por grupo de entidades", "Mean by group of entities"),
    "overview.areas.group_by": ("Agrupar por", "Group by"),
    "overview.areas.dim_gov_level": ("nivel de gobierno", "level of government"),
    "overview.areas.dim_sector": ("sector", "sector"),
    "overview.areas.group_axis_gov_level": ("Nivel de gobierno", "Level of government"),
    "overview.areas.group_axis_sector": ("Sector", "Sector"),
    "overview.areas.failed": ("Criterios que más entidades no alcanzan", "Criteria most entities fall short of"),
    "overview.areas.failed_help": ("Una entidad no alcanza un criterio cuando su puntaje queda por debajo del nivel "
                                   "3 «Establecido» (75 % de la escala); las herramientas solo lo alcanzan por la "
                                   "plataforma del Estado. Lo no evaluado no cuenta.",
                                   "An entity falls short of a criterion when its score is below level 3 "
                                   "“Established” (75 % of the scale); tools reach it only through the state "
                                   "platform. What was not assessed does not count."),
    # --- Herramientas ---
    "overview.tools.matrix": ("Adopción de cada herramienta por entidad", "Adoption of each tool by entity"),
    "overview.tools.ladder": ("Escalera de adopción", "Adoption ladder"),
    "overview.tools.own": ("Mecanismos propios (fuera de la plataforma del Estado)",
                           "Own mechanisms (outside the state platform)"),
    "overview.tools.own_none": ("Ninguna entidad de la selección declara mecanismos propios.",
                                "No entity in the selection reports own mechanisms."),
    "overview.tools.col_entity": ("Entidad", "Entity"),
    "overview.tools.col_step": ("Escalón", "Step"),
    "overview.tools.col_own": ("Mecanismos propios", "Own mechanisms"),
    "overview.tools.col_platform": ("Por plataforma", "Through a platform"),
    "overview.tools.combinations": ("Combinaciones más comunes", "Most common combinations"),
    "overview.tools.network": ("Red de interoperabilidad", "Interoperability network"),
})
