"""Texts of the shared UI plumbing: the sidebar filters, levels of government, the demo badge."""

TEXT = {
    "filters.title": ("Filtros", "Filters"),
    "filters.framework": ("Marco de evaluación", "Assessment framework"),
    "filters.period": ("Gestión supervisada", "Supervision round"),
    "filters.period_help": ("Los cambios se calculan contra la gestión anterior.",
                            "Changes are computed against the previous round."),
    "filters.sector": ("Sector", "Sector"),
    "filters.level": ("Nivel de gobierno", "Level of government"),
    "filters.entities": ("Entidades", "Entities"),
    "filters.all": ("Todos", "All"),  # for masculine choosers (sectores, niveles, estados)
    "filters.all_f": ("Todas", "All"),  # for feminine ones (entidades, áreas, diapositivas)
    "filters.link_hint": ("El enlace de esta página conserva los filtros: cópielo para compartir la vista.",
                          "This page's link keeps the filters: copy it to share the view."),
    "level.central": ("Nivel central", "Central government"),
    "level.descentralizada": ("Institución descentralizada", "Decentralised institution"),
    "level.departamental": ("Gobierno departamental", "Departmental government"),
    "level.regional": ("Gobierno regional", "Regional government"),
    "level.municipal": ("Gobierno municipal", "Municipal government"),
    "level.indigena": ("Autonomía indígena", "Indigenous autonomy"),
    "level.universidad": ("Universidad pública", "Public university"),
    "level.empresa_publica": ("Empresa pública", "Public company"),
    "level.otro": ("Otro", "Other"),
    "ui.no_framework": ("La base de datos no tiene ningún marco de evaluación. Un administrador puede cargarlo "
                        "en «Cargar datos» (archivo «marco») o con `egov init`.",
                        "The database has no assessment framework. An administrator can load one in "
                        "“Load data” (a “marco” file) or with `egov init`."),
    "ui.no_assessments": ("Todavía no hay evaluaciones para este marco. Cargue puntajes en «Cargar datos» "
                          "(plantilla «puntajes»).",
                          "There are no assessments for this framework yet. Load scores in “Load data” "
                          "(“puntajes” template)."),
}
