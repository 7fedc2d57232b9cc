"""Texts of the supervision programme (issue 17): the «programa» file's problems, the core's refusals, the page
«Programa de supervisión», the button on Prioridades and ``egov programa``."""

_P = {
    # code: (type es, type en, problem es, problem en, fix es, fix en) — see catalog_import
    "programme_end_before_start": (
        "Conclusión antes del inicio", "End before start",
        "La conclusión prevista {value} es anterior al inicio previsto ({start}).",
        "The planned end {value} is before the planned start ({start}).",
        "Revise ambas fechas (dd/mm/aaaa), o deje vacía la que el programa no fija.",
        "Check both dates (dd/mm/yyyy), or leave empty the one the programme does not set."),
    "programme_report_required": (
        "Falta el número de informe", "Missing report number",
        "El estado «{state}» dice que el informe ya se emitió, pero no se indica su número.",
        "The state '{state}' says the report was issued, but its number is not given.",
        "Escriba el número del informe emitido (p. ej. K3/GP445/S24-G1) o corrija el estado.",
        "Write the number of the report issued (e.g. K3/GP445/S24-G1) or fix the state."),
    "programme_report_not_issued": (
        "Informe sin emitir", "Report not issued",
        "Se indica el informe «{value}» pero el estado «{state}» dice que aún no se emitió.",
        "The report '{value}' is given but the state '{state}' says it is not issued yet.",
        "Cambie el estado a «informe_emitido» (o «seguimiento_programado»), o borre el número de informe.",
        "Change the state to 'informe_emitido' (or 'seguimiento_programado'), or remove the report number."),
    "programme_report_other_entity": (
        "Informe de otra entidad", "Report of another entity",
        "El informe «{value}» está registrado para la entidad {owner}, no para esta.",
        "The report '{value}' is recorded for the entity {owner}, not this one.",
        "Corrija el número de informe o la entidad de la fila.", "Fix the report number or the row's entity."),
}

TEXT: dict[str, tuple[str, str]] = {}
for _code, (_tes, _ten, _pes, _pen, _fes, _fen) in _P.items():
    TEXT[f"import.type.{_code}"] = (_tes, _ten)
    TEXT[f"import.problem.{_code}"] = (_pes, _pen)
    TEXT[f"import.fix.{_code}"] = (_fes, _fen)

TEXT.update({
    "import.kind.programa": ("programa de supervisión", "supervision programme"),
    "import.table.supervision_programme": ("Programa de supervisión", "Supervision programme"),
    "page.programa": ("Programa de supervisión", "Supervision programme"),

    # states and kinds of work
    "programme.state.programada": ("Programada", "Programmed"),
    "programme.state.en_ejecucion": ("En ejecución", "Under way"),
    "programme.state.informe_emitido": ("Informe emitido", "Report issued"),
    "programme.state.seguimiento_programado": ("Seguimiento programado", "Follow-up programmed"),
    "programme.work_kind.supervision": ("supervisión", "supervision"),
    "programme.work_kind.seguimiento": ("seguimiento", "follow-up"),

    # refusals of the core (one record made on the page or with egov programa)
    "programme.error.bad_work_kind": ("El tipo de trabajo «{value}» no existe; use {allowed}.",
                                      "The kind of work '{value}' does not exist; use {allowed}."),
    "programme.error.bad_state": ("El estado «{value}» no existe; use {allowed}.",
                                  "The state '{value}' does not exist; use {allowed}."),
    "programme.error.period_required": ("Indique la gestión en la que se programa la supervisión (p. ej. 2025).",
                                        "Give the gestión the supervision is programmed for (e.g. 2025)."),
    "programme.error.unknown_entity": ("La entidad «{entity}» no está registrada; impórtela antes con un archivo "
                                       "«entidades».",
                                       "The entity '{entity}' is not registered; import it first with an "
                                       "'entidades' file."),
    "programme.error.end_before_start": ("La conclusión prevista ({end}) es anterior al inicio previsto ({start}); "
                                         "no se guardó nada.",
                                         "The planned end ({end}) is before the planned start ({start}); nothing "
                                         "was saved."),
    "programme.error.report_required": ("Con el estado «{state}» se necesita el número del informe emitido "
                                        "(p. ej. K3/GP445/S24-G1); no se guardó nada.",
                                        "The state '{state}' needs the number of the report issued (e.g. "
                                        "K3/GP445/S24-G1); nothing was saved."),
    "programme.error.report_not_issued": ("Con el estado «{state}» el informe aún no se emitió: no indique su "
                                          "número; no se guardó nada.",
                                          "With the state '{state}' the report is not issued yet: give no report "
                                          "number; nothing was saved."),
    "programme.error.already_programmed": ("{entity} ya está programada para la gestión {period} ({work_kind}); "
                                           "cambie su estado en la página Programa de supervisión. No se guardó "
                                           "nada.",
                                           "{entity} is already programmed for {period} ({work_kind}); change its "
                                           "state on the Supervision programme page. Nothing was saved."),
    "programme.error.not_programmed": ("{entity} no está programada para la gestión {period} ({work_kind}); "
                                       "agréguela antes al programa.",
                                       "{entity} is not programmed for {period} ({work_kind}); add it to the "
                                       "programme first."),
    "programme.error.same_state": ("La supervisión ya está en el estado «{state}»; no se guardó nada.",
                                   "The supervision is already '{state}'; nothing was saved."),

    # the page
    "programme.page.title": ("Programa de supervisión", "Supervision programme"),
    "programme.page.intro": ("Las supervisiones programadas para cada gestión, su estado, la unidad responsable y "
                             "las fechas previstas que da el programa, con los seguimientos que vencen en la "
                             "gestión según los cronogramas registrados. Una fecha vacía es desconocida: no se "
                             "supone ninguna.",
                             "The supervisions programmed for each gestión, their state, the office in charge and "
                             "the planned dates the programme gives, with the follow-ups falling due in the gestión "
                             "according to the schedules on record. An empty date is unknown: none is assumed."),
    "programme.page.empty": ("No hay supervisiones programadas. Cargue un archivo «programa» en Cargar datos, o "
                             "agregue una entidad desde Prioridades.",
                             "No supervision is programmed. Load a 'programa' file in Load data, or add an entity "
                             "from Priorities."),
    "programme.page.period": ("Gestión programada", "Programmed gestión"),
    "programme.page.offices": ("Unidad responsable", "Office in charge"),
    "programme.page.states": ("Estado", "State"),
    "programme.page.none_selected": ("Ninguna supervisión programada coincide con los filtros.",
                                     "No programmed supervision matches the filters."),
    "programme.page.metric.total": ("Supervisiones programadas", "Programmed supervisions"),
    "programme.page.metric.due": ("Seguimientos que vencen", "Follow-ups falling due"),
    "programme.page.metric.due_help": ("Recomendaciones abiertas cuyo plazo acordado (última revisión del "
                                       "cronograma) cae entre el 01/01 y el 31/12 de la gestión. Sin cronograma no "
                                       "hay plazo.",
                                       "Open recommendations whose agreed deadline (latest schedule revision) falls "
                                       "between 1 January and 31 December of the gestión. No schedule, no "
                                       "deadline."),
    "programme.page.chart_title": ("Gestión {period}: {n} supervisiones programadas ({done} con informe emitido) y "
                                   "{due} seguimientos que vencen",
                                   "Gestión {period}: {n} programmed supervisions ({done} with the report issued) "
                                   "and {due} follow-ups falling due"),
    "programme.page.axis": ("Fechas previstas", "Planned dates"),
    "programme.page.due_legend": ("Plazo de una recomendación (cronograma)", "A recommendation's deadline (schedule)"),
    "programme.page.issued_legend": ("Emisión del informe", "Report issued"),
    "programme.page.undated": ("Sin fechas previstas en el programa ({n}): {entities}. Se listan en la tabla; el "
                               "gráfico no les inventa fechas.",
                               "No planned dates in the programme ({n}): {entities}. They are in the table; the "
                               "chart invents no dates for them."),
    "programme.page.not_a_year": ("La gestión «{period}» no es un año: no se pueden situar los plazos en ella.",
                                  "The gestión '{period}' is not a year: deadlines cannot be placed in it."),
    "programme.page.table": ("Supervisiones programadas", "Programmed supervisions"),
    "programme.page.due_table": ("Seguimientos que vencen en la gestión {period}", "Follow-ups due in {period}"),
    "programme.page.no_due": ("Ningún seguimiento vence en la gestión {period} según los cronogramas registrados.",
                              "No follow-up falls due in {period} according to the schedules on record."),
    "programme.page.download": ("Descargar el programa (Excel)", "Download the programme (Excel)"),
    "programme.page.note_scope": ("Programa de supervisión, gestión {period}, filtros: {filters}. Descargado el "
                                  "{date}.",
                                  "Supervision programme, gestión {period}, filters: {filters}. Downloaded on "
                                  "{date}."),
    "programme.page.note_dates": ("Fechas vacías: el programa no las fija (no se supone ninguna). Los seguimientos "
                                  "que vencen salen de los cronogramas registrados.",
                                  "Empty dates: the programme does not set them (none is assumed). The follow-ups "
                                  "due come from the schedules on record."),
    "programme.page.note_synthetic": ("Incluye datos sintéticos de demostración.",
                                      "Includes synthetic demonstration data."),
    "programme.page.all": ("Todas", "All"),
    "programme.page.all_states": ("Todos", "All"),
    "programme.page.edit": ("Cambiar el estado de una supervisión", "Change a supervision's state"),
    "programme.page.edit_intro": ("Cada cambio es un lote «registro» auditado que puede deshacer en Cargar datos "
                                  "(historial).",
                                  "Each change is an audited 'registro' batch you can undo in Load data (history)."),
    "programme.page.edit_which": ("Supervisión", "Supervision"),
    "programme.page.edit_state": ("Nuevo estado", "New state"),
    "programme.page.edit_report": ("Número del informe emitido (desde «Informe emitido»)",
                                   "Number of the report issued (from 'Report issued')"),
    "programme.page.edit_notes": ("Observaciones (opcional)", "Notes (optional)"),
    "programme.page.edit_submit": ("Guardar el estado", "Save the state"),
    "programme.page.edit_done": ("{entity} ({period}): estado «{state}» guardado (lote {batch}).",
                                 "{entity} ({period}): state '{state}' saved (batch {batch})."),
    "programme.page.add": ("Agregar una supervisión al programa", "Add a supervision to the programme"),
    "programme.page.add_entity": ("Entidad", "Entity"),
    "programme.page.add_period": ("Gestión", "Gestión"),
    "programme.page.add_work_kind": ("Tipo de trabajo", "Kind of work"),
    "programme.page.add_office": ("Unidad responsable (opcional)", "Office in charge (optional)"),
    "programme.page.add_dates": ("Fijar fechas previstas", "Set planned dates"),
    "programme.page.add_start": ("Inicio previsto", "Planned start"),
    "programme.page.add_end": ("Conclusión prevista", "Planned end"),
    "programme.page.add_submit": ("Agregar al programa", "Add to the programme"),
    "programme.page.add_done": ("{entity} agregada al programa de la gestión {period} como «Programada» (lote "
                                "{batch}).",
                                "{entity} added to the programme for {period} as 'Programmed' (batch {batch})."),
    "programme.page.refused": ("Su rol ({role}) no permite cambiar el programa; no se guardó nada.",
                               "Your role ({role}) may not change the programme; nothing was saved."),
    "programme.page.read_only": ("Solo lectura: los analistas agregan supervisiones y cambian su estado.",
                                 "Read only: analysts add supervisions and change their state."),

    # table columns (page, Excel, CLI)
    "programme.col.entity": ("Entidad", "Entity"),
    "programme.col.entity_name": ("Nombre", "Name"),
    "programme.col.period": ("Gestión", "Gestión"),
    "programme.col.work_kind": ("Tipo de trabajo", "Kind of work"),
    "programme.col.state": ("Estado", "State"),
    "programme.col.office": ("Unidad responsable", "Office in charge"),
    "programme.col.planned_start": ("Inicio previsto", "Planned start"),
    "programme.col.planned_end": ("Conclusión prevista", "Planned end"),
    "programme.col.report_number": ("Informe", "Report"),
    "programme.col.report_issue_date": ("Emisión del informe", "Report issued"),
    "programme.col.notes": ("Observaciones", "Notes"),
    "programme.col.recorded_by": ("Registrado por", "Recorded by"),
    "programme.col.batch_id": ("Lote", "Batch"),
    "programme.col.report": ("Informe", "Report"),
    "programme.col.rec_no": ("N.º", "No."),
    "programme.col.due_date": ("Plazo acordado", "Agreed deadline"),
    "programme.col.stage": ("Etapa", "Stage"),
    "programme.col.text": ("Recomendación", "Recommendation"),

    # egov programa
    "programme.cli.none": ("(ninguna supervisión programada con esos filtros)",
                           "(no programmed supervision with those filters)"),
    "programme.cli.added": ("{entity} agregada al programa de la gestión {period} como «programada» (lote {batch}; "
                            "se deshace con `egov undo {batch}`).",
                            "{entity} added to the {period} programme as 'programada' (batch {batch}; undo with "
                            "`egov undo {batch}`)."),
    "programme.cli.state": ("{entity} ({period}): estado «{state}» (lote {batch}; se deshace con "
                            "`egov undo {batch}`).",
                            "{entity} ({period}): state '{state}' (batch {batch}; undo with `egov undo {batch}`)."),

    # Prioridades: the button
    "programme.prio.title": ("Llevar al programa de supervisión", "Take to the supervision programme"),
    "programme.prio.intro": ("Agrega la entidad elegida al programa de la gestión {period} como «Programada», sin "
                             "unidad ni fechas (se completan después). Es un lote auditado que puede deshacer.",
                             "Adds the chosen entity to the programme for {period} as 'Programmed', with no office "
                             "or dates (filled in later). It is an audited batch you can undo."),
    "programme.prio.entity": ("Entidad a programar", "Entity to programme"),
    "programme.prio.period": ("Gestión del programa", "Programme gestión"),
    "programme.prio.submit": ("Agregar al programa", "Add to the programme"),
    "programme.prio.already": ("Ya en el programa de {period}: {entities}.", "Already in the {period} programme: "
                               "{entities}."),
    "programme.prio.see": ("Ver el programa de supervisión", "See the supervision programme"),
})
