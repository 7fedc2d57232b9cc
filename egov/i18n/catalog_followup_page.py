"""Texts of the Seguimiento page's charts, form and the entity profile's recommendations block.

(The statuses, columns and errors shared with the core are in ``catalog_followup``.)
"""

TEXT = {
    # Chart axes and titles that state the finding.
    "followup.chart.axis.recommendations": ("Recomendaciones", "Recommendations"),
    "followup.chart.axis.open": ("Recomendaciones abiertas", "Open recommendations"),
    "followup.chart.axis.age": ("Atraso respecto de la fecha límite", "Delay past the due date"),
    "followup.chart.axis.share_met": ("Cumplidas sobre aplicables", "Met over applicable"),
    "followup.chart.axis.round": ("Gestión del informe", "Report round"),
    "followup.chart.no_open": ("No hay recomendaciones abiertas en esta selección.",
                               "No open recommendations in this selection."),
    "followup.chart.title.by_entity": (
        "{overdue} de {total} recomendaciones están vencidas, en {entities} de {of} entidades",
        "{overdue} of {total} recommendations are overdue, in {entities} of {of} entities"),
    "followup.chart.title.by_area": (
        "{low} tiene el menor cumplimiento ({low_share}); {high}, el mayor ({high_share})",
        "{low} has the lowest share met ({low_share}); {high} the highest ({high_share})"),
    "followup.chart.title.ageing": (
        "{old} de {total} recomendaciones abiertas ({share}) llevan vencidas más de un año",
        "{old} of {total} open recommendations ({share}) are more than a year overdue"),
    "followup.chart.title.share_rounds": (
        "El cumplimiento es {first_share} para las recomendaciones de {first} y {last_share} para las de {last}",
        "The share met is {first_share} for the {first} recommendations and {last_share} for those of {last}"),
    "followup.chart.title.share_one": (
        "Se cumplió el {share} de las recomendaciones de {period}",
        "{share} of the {period} recommendations were met"),

    # Page.
    "followup.page.entities_shown": (
        "Se muestran las {shown} entidades con más recomendaciones vencidas, de {total}. Use los filtros de la "
        "barra lateral para ver otras. Un clic en una barra abre el perfil de la entidad.",
        "Showing the {shown} entities with most overdue recommendations, of {total}. Use the sidebar filters "
        "to see others. A click on a bar opens the entity's profile."),
    "followup.page.click_hint": ("Un clic en una barra abre el perfil de la entidad.",
                                 "A click on a bar opens the entity's profile."),
    "followup.page.scope_note": (
        "Usa el marco, sector, nivel y entidades de la barra lateral; la gestión se elige aquí porque el "
        "seguimiento cruza gestiones.",
        "Uses the sidebar's framework, sector, level and entities; the round is chosen here because "
        "follow-up spans rounds."),
    "followup.page.refused": (
        "Su rol ({role}) no permite registrar seguimiento; no se guardó nada.",
        "Your role ({role}) may not record follow-up; nothing was saved."),
    "followup.page.rows_shown": (
        "Se muestran las primeras {shown} de {total} recomendaciones. Acote con los filtros o descargue la "
        "lista completa en CSV (pestaña Lista).",
        "Showing the first {shown} of {total} recommendations. Narrow them with the filters or download the "
        "whole list as CSV (List tab)."),
    "followup.page.form_narrow": (
        "Hay {total} recomendaciones: el formulario ofrece las {shown} primeras de la pestaña Lista. Acote con "
        "sus filtros (estado, área, vencidas) o con los de la barra lateral para encontrar otra.",
        "There are {total} recommendations: the form offers the first {shown} of the List tab. Narrow them "
        "with its filters (status, area, overdue) or the sidebar's to find another."),
    "followup.page.pick_status": ("Elija el nuevo estado.", "Choose the new status."),
    "followup.page.status_placeholder": ("Elija un estado", "Choose a status"),

    # Entity profile block.
    "followup.profile.title": ("Recomendaciones y su seguimiento", "Recommendations and their follow-up"),
    "followup.profile.none": ("Esta entidad no tiene recomendaciones cargadas.",
                              "This entity has no recommendations loaded."),
    "followup.profile.counts": (
        "{total} recomendaciones: {open} abiertas ({overdue} vencidas), {met} cumplidas, al {date}.",
        "{total} recommendations: {open} open ({overdue} overdue), {met} met, as of {date}."),
    "followup.profile.expander": ("{report} n.º {rec_no} · {status} — {text}",
                                  "{report} no. {rec_no} · {status} — {text}"),
}
