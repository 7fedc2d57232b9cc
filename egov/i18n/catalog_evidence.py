"""Texts of the evidence references and files (egov.evidence, `egov evidencia`, the entity profile)."""

TEXT = {
    # Refusals: what is wrong, where, and how to fix it. Nothing is stored when one is raised.
    "evidence.error.too_large": (
        "El archivo «{name}» pesa {size}; el límite para un archivo de evidencia es {limit}. "
        "No se guardó nada: reduzca el archivo (p. ej. un PDF escaneado con menor resolución) o divídalo.",
        "File “{name}” is {size}; the limit for an evidence file is {limit}. Nothing was stored: "
        "make the file smaller (e.g. a scanned PDF at a lower resolution) or split it."),
    "evidence.error.empty_file": (
        "El archivo «{name}» está vacío. No se guardó nada.",
        "File “{name}” is empty. Nothing was stored."),
    "evidence.error.unsupported_extension": (
        "El archivo «{name}» tiene la extensión «{extension}», que no se admite como evidencia. "
        "Se admiten: {allowed}. No se guardó nada.",
        "File “{name}” has the extension “{extension}”, which is not accepted as evidence. "
        "Accepted: {allowed}. Nothing was stored."),
    "evidence.error.content_unknown": (
        "El contenido del archivo «{name}» no es un archivo {extension}: no se reconoce su tipo por su contenido. "
        "No se guardó nada: adjunte el documento original (no un archivo renombrado).",
        "The content of file “{name}” is not a {extension} file: its type is not recognised from its content. "
        "Nothing was stored: attach the original document (not a renamed file)."),
    "evidence.error.content_mismatch": (
        "El contenido del archivo «{name}» no es lo que dice su extensión «{extension}»: es {found}. "
        "No se guardó nada: corrija la extensión o adjunte el documento correcto.",
        "The content of file “{name}” is not what its extension “{extension}” says: it is {found}. "
        "Nothing was stored: correct the extension or attach the right document."),
    "evidence.error.document_required": (
        "Falta el documento: indique su nombre como lo cita el informe (p. ej. «RM N° 123/2023 que aprueba el MPP»). "
        "No se guardó nada.",
        "The document is missing: give its name as the report cites it (e.g. “RM N° 123/2023 que aprueba el MPP”). "
        "Nothing was stored."),
    "evidence.error.bad_target": (
        "«{value}» no es algo que una evidencia respalde; use {allowed}.",
        "“{value}” is not something evidence backs; use {allowed}."),
    "evidence.error.unknown_puntaje": (
        "No hay un puntaje registrado para {target}: importe primero el puntaje del criterio. No se guardó nada.",
        "There is no score recorded for {target}: import the criterion's score first. Nothing was stored."),
    "evidence.error.unknown_hallazgo": (
        "No existe el hallazgo {target}: importe primero el informe con sus hallazgos. No se guardó nada.",
        "Finding {target} does not exist: import the report with its findings first. Nothing was stored."),
    "evidence.error.unknown_seguimiento": (
        "No hay una calificación de seguimiento para {target}: registre primero ese estado. No se guardó nada.",
        "There is no follow-up rating for {target}: record that status first. Nothing was stored."),
    "evidence.error.bad_sha256": (
        "«{value}» no es un SHA-256: escriba al menos 8 cifras hexadecimales (como las muestra `egov evidencia listar`).",
        "“{value}” is not a SHA-256: write at least 8 hexadecimal digits (as `egov evidencia listar` shows them)."),
    "evidence.error.no_file": (
        "No hay ningún archivo de evidencia cuyo SHA-256 empiece por {value}.",
        "There is no evidence file whose SHA-256 starts with {value}."),
    "evidence.error.ambiguous_sha256": (
        "{n} archivos de evidencia tienen un SHA-256 que empieza por {value}: escriba más cifras.",
        "{n} evidence files have a SHA-256 starting with {value}: write more digits."),
    "evidence.error.corrupt_file": (
        "El archivo de evidencia {value} guardado no coincide con su SHA-256: no se entrega. "
        "Restaure una copia de seguridad y ejecute `egov audit verify`.",
        "The stored evidence file {value} does not match its SHA-256: it is not handed out. "
        "Restore a backup and run `egov audit verify`."),
    "evidence.error.file_not_found": (
        "No existe el archivo {path}.", "File {path} does not exist."),
    "evidence.error.target_choice": (
        "Indique qué respalda la evidencia: --criterio (un puntaje), --hallazgo, o --informe con --recomendacion "
        "y --fecha-estado (una calificación de seguimiento); solo uno de ellos.",
        "Say what the evidence backs: --criterio (a score), --hallazgo, or --informe with --recomendacion and "
        "--fecha-estado (a follow-up rating); only one of them."),
    "evidence.error.period_required": (
        "Falta --gestion: un puntaje y un hallazgo pertenecen a una gestión.",
        "--gestion is missing: a score and a finding belong to a gestión (period)."),
    # `egov evidencia`
    "evidence.cli.added": (
        "Evidencia registrada (lote {batch}) para {target}: «{document}».",
        "Evidence recorded (batch {batch}) for {target}: “{document}”."),
    "evidence.cli.file_stored": (
        "Archivo «{name}» ({media_type}, {size} bytes) guardado con SHA-256 {sha256}.",
        "File “{name}” ({media_type}, {size} bytes) stored with SHA-256 {sha256}."),
    "evidence.cli.written": (
        "Archivo escrito en {path} ({size} bytes, SHA-256 {sha256}).",
        "File written to {path} ({size} bytes, SHA-256 {sha256})."),
    "evidence.cli.exists": (
        "{path} ya existe: elija otro destino con -o.", "{path} already exists: choose another target with -o."),
    "evidence.cli.none": ("No hay evidencias registradas.", "There is no evidence recorded."),
    # Column headers of the listing (CLI and profile).
    "evidence.col.target": ("Respalda", "Backs"),
    "evidence.col.entity": ("Entidad", "Entity"),
    "evidence.col.period": ("Gestión", "Gestión"),
    "evidence.col.item": ("Criterio / hallazgo / recomendación", "Criterion / finding / recommendation"),
    "evidence.col.document": ("Documento", "Document"),
    "evidence.col.number": ("Número", "Number"),
    "evidence.col.date": ("Fecha", "Date"),
    "evidence.col.section": ("Sección del informe", "Report section"),
    "evidence.col.working_paper": ("Papel de trabajo", "Working paper"),
    "evidence.col.file": ("Archivo", "File"),
    "evidence.col.sha256": ("SHA-256", "SHA-256"),
    "evidence.col.media_type": ("Tipo", "Type"),
    "evidence.col.size": ("Bytes", "Bytes"),
    "evidence.target.puntaje": ("puntaje", "score"),
    "evidence.target.hallazgo": ("hallazgo", "finding"),
    "evidence.target.seguimiento": ("seguimiento", "follow-up"),
    # The entity profile.
    "entity.evidence.title": ("Evidencia", "Evidence"),
    "entity.evidence.help": (
        "Los documentos que respaldan cada puntaje, hallazgo y calificación de seguimiento, como los cita el "
        "informe. Los archivos se descargan tal como se guardaron (mismo SHA-256); nunca se abren en la página.",
        "The documents behind each score, finding and follow-up rating, as the report cites them. Files "
        "download exactly as they were stored (same SHA-256); they are never opened in the page."),
    "entity.evidence.none": (
        "No hay evidencias registradas para los puntajes, hallazgos ni el seguimiento de esta entidad en la "
        "gestión {period}.",
        "There is no evidence recorded for this entity's scores, findings or follow-up in gestión {period}."),
    "entity.evidence.finding": ("Hallazgo {number}", "Finding {number}"),
    "entity.evidence.rating": ("Seguimiento de la recomendación {number} ({report}, {date})",
                               "Follow-up of recommendation {number} ({report}, {date})"),
    "entity.evidence.line": ("**{criterion}** · {document}", "**{criterion}** · {document}"),
    "entity.evidence.section": ("sección {section}", "section {section}"),
    "entity.evidence.working_paper": ("papel de trabajo {paper}", "working paper {paper}"),
    "entity.evidence.no_file": ("sin archivo adjunto", "no file attached"),
    "entity.evidence.download": ("Descargar {name}", "Download {name}"),
    "entity.evidence.download_help": (
        "{media_type}, {size} · SHA-256 {sha256}", "{media_type}, {size} · SHA-256 {sha256}"),
}
