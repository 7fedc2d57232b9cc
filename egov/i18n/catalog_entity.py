"""Texts of the entity profile, the comparison, the trends and the methodology pages."""

TEXT = {
    # --- Entidad (profile) ---------------------------------------------------------
    "entity.title": ("Perfil de entidad", "Entity profile"),
    "entity.choose": ("Entidad", "Entity"),
    "entity.choose_placeholder": ("Elija una entidad…", "Choose an entity…"),
    "entity.pick_one": ("Elija una entidad para ver su perfil. Las opciones siguen los filtros de la barra lateral; "
                        "el enlace de la página guarda la entidad elegida.",
                        "Choose an entity to see its profile. The options follow the sidebar filters; the "
                        "page's link keeps the chosen entity."),
    "entity.unknown": ("No hay ninguna entidad evaluada con el código «{code}» en este marco.",
                       "No entity assessed with code “{code}” in this framework."),
    "entity.other_period": ("{entity} no fue evaluada en la gestión {wanted}: se muestra su última gestión evaluada, "
                            "{shown}.",
                            "{entity} was not assessed in round {wanted}: showing its latest assessed round, "
                            "{shown}."),
    "entity.no_report": ("sin número de informe", "no report number"),
    "entity.criticality": ("criticidad {group}", "criticality {group}"),
    "entity.metric.index": ("Índice {period}", "Index {period}"),
    "entity.metric.index_help": ("Media ponderada de las áreas con puntaje, de 0 a 100. Vea «Metodología».",
                                 "Weighted mean of the areas with a score, 0 to 100. See “Methodology”."),
    "entity.metric.band": ("Grado de madurez", "Maturity grade"),
    "entity.metric.rank": ("Posición", "Rank"),
    "entity.metric.rank_help": ("Posición por índice entre todas las entidades evaluadas en la gestión; los empates "
                                "(a dos decimales) comparten la mejor posición.",
                                "Rank by index among every entity assessed in the round; ties (at two decimals) "
                                "share the best rank."),
    "entity.metric.coverage": ("Cobertura", "Coverage"),
    "entity.metric.coverage_help": ("{assessed} de {total} criterios evaluados ({na} no aplican). Los criterios "
                                    "desconocidos no cuentan como cero.",
                                    "{assessed} of {total} criteria assessed ({na} not applicable). Unknown "
                                    "criteria do not count as zero."),
    "entity.delta": ("{points} puntos desde {period}", "{points} points since {period}"),
    "entity.rank_of": ("{rank} de {n}", "{rank} of {n}"),
    "entity.no_previous": ("Sin evaluación en la gestión anterior: no hay cambio que mostrar.",
                           "Not assessed in the previous round: no change to show."),
    "entity.areas.title": ("Áreas de supervisión frente a sus pares", "Supervision areas against its peers"),
    "entity.peer_choice": ("Grupo de pares", "Peer group"),
    "entity.peer.sector": ("Mismo sector ({n})", "Same sector ({n})"),
    "entity.peer.level": ("Mismo nivel de gobierno ({n})", "Same level of government ({n})"),
    "entity.peer_label.sector": ("media del sector (n = {n})", "sector mean (n = {n})"),
    "entity.peer_label.level": ("media del nivel de gobierno (n = {n})", "level-of-government mean (n = {n})"),
    "entity.no_peers": ("Ninguna otra entidad de su grupo fue evaluada en esta gestión ({group}): elija el otro "
                        "grupo de pares.",
                        "No other entity of its group was assessed in this round ({group}): choose the other "
                        "peer group."),
    "entity.radar.title": ("{area} es su área más débil: {score} frente a {peer} de sus pares",
                           "{area} is its weakest area: {score} against {peer} for its peers"),
    "entity.radar.title_no_peers": ("{area} es su área más débil ({score})", "{area} is its weakest area ({score})"),
    "entity.radar.title_none": ("La entidad no tiene puntajes por área en esta gestión",
                                "The entity has no area scores in this round"),
    "entity.index": ("Índice", "Index"),
    "entity.criteria.title": ("Criterios: puntaje, nivel alcanzado y evidencia",
                              "Criteria: score, level reached and evidence"),
    "entity.criteria.help": ("«Desconocido» (lo que el informe no dice) y «No aplica» no son cero: no cuentan en el "
                             "índice; «Desconocido» baja la cobertura.",
                             "“Unknown” (what the report does not say) and “Not applicable” are not zero: they do "
                             "not count in the index; “Unknown” lowers the coverage."),
    "entity.result.scored": ("{score} de {top}", "{score} of {top}"),
    "entity.result.desconocido": ("Desconocido", "Unknown"),
    "entity.result.no_aplica": ("No aplica", "Not applicable"),
    "entity.result.sin_dato": ("Desconocido", "Unknown"),
    "entity.from_tool": (" (derivado del estado de adopción de la herramienta)",
                         " (derived from the tool's adoption status)"),
    "entity.tools.title": ("Herramientas de gobierno electrónico", "E-government tools"),
    "entity.tools.step": ("**Escalón de adopción: {step}. {name}** · mecanismos propios (fuera de la plataforma "
                          "del Estado): {own}",
                          "**Adoption step: {step}. {name}** · own mechanisms (outside the state platform): {own}"),
    "entity.none": ("ninguno", "none"),
    "entity.partners.title": ("**Interoperabilidad: instituciones contraparte con las que intercambia información "
                              "({n})**",
                              "**Interoperability: {n} institutions it exchanges information with**"),
    "entity.partners.none": ("No hay instituciones contraparte de interoperabilidad registradas en esta gestión.",
                             "No interoperability partners recorded in this round."),
    # --- the supervision record (issue 13) -----------------------------------------------------
    "entity.record.title": ("Informe de supervisión", "Supervision report"),
    "entity.record.none": ("El informe de esta gestión no está registrado: cárguelo con un archivo «informes».",
                           "This period's report is not recorded: load it with an 'informes' file."),
    "entity.record.caption": ("Informe N.º {report}, emitido el {date}. Textos tal como se emitieron.",
                              "Report no. {report}, issued {date}. Texts as issued."),
    "entity.record.synthetic": ("Informe sintético de demostración: no es un informe real de la Contraloría.",
                                "Synthetic demonstration report: not a real report of the Contraloría."),
    "entity.record.reference": ("Referencia", "Reference"),
    "entity.record.objective": ("Objetivo", "Objective"),
    "entity.record.object": ("Objeto", "Object"),
    "entity.record.scope": ("Alcance", "Scope"),
    "entity.record.period_examined": ("Periodo examinado", "Period examined"),
    "entity.record.office": ("Unidad emisora", "Issuing office"),
    "entity.record.results": ("Resultados por área, tal como se emitieron", "Results by area, as issued"),
    "entity.record.area": ("Área", "Area"),
    "entity.record.limitation": (
        "Limitación al alcance ({criterion}): documento solicitado y no proporcionado. Solicitud: {request}; "
        "fecha: {date}. No cuenta en el índice.",
        "Scope limitation ({criterion}): document requested and not provided. Request: {request}; date: {date}. "
        "Not counted in the index."),
    "entity.findings.not_said": ("— (el informe no lo dice)", "— (the report does not say)"),
    "entity.col.finding_no": ("N.º", "No."),
    "entity.col.area": ("Área", "Area"),
    "entity.col.condition": ("Condición", "Condition"),
    "entity.col.criterion_rule": ("Criterio", "Criterion"),
    "entity.col.cause": ("Causa", "Cause"),
    "entity.col.effect": ("Efecto", "Effect"),
    "entity.col.answered_by": ("Recomendaciones", "Recommendations"),
    "entity.col.deadline": ("Plazo acordado", "Agreed deadline"),
    "entity.col.heading": ("Encabezado del informe", "Report heading"),
    "entity.col.correction": ("Corrección editorial", "Editorial correction"),
    "entity.timeline.title": ("Ciclo de vida de cada recomendación", "Each recommendation's life cycle"),
    "entity.timeline.no_deadline": ("Sin plazo (sin cronograma)", "No deadline (no schedule)"),
    "entity.result.limitacion": ("Limitación al alcance", "Scope limitation"),
    "entity.findings.title": ("Hallazgos del informe, por área", "The report's findings, by area"),
    "entity.findings.none": ("No hay hallazgos registrados para esta evaluación. Cárguelos con un archivo "
                             "«recomendaciones» en «Cargar datos».",
                             "No findings recorded for this assessment. Load them with a “recomendaciones” file "
                             "in “Load data”."),
    "entity.recs.title": ("Recomendaciones y su estado", "Recommendations and their status"),
    "entity.history.title": ("Historial por gestión", "History across gestiones"),
    "entity.history.title_up": ("{entity} subió {points} puntos desde {period}",
                                "{entity} rose {points} points since {period}"),
    "entity.history.title_down": ("{entity} bajó {points} puntos desde {period}",
                                  "{entity} fell {points} points since {period}"),
    "entity.history.title_flat": ("{entity} mantiene el mismo índice que en {period}",
                                  "{entity} keeps the same index as in {period}"),
    "entity.history.title_one": ("{entity} solo tiene una gestión evaluada ({period}): aún no hay evolución",
                                 "{entity} has only one assessed round ({period}): no trend yet"),
    "entity.col.area": ("Área", "Area"),
    "entity.col.score": ("Puntaje (0–100)", "Score (0–100)"),
    "entity.col.coverage": ("Cobertura", "Coverage"),
    "entity.col.peer_mean": ("Media de pares", "Peer mean"),
    "entity.col.peer_n": ("Pares (n)", "Peers (n)"),
    "entity.col.criterion": ("Criterio", "Criterion"),
    "entity.col.result": ("Resultado", "Result"),
    "entity.col.level": ("Nivel alcanzado", "Level reached"),
    "entity.col.descriptor": ("Qué significa ese nivel", "What that level means"),
    "entity.col.evidence": ("Evidencia", "Evidence"),
    "entity.col.declared": ("Declarado por la entidad", "Declared by the entity"),
    "entity.col.source": ("Fuente del resultado", "Source of the result"),
    "entity.source.verificado": ("verificado", "verified"),
    "entity.source.declarado": ("declarado (sin verificar)", "declared (not verified)"),
    "entity.area_declared": ("Área: {official} oficial · {declared} según la autoevaluación de la entidad.",
                             "Area: {official} official · {declared} by the entity's self-assessment."),
    "entity.declared_index": (
        "Autoevaluación de la entidad: índice declarado {declared} frente a {index} con la verificación; "
        "{share} de los criterios con puntaje descansa en lo verificado por la supervisión.",
        "Entity's self-assessment: declared index {declared} against {index} with the verification; "
        "{share} of the scored criteria rest on what the supervision verified."),
    "entity.coverage_insufficient": (
        "Cobertura insuficiente: {coverage} de los criterios aplicables tiene puntaje, por debajo del mínimo del "
        "marco ({minimum}); el índice no se muestra ni entra en posiciones ni promedios.",
        "Insufficient coverage: {coverage} of the applicable criteria are scored, below the framework's minimum "
        "({minimum}); the index is not shown nor counted in positions or averages."),
    "entity.col.tool": ("Herramienta", "Tool"),
    "entity.col.status": ("Estado de adopción", "Adoption status"),
    "entity.col.procedures": ("Trámites", "Procedures"),
    "entity.col.scope": ("Alcance", "Scope"),
    "entity.col.partner": ("Institución contraparte", "Institution"),
    "entity.col.channel": ("Canal", "Channel"),
    "entity.col.period": ("Gestión", "Round"),
    "entity.col.index": ("Índice", "Index"),
    "entity.col.band": ("Grado", "Grade"),
    "entity.col.rank": ("Posición", "Rank"),
    "entity.col.report": ("Informe", "Report"),
    "entity.col.entity": ("Entidad", "Entity"),
    "entity.col.criteria": ("Criterios evaluados", "Criteria assessed"),
    # --- Comparar --------------------------------------------------------------------
    "compare.title": ("Comparar entidades", "Compare entities"),
    "compare.choose": ("Entidades a comparar (de 2 a 6)", "Entities to compare (2 to 6)"),
    "compare.choose_placeholder": ("Elija de 2 a 6 entidades…", "Choose 2 to 6 entities…"),
    "compare.choose_help": ("Las opciones siguen los filtros de la barra lateral. El enlace de la página guarda "
                            "la selección.",
                            "The options follow the sidebar filters. The page's link keeps the selection."),
    "compare.too_few": ("Elija al menos 2 entidades para compararlas (ahora: {n}).",
                        "Choose at least 2 entities to compare them (now: {n})."),
    "compare.too_many": ("Se comparan como máximo 6 entidades a la vez (ahora: {n}). Quite alguna de la lista.",
                         "At most 6 entities are compared at once (now: {n}). Remove some from the list."),
    "compare.not_assessed": ("Sin evaluación en la gestión {period}: {names}.",
                             "Not assessed in round {period}: {names}."),
    "compare.table.title": ("Índice, grado y cobertura en {period}", "Index, grade and coverage in {period}"),
    "compare.criteria_of": ("{a} de {n}", "{a} of {n}"),
    "compare.leader": ("Mayor índice: {entity} ({index}).", "Highest index: {entity} ({index})."),
    "compare.areas.title": ("La mayor brecha está en {area}: {points} puntos entre {top} y {low}",
                            "The widest gap is in {area}: {points} points between {top} and {low}"),
    "compare.areas.title_plain": ("Puntaje por área de supervisión", "Score by supervision area"),
    # --- Evolución ---------------------------------------------------------------------
    "trends.title": ("Evolución entre gestiones", "Change across rounds"),
    "trends.version_note": ("Versión del marco {framework} con que se evaluó cada gestión: {versions}. Todas las "
                            "gestiones usan la misma metodología, así que la serie es comparable.",
                            "Version of framework {framework} each round was assessed with: {versions}. Every "
                            "round uses the same methodology, so the series is comparable."),
    "trends.version_break_note": ("Versión del marco {framework} con que se evaluó cada gestión: {versions}. La "
                                  "metodología cambió (línea discontinua): un salto en ese punto puede deberse al "
                                  "cambio de criterios y no a un avance o retroceso real.",
                                  "Version of framework {framework} each round was assessed with: {versions}. The "
                                  "methodology changed (dashed line): a jump there may come from the new criteria, "
                                  "not from real progress or decline."),
    "trends.n_note": ("Entidades evaluadas por gestión (n): {counts}. Las medias cambian también cuando cambia el "
                      "conjunto de entidades.",
                      "Entities assessed per round (n): {counts}. Means also change when the set of entities "
                      "changes."),
    "trends.highlight": ("Destacar una entidad", "Highlight an entity"),
    "trends.highlight_placeholder": ("Ninguna (solo medias)", "None (means only)"),
    "trends.index_series": ("Índice medio", "Mean index"),
    "trends.index.title_up": ("El índice medio subió {points} puntos desde {period} ({n_from} → {n_to} entidades)",
                              "The mean index rose {points} points since {period} ({n_from} → {n_to} entities)"),
    "trends.index.title_down": ("El índice medio bajó {points} puntos desde {period} ({n_from} → {n_to} entidades)",
                                "The mean index fell {points} points since {period} ({n_from} → {n_to} entities)"),
    "trends.index.title_flat": ("El índice medio no cambió desde {period} ({n_from} → {n_to} entidades)",
                                "The mean index did not change since {period} ({n_from} → {n_to} entities)"),
    "trends.index.title_plain": ("Índice medio por gestión", "Mean index per round"),
    "trends.areas.title": ("{area}: el área que más cambió desde {period} ({points} puntos en promedio)",
                           "{area}: the area that changed most since {period} ({points} points on average)"),
    "trends.areas.title_plain": ("Puntaje medio de cada área por gestión", "Mean score of each area per round"),
    "trends.movers.heading": ("Las entidades que más cambiaron", "The entities that moved most"),
    "trends.movers.title": ("{what} desde {period}", "{what} since {period}"),
    "trends.movers.up": ("{entity} es la que más subió (+{points} puntos)", "{entity} rose most (+{points} points)"),
    "trends.movers.down": ("{entity} la que más bajó (−{points})", "{entity} fell most (−{points})"),
    "trends.movers.title_none": ("Ninguna entidad cambió de índice desde {period}",
                                 "No entity's index changed since {period}"),
    "trends.movers.note": ("Las 5 mayores subidas y bajadas entre {previous} y {period}, de {n} entidades "
                           "evaluadas en ambas gestiones. Pulse una barra para abrir el perfil.",
                           "The 5 largest rises and falls between {previous} and {period}, out of {n} entities "
                           "assessed in both rounds. Click a bar to open the profile."),
    "trends.movers.all": ("Todos los cambios ({n} entidades)", "Every change ({n} entities)"),
    "trends.no_previous": ("La gestión {period} es la primera evaluada: no hay gestión anterior con la cual comparar.",
                           "Round {period} is the first assessed: there is no previous round to compare with."),
    "trends.col.change": ("Cambio (puntos)", "Change (points)"),
    "trends.col.band_change": ("Grado", "Grade"),
    # --- Metodología ---------------------------------------------------------------------
    "method.title": ("Metodología", "Methodology"),
    "method.framework": ("Marco de evaluación **{name}** (código `{code}`, versión {version}), tal como está en la "
                         "base de datos.",
                         "Assessment framework **{name}** (code `{code}`, version {version}), as it is in the "
                         "database."),
    "method.index.title": ("Cómo se calcula el índice", "How the index is computed"),
    "method.index.body": (
        "1. **Puntaje del criterio.** Cada criterio se puntúa en su escala (por defecto 0–4: 0 Inexistente, "
        "1 Inicial, 2 En desarrollo, 3 Establecido, 4 Optimizado). Se normaliza a 0–1: "
        "`(puntaje − mínimo) / (máximo − mínimo)`.\n"
        "2. **Criterios derivados de herramientas.** Un criterio ligado a una herramienta de gobierno electrónico "
        "toma su puntaje del estado de adopción (ninguna 0, planificada 1, propia 2, plataforma 3, llevados a la "
        "escala del criterio), salvo que se haya puntuado explícitamente: el puntaje explícito prevalece.\n"
        "3. **Desconocido y no aplica.** Solo los criterios *evaluados* tienen puntaje. «Desconocido» (lo que el "
        "informe no dice, esté registrado así o no tenga ninguna fila) y «No aplica» nunca cuentan como cero: "
        "quedan fuera de las medias.\n"
        "4. **Puntaje del área** (0–100) = 100 × media ponderada (por el peso de cada criterio) de los criterios "
        "evaluados del área. Un área sin ningún criterio evaluado no tiene puntaje.\n"
        "5. **Índice** (0–100) = media ponderada (por el peso de cada área) de las áreas que tienen puntaje, "
        "redondeada a dos decimales.\n"
        "6. **Cobertura** = criterios evaluados / (criterios del marco − criterios que no aplican). Se muestra "
        "siempre junto al índice.\n"
        "7. **Grado de madurez**: el tramo cuyo rango contiene el índice (límite inferior incluido, superior "
        "excluido salvo en el tramo más alto).\n"
        "8. **Posición en el índice**: clasificación de competición dentro de la gestión entre todas las entidades con índice; "
        "los empates (a dos decimales) comparten la mejor posición (1, 2, 2, 4…).\n"
        "9. **Pares**: la media de pares de un área es la media de las *otras* entidades evaluadas en la misma "
        "gestión con el mismo sector o nivel de gobierno que tienen puntaje en esa área (n lo dice).\n"
        "10. **Evolución**: las medias por gestión son sobre las entidades evaluadas en cada gestión (n); el cambio "
        "de una entidad es su índice en la gestión elegida menos su índice en la gestión anterior.",
        "1. **Criterion score.** Each criterion is scored on its scale (by default 0–4: 0 Non-existent, "
        "1 Initial, 2 Developing, 3 Established, 4 Optimised). It is normalised to 0–1: "
        "`(score − minimum) / (maximum − minimum)`.\n"
        "2. **Tool-derived criteria.** A criterion tied to an e-government tool takes its score from the "
        "adoption status (none 0, planned 1, own 2, platform 3, placed on the criterion's scale) unless it was "
        "scored explicitly: the explicit score wins.\n"
        "3. **Unknown and not applicable.** Only *assessed* criteria have a score. “Unknown” (what the report "
        "does not say, whether recorded so or with no row at all) and “Not applicable” never count as zero: "
        "they are left out of the means.\n"
        "4. **Area score** (0–100) = 100 × weighted mean (by each criterion's weight) of the area's assessed "
        "criteria. An area with no assessed criterion has no score.\n"
        "5. **Index** (0–100) = weighted mean (by each area's weight) of the areas that have a score, rounded "
        "to two decimals.\n"
        "6. **Coverage** = criteria assessed / (criteria of the framework − criteria not applicable). It is "
        "always shown beside the index.\n"
        "7. **Maturity grade**: the band whose range holds the index (lower bound included, upper bound "
        "excluded except for the top band).\n"
        "8. **Rank**: competition ranking within the round among every entity with an index; ties (at two "
        "decimals) share the best rank (1, 2, 2, 4…).\n"
        "9. **Peers**: an area's peer mean is the mean of the *other* entities assessed in the same round with "
        "the same sector or level of government that have a score in that area (n says how many).\n"
        "10. **Trends**: means per round are over the entities assessed in each round (n); an entity's change is "
        "its index in the chosen round minus its index in the previous round."),
    "method.areas.title": ("Áreas de supervisión ({n}) y sus pesos", "Supervision areas ({n}) and their weights"),
    "method.criteria.title": ("Criterios ({n}) y lo que significa cada nivel", "Criteria ({n}) and what each level means"),
    "method.criteria.help": ("«Peso en el área» es la parte del área que aporta el criterio cuando todos sus "
                             "criterios están evaluados.",
                             "“Share of area” is the part of the area the criterion carries when all its criteria "
                             "are assessed."),
    "method.bands.title": ("Grados de madurez (tramos del índice)", "Maturity grades (bands of the index)"),
    "method.bands.help": (
        "Un **nivel** califica un criterio en su propia escala (0 Inexistente … 4 Optimizado; en las herramientas, "
        "0 Ninguna … 3 Plataforma del Estado). Un **grado** nombra un tramo del índice de la entidad, que resume "
        "todos sus criterios: por eso los grados tienen nombres propios, distintos de los niveles. Como cada "
        "nivel se normaliza por su escala, una entidad con todos sus criterios en «2 — En desarrollo» tiene "
        "índice 50: queda en el límite inferior del grado «Intermedio», no en «Consolidado»; con todos en "
        "«3 — Establecido» tiene índice 75, el límite inferior de «Consolidado». En las herramientas, "
        "«Mecanismo propio» (2 de 3) equivale a 66,7.",
        "A **level** rates one criterion on its own scale (0 Non-existent … 4 Optimised; for tools, 0 None … "
        "3 State platform). A **grade** names a range of the entity's index, which sums up all its criteria: "
        "that is why grades have names of their own, different from the levels. Since each level is normalised "
        "by its scale, an entity with every criterion at “2 — Developing” has an index of 50: it sits on the "
        "lower edge of the “Intermediate” grade, not in “Consolidated”; with every criterion at “3 — Established” "
        "its index is 75, the lower edge of “Consolidated”. For tools, “Own mechanism” (2 of 3) counts as 66.7."),
    "method.changes.title": ("Qué cambió entre versiones del marco", "What changed between framework versions"),
    "method.changes.help": (
        "Cada evaluación guarda la versión del marco con la que se calificó; Evolución marca con una línea "
        "discontinua la gestión en que la serie cambia de versión.",
        "Each assessment keeps the framework version it was scored under; Evolución marks with a dashed line the "
        "gestión where the series changes version."),
    # The changes of the default framework shipped with the product (data/framework/cge-ge.csv).
    "method.changes.CGE-GE": (
        "**2025.1** (sustituye a 2024.1; se aplica a las gestiones supervisadas hasta 2025):\n"
        "- Cada nivel de cada criterio tiene su propio descriptor, que dice qué documentos, aprobaciones y "
        "seguimiento observa la comisión en ese nivel (en español y en inglés).\n"
        "- Criterios nuevos: PLAN.6 Coordinador de gobierno electrónico designado (DS 3251), PLAN.7 PIIGE remitido "
        "a la AGETIC (DS 3251), PLAN.8 PISLEA aprobado y remitido (DS 3251), ORG.5 Estructura organizacional de la "
        "unidad TIC e INFRA.6 Aplicación de los lineamientos generales del PIGE.\n"
        "- El PISLEA pasa a calificarse como plan en PLAN.8: HERR.8 deja de ser un criterio derivado de la "
        "herramienta «Software libre y estándares abiertos».\n"
        "- El artículo 9 del DS 3525 se califica una sola vez, en PROC.3: HERR.5 (Portal de Trámites del Estado) "
        "deja de ser un criterio; la herramienta sigue en el catálogo.\n"
        "- PLAN.2 se refiere al PEI vigente en la gestión evaluada, sin años fijos.\n"
        "- La firma digital se describe por los certificados de una entidad certificadora acreditada; la versión "
        "ya no cita el DS 5519 (enero de 2026), que no regía en las gestiones que califica.\n"
        "- Los grados del índice tienen nombres propios: Incipiente (0–25), Básico (25–50), Intermedio (50–75) y "
        "Consolidado (75–100), antes Inicial, En desarrollo, Establecido y Avanzado, con los mismos límites.\n\n"
        "**2024.1**: primera versión (26 criterios en cinco áreas; HERR.5 y HERR.8 derivados de herramientas).",
        "**2025.1** (replaces 2024.1; applies to the gestiones supervised up to 2025):\n"
        "- Every level of every criterion has its own descriptor, saying which documents, approvals and follow-up "
        "the supervision team observes at that level (in Spanish and English).\n"
        "- New criteria: PLAN.6 E-government coordinator appointed (DS 3251), PLAN.7 PIIGE sent to AGETIC "
        "(DS 3251), PLAN.8 PISLEA approved and sent (DS 3251), ORG.5 Organisational structure of the ICT unit and "
        "INFRA.6 Application of the PIGE's general guidelines.\n"
        "- The PISLEA is now scored as a plan in PLAN.8: HERR.8 is no longer a criterion derived from the "
        "“Free software and open standards” tool.\n"
        "- Article 9 of DS 3525 is scored once, in PROC.3: HERR.5 (Portal de Trámites del Estado) is no longer a "
        "criterion; the tool stays in the catalogue.\n"
        "- PLAN.2 refers to the PEI in force in the gestión assessed, with no fixed years.\n"
        "- Digital signature is described by the certificates of an accredited certification entity; the version "
        "no longer cites DS 5519 (January 2026), which was not in force in the gestiones it scores.\n"
        "- The index grades have names of their own: Emerging (0–25), Basic (25–50), Intermediate (50–75) and "
        "Consolidated (75–100), formerly Initial, Developing, Established and Advanced, with the same bounds.\n\n"
        "**2024.1**: first version (26 criteria in five areas; HERR.5 and HERR.8 derived from tools)."),
    "method.range": ("{lo} ≤ índice < {hi}", "{lo} ≤ index < {hi}"),
    "method.range_top": ("{lo} ≤ índice ≤ {hi}", "{lo} ≤ index ≤ {hi}"),
    "method.tools.title": ("Herramientas de gobierno electrónico ({n})", "E-government tools ({n})"),
    "method.tools.help": ("Estados de adopción: ninguna, planificada, propia (mecanismo propio o bilateral, fuera "
                          "de la plataforma del Estado) y plataforma (plataforma del Estado).",
                          "Adoption statuses: none, planned, own (own or bilateral mechanism, outside the state "
                          "platform) and platform (the state platform)."),
    "method.ladder.title": ("Escalera de adopción", "Adoption ladder"),
    "method.ladder.help": ("Una entidad está en el escalón más alto cuyos requisitos cumple: en cada grupo basta "
                           "una herramienta con el estado mínimo o superior. Los mecanismos propios se muestran "
                           "al lado, nunca se ocultan.",
                           "An entity sits on the highest step whose requirements it meets: in each group one "
                           "tool at the minimum status or above is enough. Own mechanisms are shown beside it, "
                           "never hidden."),
    "method.and": (" y ", " and "),
    "method.or": (" o ", " or "),
    "method.no_requirement": ("Ningún requisito", "No requirement"),
    "method.example.title": ("Ejemplo: el índice de una entidad, paso a paso",
                             "Example: one entity's index, step by step"),
    "method.example.choose": ("Entidad del ejemplo (gestión elegida en la barra lateral)",
                              "Entity for the example (round chosen in the sidebar)"),
    "method.example.result": ("**{entity}**: Σ(peso × puntaje del área) / Σ pesos de las áreas con puntaje = "
                              "**{rebuilt}**; índice guardado: **{index}**. Cobertura: {assessed} de {total} "
                              "criterios evaluados, {na} no aplican → {coverage}.",
                              "**{entity}**: Σ(weight × area score) / Σ weights of the areas with a score = "
                              "**{rebuilt}**; index shown: **{index}**. Coverage: {assessed} of {total} criteria "
                              "assessed, {na} not applicable → {coverage}."),
    "method.kinds.title": ("Los archivos de carga, columna por columna", "The import files, column by column"),
    "method.kinds.help": ("Cada archivo se reconoce por sus columnas; los encabezados se comparan sin tildes ni "
                          "mayúsculas, y se aceptan los alias.",
                          "Each file is recognised by its columns; headers are compared without accents or case, "
                          "and the aliases are accepted."),
    "method.col.code": ("Código", "Code"),
    "method.col.area": ("Área", "Area"),
    "method.col.weight": ("Peso", "Weight"),
    "method.col.weight_share": ("Parte del índice", "Share of the index"),
    "method.col.weight_share_area": ("Peso en el área", "Share of area"),
    "method.col.criteria": ("Criterios", "Criteria"),
    "method.col.criterion": ("Criterio", "Criterion"),
    "method.col.scale": ("Escala", "Scale"),
    "method.col.tool": ("Herramienta", "Tool"),
    "method.col.description": ("Descripción", "Description"),
    "method.col.level": ("Nivel", "Level"),
    "method.col.label": ("Etiqueta", "Label"),
    "method.col.descriptor": ("Qué significa", "What it means"),
    "method.col.band": ("Grado de madurez", "Maturity grade"),
    "method.col.range": ("Rango del índice", "Index range"),
    "method.col.derived": ("Criterio derivado", "Derived criterion"),
    "method.col.step": ("Escalón", "Step"),
    "method.col.name": ("Nombre", "Name"),
    "method.col.requires": ("Requisitos (estado mínimo)", "Requirements (minimum status)"),
    "method.col.result": ("Resultado", "Result"),
    "method.col.normalised": ("Normalizado (0–1)", "Normalised (0–1)"),
    "method.col.area_score": ("Puntaje del área", "Area score"),
    "method.col.contribution": ("Aporte al índice", "Contribution to the index"),
    "method.col.column": ("Columna", "Column"),
    "method.col.required": ("Obligatoria", "Required"),
    "method.col.type": ("Tipo", "Type"),
    "method.col.choices": ("Valores permitidos", "Allowed values"),
    "method.col.aliases": ("También se acepta", "Also accepted"),
    "method.col.help": ("Qué poner", "What to enter"),
    "method.yes": ("Sí", "Yes"),
    "method.no": ("No", "No"),
    "method.type.text": ("Texto", "Text"),
    "method.type.code": ("Código", "Code"),
    "method.type.int": ("Número entero", "Whole number"),
    "method.type.number": ("Número", "Number"),
    "method.type.date": ("Fecha (dd/mm/aaaa)", "Date (dd/mm/yyyy)"),
}
