"""The result lines of the `egov` commands (import, template, init, demo, undo, backup, restore, user,
store copy), Spanish first. Keys ending in ``.one``/``.many`` are chosen by a count (``tn``)."""

TEXT = {
    "cli.template.saved": ("Plantilla «{kind}» guardada en {path}.", "Template “{kind}” saved to {path}."),
    "cli.init.done": ("Base de datos lista en {where} (esquema v{version}); {state}.",
                      "Database ready at {where} (schema v{version}); {state}."),
    "cli.init.loaded": ("marco por defecto cargado", "default framework loaded"),
    "cli.init.already": ("el marco por defecto ya estaba cargado", "the default framework was already loaded"),
    "cli.demo.removed.one": ("Datos de demostración quitados (1 lote deshecho); los datos reales se conservan.",
                             "Demonstration data removed (1 batch undone); the real data are kept."),
    "cli.demo.removed.many": ("Datos de demostración quitados ({n} lotes deshechos); los datos reales se conservan.",
                              "Demonstration data removed ({n} batches undone); the real data are kept."),
    "cli.demo.not_empty": ("La base ya tiene evaluaciones; no se cargó la muestra.",
                           "The database already has assessments; the sample was not loaded."),
    "cli.demo.loaded": ("Datos de muestra cargados: {new}, {old}. Los datos sintéticos están marcados como tales.",
                        "Sample data loaded: {new}, {old}. Synthetic data are marked as such."),
    "cli.demo.new.one": ("1 archivo nuevo", "1 new file"),
    "cli.demo.new.many": ("{n} archivos nuevos", "{n} new files"),
    "cli.demo.old.one": ("1 ya estaba", "1 was already there"),
    "cli.demo.old.many": ("{n} ya estaban", "{n} were already there"),
    "cli.user.created": ("Cuenta creada: {account}", "Account created: {account}"),
    "cli.user.role_set": ("Rol actualizado: {account}", "Role updated: {account}"),
    "cli.user.disabled_done": ("Cuenta desactivada: {account}", "Account disabled: {account}"),
    "cli.user.enabled_done": ("Cuenta reactivada: {account}", "Account enabled again: {account}"),
    "cli.user.password_set": ("Contraseña cambiada: {name}", "Password changed: {name}"),
    "cli.backup.done": ("Copia guardada en {path} ({size} MB); cabeza del registro {head} (guárdela aparte: "
                        "`egov audit verify --head` la comprueba).",
                        "Backup saved to {path} ({size} MB); audit head {head} (keep it apart: "
                        "`egov audit verify --head` checks it)."),
    "cli.restore.confirm": ("¿Reemplazar {database} por {file}?", "Replace {database} with {file}?"),
    "cli.restore.cancelled": ("restauración cancelada; no se cambió nada", "restore cancelled; nothing was changed"),
    "cli.restore.done": ("Base de datos restaurada desde {source}.", "Database restored from {source}."),
    "cli.restore.done_kept": ("Base de datos restaurada desde {source}; la base anterior se guardó en {previous}.",
                              "Database restored from {source}; the previous database was saved to {previous}."),
    "cli.store.copied": ("Copiadas {tables} tablas ({rows} filas) de {source} a {target}; todas iguales al origen; "
                         "registro de auditoría íntegro ({entries} entradas).",
                         "Copied {tables} tables ({rows} rows) from {source} to {target}; all equal to the source; "
                         "audit log intact ({entries} entries)."),
    "cli.whatif.bad_weight": ("{option} {item}: escriba CÓDIGO=PESO, por ejemplo {option} PLAN=0",
                              "{option} {item}: write CODE=WEIGHT, for example {option} PLAN=0"),
    "cli.error.unexpected": ("error inesperado: {message}", "unexpected error: {message}"),
}
