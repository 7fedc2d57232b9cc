"""The English help of every `egov` command and option, keyed by its Spanish text (the source).

``tests/test_cli_language.py`` checks that each Spanish help text has its English one here.
"""

HELP_EN = {
    "Tablero de madurez de gobierno electrónico: línea de comandos.": "E-government maturity dashboard: command line.",
    "Archivo DuckDB (por defecto $EGOV_DB o data/egov.duckdb).": "DuckDB file (default $EGOV_DB or data/egov.duckdb).",
    "Idioma de los mensajes: es (por defecto, o $EGOV_LANG) o en.":
        "Language of the messages: es (default, or $EGOV_LANG) or en.",
    "Cuentas de usuario: crear, cambiar rol, desactivar, reactivar, listar.":
        "User accounts: create, change role, disable, enable, list.",
    "Crea una cuenta. Con contraseña, el inicio de sesión local queda activado.":
        "Creates an account. With a password, local sign-in is turned on.",
    "Rol de la cuenta.": "Role of the account (viewer, analyst or admin; lector, analista or administrador).",
    "Nombre para mostrar (por defecto, el usuario).": "Display name (default: the user name).",
    "Lee la contraseña de la entrada estándar (una línea).": "Reads the password from standard input (one line).",
    "Sin contraseña: la cuenta entra solo por el proveedor de identidad (USUARIO = su correo).":
        "No password: the account signs in only through the identity provider (NAME = its e-mail).",
    "Cambia el rol de una cuenta (lector, analista o administrador).":
        "Changes an account's role (viewer, analyst or admin).",
    "Desactiva una cuenta: no puede iniciar sesión y sus sesiones abiertas terminan.":
        "Disables an account: it cannot sign in and its open sessions end.",
    "Reactiva una cuenta desactivada.": "Enables a disabled account again.",
    "Cambia la contraseña de una cuenta (sus sesiones abiertas terminan).":
        "Changes an account's password (its open sessions end).",
    "Lista las cuentas (usuario, rol, estado, forma de acceso, nombre).":
        "Lists the accounts (user, role, status, sign-in method, name).",
    "Registro de auditoría: verificar la cadena, listar entradas.": "Audit log: verify the chain, list entries.",
    "Comprueba que ninguna entrada del registro fue editada, borrada o reordenada.":
        "Checks that no log entry was edited, deleted or reordered.",
    "Muestra las últimas entradas del registro (la más reciente primero).":
        "Shows the latest log entries (most recent first).",
    "Cuántas entradas.": "How many entries.",
    "Solo esta acción (repetible): import, undo, user_add…": "Only this action (repeatable): import, undo, user_add…",
    "Solo las de este usuario.": "Only this user's.",
    "Hace una copia consistente de toda la base de datos.": "Makes a consistent copy of the whole database.",
    "Archivo de destino (por defecto, una copia fechada en la carpeta de copias).":
        "Target file (default: a dated copy in the backup folder).",
    "Reemplaza la base de datos por la copia ARCHIVO (la actual se guarda antes como copia).":
        "Replaces the database with the copy FILE (the current one is kept as a backup first).",
    "No pide confirmación.": "Does not ask for confirmation.",
    "Crea o actualiza la base de datos y carga el marco por defecto.":
        "Creates or upgrades the database and loads the default framework.",
    "Carga los datos de muestra (DIGEMIG real y el conjunto sintético de demostración).":
        "Loads the sample data (the real DIGEMIG and the synthetic demonstration set).",
    "Quita los datos sintéticos de demostración.": "Removes the synthetic demonstration data.",
    "Solo carga si la base no tiene evaluaciones.": "Loads only if the database has no assessments.",
    "Índice, posición, grado, cobertura y puntaje por área de cada entidad y gestión.":
        "Index, position, grade, coverage and score per area of each entity and gestión (period).",
    "Gestión (p. ej. 2024); por defecto todas.": "Gestión (period, e.g. 2024); default: all.",
    "Código del marco; por defecto el más usado.": "Framework code; default: the most used.",
    "Formato de salida: table (tabla para leer), csv o json (valores para programas).":
        "Output format: table (to read), csv or json (values for programs).",
    "Exporta la presentación (.pptx), el resumen ejecutivo (.pdf) o los datos (.csv/.xlsx).":
        "Exports the deck (.pptx), the executive summary (.pdf) or the data (.csv/.xlsx).",
    "Presentación PowerPoint 16:9: un mensaje por diapositiva, gráfico como imagen, nota de fuente.":
        "16:9 PowerPoint deck: one message per slide, chart as a picture, source note.",
    "Archivo .pptx de salida.": "Output .pptx file.",
    "Gestión; por defecto la última.": "Gestión (period); default: the latest.",
    "Código de una entidad: presentación sobre ella y sus pares.": "An entity's code: a deck about it and its peers.",
    "Grupo de pares: solo estos sectores (repetible).": "Peer group: only these sectors (repeatable).",
    "Diapositivas a incluir, separadas por comas (p. ej. overview.ranking,area.PLAN).":
        "Slides to include, separated by commas (e.g. overview.ranking,area.PLAN).",
    "Idioma de los textos.": "Language of the texts.",
    "Resumen ejecutivo en PDF de una entidad, con la estructura del informe de supervisión.":
        "An entity's executive summary as a PDF, shaped like the supervision report.",
    "Código de la entidad (vea `egov scores`).": "The entity's code (see `egov scores`).",
    "Archivo .pdf de salida.": "Output .pdf file.",
    "Gestión; por defecto la última evaluada de la entidad.": "Gestión (period); default: the entity's latest assessed.",
    "Sin gráficos (no necesita Chromium).": "Without charts (needs no Chromium).",
    "Tabla de puntajes (índice, posición, grado, cobertura y un puntaje por área), sin fórmulas activas.":
        "Score table (index, position, grade, coverage and a score per area), with no live formulas.",
    "Archivo de salida.": "Output file.",
    "Gestión; por defecto todas.": "Gestión (period); default: all.",
    "Formato del archivo: csv o xlsx.": "File format: csv or xlsx.",
    "Importa uno o más archivos CSV o .xlsx (cada archivo, todo o nada).":
        "Imports one or more CSV or .xlsx files (each file all or nothing).",
    "Revisa y muestra la vista previa sin guardar nada.": "Checks and shows the preview without saving anything.",
    "Confirma los cambios a datos existentes.": "Confirms changes to existing data.",
    "Tipo de archivo (por defecto se reconoce por los encabezados).": "Kind of file (default: recognised from its headers).",
    "Marca el lote como datos sintéticos de demostración.": "Marks the batch as synthetic demonstration data.",
    "Muestra cada paso con su tiempo (por defecto, solo en una terminal).":
        "Shows each step with its time (by default, only on a terminal).",
    "Genera la plantilla de un tipo de archivo (CSV o Excel con hoja de instrucciones).":
        "Writes the template of a kind of file (CSV, or Excel with an instructions sheet).",
    "Incluye filas de ejemplo tomadas de los datos de muestra.": "Includes example rows taken from the sample data.",
    "Archivo de salida (por defecto kind.csv/.xlsx en la carpeta actual; '-' = salida estándar).":
        "Output file (default kind.csv/.xlsx in the current folder; '-' = standard output).",
    "Lista los lotes importados (el más reciente primero).": "Lists the imported batches (most recent first).",
    "Deshace un lote: restaura exactamente lo que había antes de importarlo.":
        "Undoes a batch: restores exactly what was there before it was imported.",
    # egov prioridades (issue 17)
    "Fecha a la que se leen los plazos vencidos y el tiempo desde la última supervisión; por defecto hoy.":
        "Date at which overdue deadlines and the time since the last supervision are read; today by default.",
    "Peso de un factor (madurez, caida, vencidas, tiempo, limitaciones, ciudadania, criticidad), p. ej. "
    "tiempo=4; se puede repetir. Por defecto: madurez=3 vencidas=2 tiempo=2 criticidad=2 caida=1 limitaciones=1 "
    "ciudadania=1.":
        "Weight of a factor (madurez, caida, vencidas, tiempo, limitaciones, ciudadania, criticidad), e.g. "
        "tiempo=4; may be repeated. Default: madurez=3 vencidas=2 tiempo=2 criticidad=2 caida=1 limitaciones=1 "
        "ciudadania=1.",
    "Prioridad de supervisión de cada entidad, con el valor y la parte de cada factor y por qué.":
        "Supervision priority of each entity, with each factor's value and share, and why.",
    # egov scores with what-if weights, egov sensibilidad (issue 18)
    "Peso hipotético de un área (p. ej. PLAN=0 ORG=2); se puede repetir. No cambia la base.":
        "What-if weight of an area (e.g. PLAN=0 ORG=2); may be repeated. The database does not change.",
    "Peso hipotético de un criterio (p. ej. PLAN.1=2); se puede repetir.":
        "What-if weight of a criterion (e.g. PLAN.1=2); may be repeated.",
    "Intervalos de índice y de posición de cada entidad (5 %–95 % de las corridas) y empates.":
        "Index and position intervals of each entity (5 %–95 % of the runs) and ties.",
    "Gestión (p. ej. 2024); por defecto la última.": "Gestión (e.g. 2024); the latest by default.",
    "Número de corridas.": "Number of runs.",
    "Variación de cada peso de área: factor uniforme entre 1 − r y 1 + r.":
        "Variation of each area weight: a uniform factor between 1 − r and 1 + r.",
    "Semilla: la misma da el mismo resultado.": "Seed: the same one gives the same result.",
    "Con --entity: comparar con su sector, nivel de gobierno, departamento o grupo de complejidad.":
        "With --entity: compare with its sector, level of government, department or complexity group.",
    "Archivo DuckDB o dirección postgresql://usuario@servidor:puerto/base (por defecto $EGOV_DB o data/egov.duckdb; "
    "la contraseña, en PGPASSWORD o ~/.pgpass).":
        "DuckDB file or postgresql://user@host:port/db address (default $EGOV_DB or data/egov.duckdb; the password "
        "in PGPASSWORD or ~/.pgpass).",
    "La base de datos entera: copiarla de un archivo DuckDB a PostgreSQL y de vuelta.":
        "The whole database: copy it from a DuckDB file to PostgreSQL and back.",
    "Copia toda la base SOURCE en la base nueva TARGET (archivo DuckDB o postgresql://…) y la comprueba.":
        "Copies the whole database SOURCE into the new database TARGET (DuckDB file or postgresql://…) and checks it.",
    "Comprueba la cadena del registro (clave HMAC) y que los datos coinciden con su última entrada.":
        "Checks the log's chain (HMAC key) and that the data match its last entry.",
    "La última cabeza conocida (de `egov audit head` o del manifiesto de una copia): detecta también un final recortado.":
        "The last known head (from `egov audit head` or a backup's manifest): also detects a cut-off end.",
    "Imprime la cabeza del registro (entradas:hash de la última) para guardarla fuera del servidor.":
        "Prints the log's head (entries:hash of the last) to keep it off the server.",
    "Acepta una copia sin manifiesto (hecha antes de que existieran); su cadena se verifica igual.":
        "Accepts a backup without a manifest (made before they existed); its chain is verified all the same.",
    ("Imprime dónde debe escuchar `make run`: 127.0.0.1 sin inicio de sesión, nada (toda interfaz) con él.\n\n"
     "    Sin inicio de sesión, quien se conecta es administrador: por eso escucha solo en este\n"
     "    equipo; con inicio de sesión, el servidor puede atender a un equipo de trabajo.\n    "):
        "Prints where `make run` should listen: 127.0.0.1 without sign-in, nothing (every interface) with it.",
    "secrets.toml de Streamlit.": "Streamlit's secrets.toml.",
    "Comparar también con los datos de demostración (cada página lleva el aviso). Por defecto solo registros reales.":
        "Compare with the demonstration data too (every page carries the notice). By default real records only.",
    "Evidencias de los puntajes, hallazgos y seguimiento: agregar, listar, obtener el archivo.":
        "Evidence behind scores, findings and follow-up: add, list, get the file.",
    "Registra una evidencia (y su archivo, guardado una vez por su SHA-256) como un lote que se puede deshacer.":
        "Records a piece of evidence (and its file, stored once by its SHA-256) as a batch that can be undone.",
    "Gestión del puntaje o del hallazgo (p. ej. 2024).": "Gestión (period) of the score or finding (e.g. 2024).",
    "Criterio cuyo puntaje respalda (p. ej. PLAN.1).": "Criterion whose score it backs (e.g. PLAN.1).",
    "Número del hallazgo que respalda.": "Number of the finding it backs.",
    "Informe de la recomendación (calificación de seguimiento).": "Report of the recommendation (follow-up rating).",
    "Número de la recomendación.": "Number of the recommendation.",
    "Fecha de la calificación de seguimiento (dd/mm/aaaa).": "Date of the follow-up rating (dd/mm/yyyy).",
    "Documento como lo cita el informe (p. ej. «RM que aprueba el MPP»).":
        "Document as the report cites it (e.g. «RM que aprueba el MPP»).",
    "Número del documento (p. ej. 123/2023).": "Number of the document (e.g. 123/2023).",
    "Fecha del documento (dd/mm/aaaa).": "Date of the document (dd/mm/yyyy).",
    "Sección del informe que lo cita.": "Section of the report that cites it.",
    "Referencia del papel de trabajo.": "Working-paper reference.",
    "Archivo adjunto (PDF, PNG, JPEG, documento de Office u OpenDocument; máximo 20 MB).":
        "Attached file (PDF, PNG, JPEG, Office or OpenDocument document; 20 MB at most).",
    "Lista las evidencias registradas, con el SHA-256 y el tipo de su archivo.":
        "Lists the evidence recorded, with its file's SHA-256 and type.",
    "Solo esta entidad.": "Only this entity.",
    "Solo esta gestión.": "Only this gestión (period).",
    "Formato de salida: table (tabla para leer) o csv (valores para programas).":
        "Output format: table (to read) or csv (values for programs).",
    "Escribe el archivo de evidencia con ese SHA-256 (o un prefijo único), byte a byte como se guardó.":
        "Writes the evidence file with that SHA-256 (or a unique prefix), byte for byte as it was stored.",
    "Archivo de salida (por defecto el nombre con que se guardó, en la carpeta actual; '-' = salida estándar).":
        "Output file (default: the name it was stored with, in the current folder; '-' = standard output).",
    "Plantilla de autoevaluación: los criterios del marco para que la entidad declare sus puntajes.":
        "Self-assessment template: the framework's criteria for the entity to declare its scores.",
    "Archivo de salida (por defecto autoevaluacion-ENTIDAD-GESTION.csv/.xlsx; '-' = salida estándar).":
        "Output file (default autoevaluacion-ENTITY-PERIOD.csv/.xlsx; '-' = standard output).",
    # egov programa (supervision programme, issue 17)
    "Programa de supervisión: listar, agregar una entidad, cambiar el estado de una supervisión.":
        "Supervision programme: list, add an entity, change a supervision's state.",
    "Lista las supervisiones programadas con su estado, unidad, fechas previstas e informe.":
        "Lists the programmed supervisions with their state, office, planned dates and report.",
    "Solo este estado (se puede repetir).": "Only this state (repeatable).",
    "Solo esta unidad responsable (se puede repetir).": "Only this office in charge (repeatable).",
    "Solo esta entidad (se puede repetir).": "Only this entity (repeatable).",
    "Agrega una entidad al programa de una gestión como «programada» (un lote que se puede deshacer).":
        "Adds an entity to a gestión's programme as 'programada' (an undoable batch).",
    "Gestión en la que se programa la supervisión (p. ej. 2025).":
        "Gestión (period) the supervision is programmed for (e.g. 2025).",
    "Tipo de trabajo: supervision o seguimiento.": "Kind of work: supervision or seguimiento (follow-up).",
    "Unidad responsable de la Contraloría.": "The Contraloría's office in charge.",
    "Inicio previsto (dd/mm/aaaa).": "Planned start (dd/mm/yyyy).",
    "Conclusión prevista (dd/mm/aaaa).": "Planned end (dd/mm/yyyy).",
    "Observaciones.": "Notes.",
    "Cambia el estado de una supervisión programada (un lote que se puede deshacer).":
        "Changes the state of a programmed supervision (an undoable batch).",
    "Número del informe emitido (desde informe_emitido).": "Number of the report issued (from informe_emitido on).",
}
