"""Texts of the sensitivity page (what-if weights, uncertainty ranges), its chart and the peer groups."""

TEXT = {
    "page.sensibilidad": ("Sensibilidad del índice", "Index sensitivity"),
    "sens.title": ("¿Cuánto depende la posición del método?", "How much does a position depend on the method?"),
    "sens.intro": ("Las posiciones en el índice dependen de los pesos del marco y de cómo se tratan los criterios "
                   "sin dato. Aquí puede probar otros pesos y ver el rango de posiciones que cada entidad podría "
                   "ocupar. Nada de esto cambia los datos guardados ni los resultados oficiales.",
                   "Positions in the index depend on the framework's weights and on how criteria without data "
                   "are treated. Here you can try other weights and see the range of positions each entity could "
                   "hold. None of this changes the stored data or the official results."),
    "sens.no_round": ("Elija una gestión con evaluaciones en la barra lateral.",
                      "Choose a round with assessments in the sidebar."),
    # --- what-if weights --------------------------------------------------------------
    "sens.whatif.title": ("Pesos hipotéticos", "What-if weights"),
    "sens.whatif.help": ("Mueva los pesos de las áreas: el índice y la posición de cada entidad se recalculan al "
                         "momento, al lado de los oficiales. Un área con peso 0 no cuenta. El enlace de la página "
                         "guarda los pesos elegidos.",
                         "Move the area weights: every entity's index and position are recomputed at once, beside "
                         "the official ones. An area weighted 0 does not count. The page's link keeps the chosen "
                         "weights."),
    "sens.whatif.area_weight": ("{area} (oficial: {official})", "{area} (official: {official})"),
    "sens.whatif.criteria": ("Pesos de los criterios", "Criterion weights"),
    "sens.whatif.criteria_help": ("Peso de cada criterio dentro de su área (oficial entre paréntesis).",
                                  "Weight of each criterion within its area (official in brackets)."),
    "sens.whatif.reset": ("Volver a los pesos oficiales", "Back to the official weights"),
    "sens.whatif.official": ("Con los pesos oficiales del marco: elija otros pesos para ver qué cambia.",
                             "With the framework's official weights: choose other weights to see what changes."),
    "sens.whatif.shares": ("Participación de cada área en el índice con estos pesos: {shares}.",
                           "Share of each area in the index with these weights: {shares}."),
    "sens.whatif.no_mover": ("Con estos pesos ninguna entidad cambia de posición.",
                             "With these weights no entity changes position."),
    "sens.whatif.movers": ("Con estos pesos, los mayores cambios de posición: {movers}.",
                           "With these weights, the largest changes of position: {movers}."),
    "sens.whatif.up": ("{entity} sube {n} (del {before} al {after})", "{entity} rises {n} (from {before} to {after})"),
    "sens.whatif.down": ("{entity} baja {n} (del {before} al {after})",
                         "{entity} falls {n} (from {before} to {after})"),
    "sens.whatif.scope": ("Las posiciones se calculan sobre todas las entidades evaluadas en la gestión {period}; "
                          "la tabla muestra las que eligen los filtros.",
                          "Positions are computed over every entity assessed in round {period}; the table shows "
                          "those the filters choose."),
    "sens.col.entity": ("Entidad", "Entity"),
    "sens.col.official_index": ("Índice oficial", "Official index"),
    "sens.col.official_rank": ("Posición oficial", "Official position"),
    "sens.col.whatif_index": ("Índice hipotético", "What-if index"),
    "sens.col.whatif_rank": ("Posición hipotética", "What-if position"),
    "sens.col.rank_change": ("Cambio de posición", "Change of position"),
    "sens.col.whatif_band": ("Grado hipotético", "What-if grade"),
    # --- saving -----------------------------------------------------------------------
    "sens.save.title": ("Guardar estos pesos como nueva versión del marco", "Save these weights as a new framework version"),
    "sens.save.body": ("Solo un administrador puede hacerlo, y queda en la auditoría como una importación del marco "
                       "(se puede deshacer en «Cargar datos»). Los nuevos pesos se aplican a todas las evaluaciones "
                       "de este marco, también a las de gestiones anteriores; las evaluaciones ya registradas "
                       "conservan el nombre de la versión con que se calificaron.",
                       "Only an administrator can do this, and it is audited as a framework import (it can be "
                       "undone in “Load data”). The new weights apply to every assessment of this framework, past "
                       "rounds included; assessments already recorded keep the name of the version they were "
                       "scored under."),
    "sens.save.version": ("Nombre de la nueva versión", "Name of the new version"),
    "sens.save.confirm": ("Entiendo que los pesos oficiales del marco cambian para todas las gestiones",
                          "I understand that the framework's official weights change for every round"),
    "sens.save.button": ("Guardar como nueva versión", "Save as a new version"),
    "sens.save.zero": ("Un marco solo admite pesos mayores que 0: para guardar, dé un peso a cada área y criterio.",
                       "A framework only admits weights above 0: to save, give every area and criterion a weight."),
    "sens.save.done": ("Pesos guardados como versión {version} del marco (lote {batch}).",
                       "Weights saved as version {version} of the framework (batch {batch})."),
    # --- uncertainty ------------------------------------------------------------------
    "sens.unc.title": ("Rangos de incertidumbre", "Uncertainty ranges"),
    "sens.unc.help": ("Se repite el cálculo muchas veces: en cada corrida el peso de cada área se multiplica por un "
                      "factor al azar entre 1 − r y 1 + r (uniforme, independiente por área) y cada criterio "
                      "desconocido o sin dato toma un valor al azar entre el nivel más bajo y el más alto de su "
                      "escala («no aplica» sigue sin contar). Cada entidad recibe el intervalo del 5 % al 95 % de "
                      "sus índices y posiciones (ampliado para incluir el valor oficial) y la proporción de corridas "
                      "en que conserva su grado de madurez. Con la misma semilla, el resultado es el mismo.",
                      "The computation is repeated many times: in each run every area's weight is multiplied by a "
                      "random factor between 1 − r and 1 + r (uniform, independent per area) and each unknown or "
                      "missing criterion takes a random value between the lowest and the highest level of its scale "
                      "(“not applicable” still does not count). Each entity gets the 5 %–95 % interval of its "
                      "indices and positions (widened to hold the official value) and the share of runs in which it "
                      "keeps its maturity grade. The same seed gives the same result."),
    "sens.unc.spread": ("Variación de los pesos (± r)", "Weight variation (± r)"),
    "sens.unc.runs": ("Corridas", "Runs"),
    "sens.unc.seed": ("Semilla", "Seed"),
    "sens.unc.ties": ("Empates: recorriendo las posiciones oficiales, cada entidad cuyo intervalo de posición se "
                      "superpone con el de la primera entidad del grupo se muestra empatada con ella, en su posición "
                      "oficial; la que no, abre un grupo nuevo. La posición oficial se conserva en su columna.",
                      "Ties: walking down the official positions, each entity whose position interval overlaps that "
                      "of the group's first entity is shown tied with it, at its official position; one that does "
                      "not opens a new group. The official position is kept in its column."),
    "sens.unc.title_robust": ("{n} de {total} entidades conservan su grado en al menos el 90 % de las corridas; "
                              "{tied} comparten su posición con otra",
                              "{n} of {total} entities keep their grade in at least 90 % of the runs; {tied} share "
                              "their position with another"),
    "sens.unc.settings": ("{runs} corridas, pesos ± {spread}, semilla {seed}.",
                          "{runs} runs, weights ± {spread}, seed {seed}."),
    "sens.col.shown_rank": ("Posición mostrada", "Position shown"),
    "sens.col.rank_interval": ("Intervalo de posición", "Position interval"),
    "sens.col.index_interval": ("Intervalo del índice", "Index interval"),
    "sens.col.band_kept": ("Conserva su grado", "Keeps its grade"),
    "sens.col.tied_with": ("Empatada con", "Tied with"),
    "sens.tied": ("{rank} (empate)", "{rank} (tie)"),
    "sens.download": ("Descargar la tabla (CSV)", "Download the table (CSV)"),
    "sens.whatif.download": ("Descargar la comparación (CSV)", "Download the comparison (CSV)"),
    # --- chart ------------------------------------------------------------------------
    "chart.sens.axis": ("Posición en el índice (1 = índice más alto)", "Position in the index (1 = highest index)"),
    "chart.sens.official": ("Posición oficial", "Official position"),
    "chart.sens.hover.official": ("Posición oficial", "Official position"),
    "chart.sens.hover.interval": ("Intervalo de posición", "Position interval"),
    "chart.sens.hover.index": ("Intervalo del índice", "Index interval"),
    "chart.sens.hover.band_kept": ("Conserva su grado", "Keeps its grade"),
    "sens.chart.limited": ("El gráfico muestra las {n} entidades de mejor y de menor posición; la tabla y la "
                           "descarga las tienen todas.",
                           "The chart shows the {n} entities with the best and lowest positions; the table and the "
                           "download have them all."),
    # --- peer groups ------------------------------------------------------------------
    "entity.peer.department": ("Mismo departamento ({n})", "Same department ({n})"),
    "entity.peer.complexity": ("Misma complejidad ({n})", "Same complexity ({n})"),
    "entity.peer_label.department": ("media del departamento (n = {n})", "department mean (n = {n})"),
    "entity.peer_label.complexity": ("media del grupo de complejidad (n = {n})", "complexity-group mean (n = {n})"),
    "peers.group.sector": ("sector «{value}»", "sector “{value}”"),
    "peers.group.level": ("nivel de gobierno «{value}»", "level of government “{value}”"),
    "peers.group.department": ("departamento «{value}»", "department “{value}”"),
    "peers.group.complexity": ("grupo de complejidad «{value}»", "complexity group “{value}”"),
    "peers.computed": ("{value} (calculado por tamaño)", "{value} (computed from size)"),
    "peers.compared": ("Comparada con la media de las {n} otras entidades del {group} evaluadas en {period}.",
                       "Compared with the mean of the {n} other entities of the {group} assessed in {period}."),
    "peers.none": ("En el {group} no hay otra entidad evaluada en {period}: no hay con quién comparar. Elija otro "
                   "grupo de pares.",
                   "The {group} has no other entity assessed in {period}: nobody to compare with. Choose another "
                   "peer group."),
    "peers.too_small_one": ("En el {group} hay 1 otra entidad evaluada en {period}: hacen falta al menos {min} para "
                            "comparar con una media, así que no se dibuja. Elija otro grupo de pares.",
                            "The {group} has 1 other entity assessed in {period}: at least {min} are needed to "
                            "compare with a mean, so none is drawn. Choose another peer group."),
    "peers.too_small": ("En el {group} hay {n} otras entidades evaluadas en {period}: hacen falta al menos {min} "
                        "para comparar con una media, así que no se dibuja. Elija otro grupo de pares.",
                        "The {group} has {n} other entities assessed in {period}: at least {min} are needed to "
                        "compare with a mean, so none is drawn. Choose another peer group."),
    "peers.unknown.sector": ("No se conoce el sector de esta entidad: elija otro grupo de pares.",
                             "This entity's sector is unknown: choose another peer group."),
    "peers.unknown.level": ("No se conoce el nivel de gobierno de esta entidad: elija otro grupo de pares.",
                            "This entity's level of government is unknown: choose another peer group."),
    "peers.unknown.department": ("No se conoce el departamento de esta entidad: elija otro grupo de pares.",
                                 "This entity's department is unknown: choose another peer group."),
    "peers.unknown.complexity": ("Esta entidad no tiene grupo de complejidad (ni un tamaño para calcularlo): "
                                 "elija otro grupo de pares.",
                                 "This entity has no complexity group (nor a size to compute one): choose another "
                                 "peer group."),
    "peers.reference.title": ("**Frente a su grupo de pares:** {entity}", "**Against its peer group:** {entity}"),
    "present.note.coverage": ("Cobertura de la evaluación: {coverage}.", "Assessment coverage: {coverage}."),
    "present.note.real_only": ("Solo registros reales: las entidades de demostración no entran en la comparación.",
                               "Real records only: demonstration entities are left out of the comparison."),
    "present.page.peer_by": ("Grupo de pares (presentación de una entidad)", "Peer group (deck about one entity)"),
    "present.page.peer_by_default": ("El sector elegido o el de la entidad", "The chosen sector or the entity's own"),
    "peers.kind.sector": ("Mismo sector", "Same sector"),
    "peers.kind.level": ("Mismo nivel de gobierno", "Same level of government"),
    "peers.kind.department": ("Mismo departamento", "Same department"),
    "peers.kind.complexity": ("Misma complejidad", "Same complexity"),
    "sens.profile.tied": ("Con otros pesos razonables (± {spread} por área) y los criterios sin dato entre su mínimo y "
                          "su máximo, su posición va del {low} al {high} y se superpone con la de otras entidades: se "
                          "lee como empatada en la posición {shown}, con {n} más. Vea «Sensibilidad del índice».",
                          "With other reasonable weights (± {spread} per area) and the criteria without data "
                          "between their lowest and highest level, its position ranges from {low} to {high} and "
                          "overlaps others: it reads as tied at position {shown}, with {n} more. See “Index "
                          "sensitivity”."),
    "sens.profile.alone": ("Con otros pesos razonables (± {spread} por área) y los criterios sin dato entre su mínimo "
                           "y su máximo, su posición va del {low} al {high}, sin superponerse con otra entidad.",
                           "With other reasonable weights (± {spread} per area) and the criteria without data "
                           "between their lowest and highest level, its position ranges from {low} to {high}, "
                           "overlapping no other entity."),
    "sens.col.rank_range": ("Posición con incertidumbre", "Position with uncertainty"),
    # --- the command line -------------------------------------------------------------
    "cli.whatif.note": ("Pesos hipotéticos ({weights}): no son los del marco; la base no cambia.",
                        "What-if weights ({weights}): not the framework's; the database does not change."),
    "cli.col.indice_oficial": ("Índice oficial", "Official index"),
    "cli.col.puesto_oficial": ("Posición oficial", "Official position"),
    "cli.col.intervalo_indice": ("Intervalo del índice", "Index interval"),
    "cli.col.posicion": ("Posición oficial", "Official position"),
    "cli.col.posicion_mostrada": ("Posición mostrada", "Position shown"),
    "cli.col.intervalo_posicion": ("Intervalo de posición", "Position interval"),
    "cli.col.conserva_grado": ("Conserva su grado", "Keeps its grade"),
    "cli.sens.header": ("Gestión {period}, marco {framework}: {runs} corridas, pesos de área ± {spread} %, criterios "
                        "sin dato entre el nivel más bajo y el más alto, semilla {seed}.",
                        "Gestión {period}, framework {framework}: {runs} runs, area weights ± {spread} %, criteria "
                        "without data between the lowest and the highest level, seed {seed}."),
    "cli.sens.ties": ("Intervalos del 5 % al 95 % (incluyen siempre el valor oficial). Empates («=»): en orden de "
                      "posición oficial, quien se superpone con la primera entidad del grupo comparte su posición.",
                      "5 %–95 % intervals (always holding the official value). Ties (“=”): in official order, an "
                      "entity that overlaps the group's first entity shares its position."),
    "cli.sens.no_rounds": ("no hay evaluaciones para el marco {framework}; cargue datos con `egov demo` o "
                           "`egov import`",
                           "there are no assessments for framework {framework}; load data with `egov demo` or "
                           "`egov import`"),
    "cli.sens.unknown_round": ("no hay evaluaciones del marco {framework} en la gestión {period}; gestiones "
                               "disponibles: {known}",
                               "there are no assessments of framework {framework} in gestión {period}; gestiones "
                               "available: {known}"),
}
