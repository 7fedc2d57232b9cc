"""Texts of the app's frame: navigation, sections, shared labels."""

TEXT = {
    "app.title": ("Madurez de Gobierno Electrónico", "E-government maturity"),
    "nav.analysis": ("Análisis", "Analysis"),
    "nav.present": ("Presentar", "Present"),
    "nav.data": ("Datos", "Data"),
    "nav.admin": ("Administración", "Administration"),
    "page.resumen": ("Resumen", "Overview"),
    "page.areas": ("Áreas de supervisión", "Supervision areas"),
    "page.herramientas": ("Herramientas de gobierno electrónico", "E-government tools"),
    "page.entidad": ("Entidad", "Entity"),
    "page.comparar": ("Comparar", "Compare"),
    "page.evolucion": ("Evolución", "Trends"),
    "page.seguimiento": ("Seguimiento", "Follow-up"),
    "page.presentacion": ("Presentación", "Presentation"),
    "page.metodologia": ("Metodología", "Methodology"),
    "page.cargar": ("Cargar datos", "Load data"),
    "page.auditoria": ("Auditoría y usuarios", "Audit and users"),
    "demo.badge": ("Datos de demostración", "Demonstration data"),
    "demo.badge_help": ("Parte de lo que se muestra son datos sintéticos de demostración; "
                        "`egov demo --remove` los quita.",
                        "Part of what is shown is synthetic demonstration data; "
                        "`egov demo --remove` removes it."),
}
