"""Texts of the follow-up of recommendations (Seguimiento page, entity profile, Resumen counts)."""

TEXT = {
    # Statuses (stored codes -> labels).
    # Life-cycle stages (egov.followup.STAGES), in the Contraloría's words.
    "followup.stage.sin_aceptar": ("Sin aceptación registrada", "No acceptance recorded"),
    "followup.stage.no_aceptada": ("No aceptada", "Not accepted"),
    "followup.stage.sin_cronograma": ("Aceptada, sin cronograma", "Accepted, no schedule"),
    "followup.stage.en_plazo": ("Pendiente de implementación (en plazo)", "Pending implementation (on time)"),
    "followup.stage.plazo_vencido": ("Plazo vencido", "Deadline passed"),
    "followup.stage.parcialmente_cumplida": ("Parcialmente cumplida", "Partially met"),
    "followup.stage.no_cumplida": ("No cumplida", "Not met"),
    "followup.stage.cumplida": ("Cumplida", "Met"),
    "followup.stage.no_aplicable": ("No aplicable", "Not applicable"),
    "followup.col.stage": ("Etapa", "Stage"),
    "followup.filter.stage": ("Etapa del seguimiento", "Follow-up stage"),
    "followup.timeline.empty": ("No hay eventos fechados en el registro de estas recomendaciones.",
                                "There are no dated events in these recommendations' record."),
    "followup.timeline.rec": ("{report} · n.º {n}", "{report} · no. {n}"),
    "followup.timeline.deadline": ("Plazo acordado", "Agreed deadline"),
    "followup.timeline.axis": ("Fecha", "Date"),
    "followup.timeline.title_none": ("No hay recomendaciones registradas", "There are no recommendations recorded"),
    "followup.timeline.title": (
        "{total} recomendaciones: {unscheduled} sin cronograma (sin plazo), {overdue} con plazo vencido",
        "{total} recommendations: {unscheduled} without a schedule (no deadline), {overdue} past their deadline"),
    "followup.event.emision": ("Emisión del informe", "Report issued"),
    "followup.event.recepcion": ("Recepción por la entidad", "Received by the entity"),
    "followup.event.aceptada": ("Aceptada", "Accepted"),
    "followup.event.no_aceptada": ("No aceptada", "Not accepted"),
    "followup.event.cronograma": ("Cronograma de implementación", "Implementation schedule"),
    "followup.event.reprogramacion": ("Reprogramación", "Rescheduling"),
    "followup.event.calificacion": ("Informe de seguimiento", "Follow-up report"),
    "followup.event.avance": ("Avance informado", "Progress note"),
    "followup.error.not_accepted": (
        "La recomendación {rec_no} del informe {report} de {entity} está {decision}: no se le puede hacer "
        "seguimiento. Registre antes su aceptación y su cronograma (archivos «aceptacion» y «cronograma»).",
        "Recommendation {rec_no} of report {report} of {entity} is {decision}: it cannot be followed up. Record "
        "its acceptance and schedule first ('aceptacion' and 'cronograma' files)."),
    "followup.decision.no_aceptada": ("no aceptada", "not accepted"),
    "followup.decision.none": ("sin aceptación registrada", "without a recorded acceptance"),
    "followup.error.not_met_before_deadline": (
        "«No cumplida» el {date} es anterior al plazo acordado ({deadline}): hasta entonces la recomendación "
        "sigue pendiente de implementación.",
        "'Not met' on {date} is before the agreed deadline ({deadline}): until then it is still pending."),
    "followup.status.pendiente": ("Pendiente de implementación", "Pending implementation"),
    "followup.status.en_proceso": ("En proceso", "In progress"),
    "followup.status.cumplida": ("Cumplida", "Met"),
    "followup.status.parcialmente_cumplida": ("Parcialmente cumplida", "Partially met"),
    "followup.status.no_cumplida": ("No cumplida", "Not met"),
    "followup.status.no_aplicable": ("No aplicable", "Not applicable"),
    "followup.status.implied": ("Pendiente de implementación (sin seguimiento registrado)", "Pending (no follow-up recorded)"),

    # Ageing buckets.
    "followup.ageing.al_dia": ("Aún en plazo", "Not yet due"),
    "followup.ageing.1_90": ("1–90 días de atraso", "1–90 days overdue"),
    "followup.ageing.91_180": ("91–180 días", "91–180 days"),
    "followup.ageing.181_365": ("181–365 días", "181–365 days"),
    "followup.ageing.mas_365": ("Más de un año", "Over a year"),

    # Tie-back outcomes.
    "followup.outcome.mejoro": ("Mejoró", "Improved"),
    "followup.outcome.igual": ("Sin cambio", "No change"),
    "followup.outcome.empeoro": ("Empeoró", "Worsened"),
    "followup.outcome.sin_ronda_siguiente": ("Sin gestión siguiente", "No later round"),
    "followup.outcome.sin_puntaje": ("Sin puntaje del área", "No area score"),

    # Metrics (shared with the Resumen page).
    "followup.metric.total": ("Recomendaciones", "Recommendations"),
    "followup.metric.open": ("Abiertas", "Open"),
    "followup.metric.overdue": ("Con plazo vencido", "Overdue"),
    "followup.metric.met": ("Cumplidas", "Met"),
    "followup.metric.share_met": ("Cumplimiento", "Share met"),
    "followup.metric.share_met_help": (
        "Cumplidas sobre las aplicables (las «no aplicable» no cuentan).",
        "Met over applicable ones (“not applicable” ones do not count)."),
    "followup.metric.overdue_help": (
        "Abiertas cuya fecha límite ya pasó al {date}.",
        "Open recommendations past their due date as of {date}."),
    "followup.metric.entities_with_overdue": ("Entidades con plazos vencidos", "Entities with overdue"),

    # Page.
    "followup.title": ("Seguimiento de recomendaciones", "Follow-up of recommendations"),
    "followup.caption": (
        "Qué se recomendó, qué se hizo y qué está vencido, al {date}.",
        "What was recommended, what was done and what is overdue, as of {date}."),
    "followup.as_of": ("Fecha de corte", "As of"),
    "followup.as_of_help": (
        "El estado de cada recomendación es el último registrado hasta esta fecha.",
        "Each recommendation's status is the latest recorded up to this date."),
    "followup.empty": (
        "No hay recomendaciones cargadas para esta selección. Cárguelas en «Cargar datos» "
        "(archivo de hallazgos y recomendaciones).",
        "No recommendations loaded for this selection. Load them in “Load data” "
        "(findings and recommendations file)."),
    "followup.demo_note": (
        "Incluye datos sintéticos de demostración.", "Includes synthetic demonstration data."),
    "followup.tab.status": ("Estado", "Status"),
    "followup.tab.overdue": ("Plazo vencido", "Overdue"),
    "followup.tab.list": ("Lista", "List"),
    "followup.tab.tie_back": ("Efecto en la madurez", "Effect on maturity"),
    "followup.tab.record": ("Registrar seguimiento", "Record follow-up"),
    "followup.by_entity": ("Estado por entidad", "Status by entity"),
    "followup.by_area": ("Estado por área", "Status by area"),
    "followup.ageing": ("Antigüedad de las abiertas", "Ageing of open recommendations"),
    "followup.share_by_round": ("Cumplimiento por gestión", "Share met per round"),
    "followup.overdue_list": ("Recomendaciones con plazo vencido", "Overdue recommendations"),
    "followup.no_overdue": ("No hay recomendaciones con plazo vencido al {date}.", "No overdue recommendations as of {date}."),
    "followup.filter.status": ("Estado", "Status"),
    "followup.filter.area": ("Área", "Area"),
    "followup.filter.entity": ("Entidad", "Entity"),
    "followup.filter.overdue_only": ("Solo con plazo vencido", "Overdue only"),
    "followup.filter.round": ("Gestión del informe", "Report round"),
    "followup.filter.all_rounds": ("Todas las gestiones", "All rounds"),
    "followup.list_count": ("Recomendaciones: {n}", "Recommendations: {n}"),
    "followup.download": ("Descargar lista (CSV)", "Download list (CSV)"),
    "followup.history_of": ("Historial de la recomendación", "History of the recommendation"),
    "followup.history_pick": ("Ver el historial de", "Show the history of"),
    "followup.no_history": (
        "Sin seguimiento registrado: se considera pendiente desde la emisión del informe.",
        "No follow-up recorded: it counts as pending since the report was issued."),
    "followup.set_back": ("retrocedió", "set back"),
    "followup.tie_back_intro": (
        "Para cada recomendación cumplida: el puntaje del área a la que se refiere en la gestión del informe "
        "y en la siguiente gestión evaluada de la misma entidad.",
        "For each met recommendation: the score of the area it concerns in the report's round and in the "
        "same entity's next assessed round."),
    "followup.tie_back_none": ("No hay recomendaciones cumplidas en esta selección.",
                               "No met recommendations in this selection."),
    "followup.tie_back_summary": (
        "De {compared} recomendaciones cumplidas con gestión siguiente, el área mejoró en {improved}.",
        "Of {compared} met recommendations with a later round, the area improved in {improved}."),

    # Columns.
    "followup.col.entity": ("Entidad", "Entity"),
    "followup.col.report": ("Informe", "Report"),
    "followup.col.rec_no": ("N.º", "No."),
    "followup.col.period": ("Gestión", "Round"),
    "followup.col.area": ("Área", "Area"),
    "followup.col.text": ("Recomendación", "Recommendation"),
    "followup.col.due_date": ("Fecha límite", "Due date"),
    "followup.col.status": ("Estado", "Status"),
    "followup.col.status_date": ("Fecha del estado", "Status date"),
    "followup.col.previous_status": ("Estado anterior", "Previous status"),
    "followup.col.days_overdue": ("Días de atraso", "Days overdue"),
    "followup.col.evidence": ("Evidencia", "Evidence"),
    "followup.col.recorded_by": ("Registrado por", "Recorded by"),
    "followup.col.recorded_at": ("Registrado el", "Recorded at"),
    "followup.col.updates": ("Actualizaciones", "Updates"),
    "followup.col.total": ("Total", "Total"),
    "followup.col.open": ("Abiertas", "Open"),
    "followup.col.overdue": ("Con plazo vencido", "Overdue"),
    "followup.col.share_met": ("Cumplimiento", "Share met"),
    "followup.col.recommendations": ("Recomendaciones", "Recommendations"),
    "followup.col.bucket": ("Antigüedad", "Age"),
    "followup.col.area_score": ("Puntaje del área (gestión)", "Area score (round)"),
    "followup.col.next_period": ("Gestión siguiente", "Next round"),
    "followup.col.next_area_score": ("Puntaje del área (siguiente)", "Area score (next)"),
    "followup.col.change": ("Cambio", "Change"),
    "followup.col.outcome": ("Resultado", "Outcome"),
    "followup.col.met_date": ("Cumplida el", "Met on"),
    "followup.col.met_before_next": ("Cumplida antes de la gestión siguiente", "Met before the next round"),
    "followup.col.batch": ("Lote", "Batch"),

    # Recording form.
    "followup.form.intro": (
        "Registre un estado de una recomendación. Queda en el historial (nada se sobrescribe), en la "
        "auditoría, y un administrador puede deshacerlo como lote en «Cargar datos».",
        "Record one status of a recommendation. It goes into the history (nothing is overwritten), into "
        "the audit trail, and an administrator can undo it as a batch in “Load data”."),
    "followup.form.viewer": (
        "Solo analistas y administradores pueden registrar el seguimiento.",
        "Only analysts and administrators can record follow-up."),
    "followup.form.recommendation": ("Recomendación", "Recommendation"),
    "followup.form.status": ("Nuevo estado", "New status"),
    "followup.form.date": ("Fecha del estado", "Status date"),
    "followup.form.evidence": ("Evidencia", "Evidence"),
    "followup.form.evidence_help": (
        "Documento, nota o informe que respalda el estado. Obligatoria para «no aplicable».",
        "Document, note or report behind the status. Required for “not applicable”."),
    "followup.form.submit": ("Registrar estado", "Record status"),
    "followup.form.done": (
        "Registrado: {entity} {report} n.º {rec_no} → {status} al {date} (lote {batch}).",
        "Recorded: {entity} {report} no. {rec_no} → {status} as of {date} (batch {batch})."),
    "followup.form.none": ("No hay recomendaciones para registrar en esta selección.",
                           "No recommendations to record in this selection."),

    # Errors of recording (the CSV import has its own wording in catalog_import).
    "followup.error.bad_status": (
        "El estado «{value}» no existe. Use uno de: {allowed}.",
        "Status “{value}” does not exist. Use one of: {allowed}."),
    "followup.error.bad_date": ("La fecha «{value}» no es válida.", "Date “{value}” is not valid."),
    "followup.error.future_date": (
        "La fecha {date} está en el futuro: registre el estado cuando ocurra.",
        "Date {date} is in the future: record the status when it happens."),
    "followup.error.evidence_required": (
        "«No aplicable» necesita una evidencia que explique por qué; escríbala y vuelva a registrar.",
        "“Not applicable” needs evidence explaining why; write it and record again."),
    "followup.error.unknown_recommendation": (
        "No existe la recomendación {rec_no} del informe {report} de {entity}. Cargue primero el archivo de "
        "recomendaciones.",
        "Recommendation {rec_no} of report {report} of {entity} does not exist. Load the recommendations "
        "file first."),
    "followup.error.before_issue": (
        "La fecha {date} es anterior a la emisión del informe ({issued}); revise la fecha.",
        "Date {date} is before the report was issued ({issued}); check the date."),
    "followup.error.same_date": (
        "Ya hay un estado registrado el {date} para esta recomendación; nada se sobrescribe. "
        "Use otra fecha, o pida a un administrador que deshaga el registro anterior (es un lote en "
        "«Cargar datos») y vuelva a registrar.",
        "A status is already recorded on {date} for this recommendation; nothing is overwritten. "
        "Use another date, or ask an administrator to undo the earlier record (a batch in “Load data”) "
        "and record again."),

    # Methodology (also in egov/followup.py's docstring).
    "followup.methodology_title": ("Cómo se calcula el seguimiento", "How follow-up is computed"),
    "followup.methodology": (
        "- **Estado actual**: el estado con la fecha de estado más reciente hasta la fecha de corte; "
        "si dos tienen la misma fecha, el registrado último. El historial nunca se sobrescribe: cada cambio "
        "queda con su fecha, su evidencia y quién lo registró. Una recomendación sin seguimiento está "
        "*pendiente*.\n"
        "- **Abierta**: estado actual pendiente, en proceso, parcialmente cumplida o no cumplida.\n"
        "- **Vencida**: abierta y con fecha límite anterior a la fecha de corte; **días de atraso** = fecha de "
        "corte − fecha límite.\n"
        "- **Cumplida**: estado actual «cumplida». El **cumplimiento** se calcula como cumplidas ÷ aplicables: las "
        "«no aplicable» no cuentan en el denominador.\n"
        "- No se acepta un estado con fecha futura, ni anterior a la emisión del informe; «no aplicable» "
        "exige evidencia (práctica OLACEFS: todo «no aplica» necesita su razón).\n"
        "- **Efecto en la madurez**: para cada recomendación cumplida, el puntaje del área a la que se "
        "refiere en la gestión del informe frente a la siguiente gestión evaluada de la misma entidad "
        "(cambio redondeado a dos decimales). Es una asociación, no prueba que la mejora se deba a la "
        "recomendación.",
        "- **Current status**: the status with the latest status date up to the as-of date; if two share a "
        "date, the one recorded last. The history is never overwritten: each change keeps its date, its "
        "evidence and who recorded it. A recommendation with no follow-up is *pending*.\n"
        "- **Open**: current status pending, in progress, partially met or not met.\n"
        "- **Overdue**: open with a due date before the as-of date; **days overdue** = as-of date − due "
        "date.\n"
        "- **Met**: current status “met”. The **share met** is met ÷ applicable: “not applicable” ones are "
        "left out of the denominator.\n"
        "- A status dated in the future, or before the report was issued, is refused; “not applicable” "
        "requires evidence (OLACEFS practice: every “n/a” needs a reason).\n"
        "- **Effect on maturity**: for each met recommendation, the score of the area it concerns in the "
        "report's round against the same entity's next assessed round (change rounded to two decimals). "
        "It is an association, not proof that the recommendation caused the change."),
}
