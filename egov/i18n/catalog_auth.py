"""Texts of sign-in, roles, refusals, the audit page and backups."""

TEXT = {
    # Roles and modes
    "auth.role.viewer": ("Lector", "Viewer"),
    "auth.role.analyst": ("Analista", "Analyst"),
    "auth.role.admin": ("Administrador", "Administrator"),
    "auth.role.none": ("Sin sesión", "Not signed in"),
    "auth.mode.local": ("Modo local de un solo usuario", "Single-user local mode"),
    "auth.mode.local_help": (
        "No hay inicio de sesión configurado: quien abra la aplicación actúa como administrador. "
        "Úselo solo en su propio equipo. Para activar el inicio de sesión cree cuentas con "
        "`egov user add` o configure un proveedor de identidad en `.streamlit/secrets.toml` "
        "(vea el README, «Inicio de sesión y roles»).",
        "No sign-in is configured: whoever opens the app acts as administrator. Use it only on your "
        "own computer. To turn sign-in on, create accounts with `egov user add` or configure an "
        "identity provider in `.streamlit/secrets.toml` (see the README, section 'Sign-in and roles')."),
    "auth.mode.password": ("Cuentas locales", "Local accounts"),
    "auth.mode.oidc": ("Proveedor de identidad", "Identity provider"),
    "auth.signed_in_as": ("Sesión iniciada", "Signed in"),
    "auth.sign_out": ("Cerrar sesión", "Sign out"),
    # Sign-in screen
    "auth.sign_in.title": ("Iniciar sesión", "Sign in"),
    "auth.sign_in.intro": (
        "Los datos de evaluación de la institución son reservados: inicie sesión con la cuenta que le "
        "asignó el administrador.",
        "The institution's assessment data is restricted: sign in with the account your administrator "
        "gave you."),
    "auth.sign_in.user": ("Usuario", "User name"),
    "auth.sign_in.password": ("Contraseña", "Password"),
    "auth.sign_in.button": ("Ingresar", "Sign in"),
    "auth.sign_in.failed": ("Usuario o contraseña incorrectos, o cuenta desactivada.",
                            "Wrong user name or password, or the account is disabled."),
    "auth.sign_in.throttled": (
        "Demasiados intentos fallidos para este usuario; espere {seconds} segundos e intente de nuevo.",
        "Too many failed attempts for this user; wait {seconds} seconds and try again."),
    "auth.oidc.intro": ("Inicie sesión con la cuenta institucional.", "Sign in with your institutional account."),
    "auth.oidc.button": ("Iniciar sesión con la cuenta institucional", "Sign in with your institutional account"),
    "auth.oidc.button_provider": ("Iniciar sesión con {provider}", "Sign in with {provider}"),
    "auth.oidc.missing_authlib": (
        "El inicio de sesión con proveedor de identidad necesita el paquete Authlib "
        "(`pip install streamlit[auth]`); avise al administrador.",
        "Signing in with an identity provider needs the Authlib package (`pip install streamlit[auth]`); "
        "tell your administrator."),
    # Why a session was ended or refused
    "auth.problem.session_ended": (
        "Su sesión terminó: la cuenta fue desactivada o su contraseña cambió. Inicie sesión de nuevo.",
        "Your session ended: the account was disabled or its password changed. Sign in again."),
    "auth.problem.disabled": ("Su cuenta está desactivada; consulte al administrador.",
                              "Your account is disabled; ask your administrator."),
    "auth.problem.unknown": (
        "La cuenta {email} no tiene acceso a esta aplicación; pida al administrador que la registre "
        "(`egov user add`).",
        "The account {email} has no access to this app; ask your administrator to register it "
        "(`egov user add`)."),
    "auth.problem.no_email": (
        "El proveedor de identidad no informó un correo electrónico verificado; no se puede asignar un rol.",
        "The identity provider did not give a verified e-mail address; no role can be assigned."),
    # Refusals
    "auth.page_refused": (
        "Acceso denegado: su rol ({role}) no permite abrir esta página. Si lo necesita, pida el rol "
        "adecuado al administrador.",
        "Access denied: your role ({role}) may not open this page. If you need it, ask your administrator "
        "for the right role."),
    "auth.page_signed_out": ("Inicie sesión para ver esta página.", "Sign in to see this page."),
    # Audit page
    "audit.page.title": ("Auditoría y usuarios", "Audit and users"),
    "audit.page.intro": (
        "Cada cambio de datos, de usuarios y cada copia de seguridad queda en un registro encadenado "
        "(cada entrada lleva el resumen criptográfico de la anterior). Desde la aplicación nadie puede "
        "editarlo.",
        "Every change of data or users and every backup is in a chained log (each entry carries the "
        "hash of the one before). Nobody can edit it from the app."),
    "audit.chain.ok": ("Registro íntegro. Entradas verificadas: {entries}.",
                       "Log intact. Entries verified: {entries}."),
    "audit.chain.head": (
        "Cabeza del registro (entradas:hash de la última): {head}. Anótela fuera del servidor: "
        "`egov audit verify --head` detecta con ella un final recortado.",
        "Head of the log (entries:hash of the last one): {head}. Note it outside the server: "
        "`egov audit verify --head` uses it to detect a cut tail."),
    "audit.chain.bad": (
        "El registro fue alterado: la entrada {seq} no coincide ({reason}). Conserve la base de datos "
        "como está e informe a la unidad de auditoría interna.",
        "The log was tampered with: entry {seq} does not match ({reason}). Keep the database as it is and "
        "inform internal audit."),
    "audit.log.title": ("Registro de auditoría", "Audit log"),
    "audit.filter.actions": ("Acciones", "Actions"),
    "audit.filter.user": ("Usuario", "User"),
    "audit.filter.all_users": ("Todos", "All"),
    "audit.filter.all_actions": ("Todas", "All"),
    "audit.filter.dates": ("Fechas", "Dates"),
    "audit.log.empty": ("No hay entradas con estos filtros.", "No entries match these filters."),
    "audit.log.shown": ("Entradas mostradas: {shown} de {total}.", "Entries shown: {shown} of {total}."),
    "audit.col.seq": ("N.º", "No."),
    "audit.col.logged_at": ("Fecha y hora", "Date and time"),
    "audit.col.user_name": ("Usuario", "User"),
    "audit.col.user_role": ("Rol", "Role"),
    "audit.col.action": ("Acción", "Action"),
    "audit.col.detail": ("Detalle", "Detail"),
    "audit.col.batch_id": ("Lote", "Batch"),
    "audit.action.import": ("Importación", "Import"),
    "audit.action.undo": ("Deshacer", "Undo"),
    "audit.action.followup": ("Seguimiento registrado", "Follow-up recorded"),
    "audit.action.framework": ("Marco importado", "Framework imported"),
    "audit.action.user_add": ("Usuario creado", "User added"),
    "audit.action.user_role": ("Rol cambiado", "Role changed"),
    "audit.action.user_disable": ("Usuario desactivado", "User disabled"),
    "audit.action.user_enable": ("Usuario reactivado", "User enabled"),
    "audit.action.user_password": ("Contraseña cambiada", "Password changed"),
    "audit.action.backup": ("Copia de seguridad", "Backup"),
    "audit.action.restore": ("Restauración", "Restore"),
    "audit.action.migrate": ("Actualización del esquema", "Schema update"),
    "audit.col.summary": ("Qué se hizo", "What was done"),
    "audit.summary.import": ("{file} ({kind}): {new} nuevas, {changed} modificadas, {unchanged} sin cambios",
                             "{file} ({kind}): {new} new, {changed} changed, {unchanged} unchanged"),
    "audit.summary.synthetic": (" · datos de demostración", " · demonstration data"),
    "audit.summary.undo": ("Deshace el lote {batch} ({file})", "Undoes batch {batch} ({file})"),
    "audit.summary.backup": ("Copia {file} ({size} MB, {entries} entradas del registro)",
                             "Copy {file} ({size} MB, {entries} log entries)"),
    "audit.summary.restore": ("Restaurada desde {source}", "Restored from {source}"),
    "audit.summary.restore_kept": ("Restaurada desde {source}; la anterior se guardó como {kept}",
                                   "Restored from {source}; the previous one was kept as {kept}"),
    "audit.summary.migrate": ("Migraciones aplicadas: {applied}", "Migrations applied: {applied}"),
    "audit.summary.user_add": ("Cuenta {user}, rol {role}", "Account {user}, role {role}"),
    "audit.summary.user_role": ("Cuenta {user}: {before} → {after}", "Account {user}: {before} → {after}"),
    "audit.summary.user": ("Cuenta {user}", "Account {user}"),
    "audit.users.title": ("Usuarios", "Users"),
    "audit.users.help": (
        "Las cuentas se administran con `egov user add|role|disable|enable|password` (con la aplicación "
        "detenida) o, con la aplicación en marcha, en «Administrar cuentas» más abajo.",
        "Accounts are managed with `egov user add|role|disable|enable|password` (with the app stopped) or, "
        "while the app runs, under \"Manage accounts\" below."),
    "audit.users.none": ("No hay cuentas registradas.", "There are no accounts."),
    "audit.users.col.user_name": ("Usuario", "User"),
    "audit.users.col.display_name": ("Nombre", "Name"),
    "audit.users.col.user_role": ("Rol", "Role"),
    "audit.users.col.disabled": ("Desactivada", "Disabled"),
    "audit.users.col.has_password": ("Con contraseña", "Has password"),
    "audit.users.col.created_at": ("Creada", "Created"),
    "audit.backup.title": ("Copias de seguridad", "Backups"),
    "audit.backup.help": (
        "Copia consistente de toda la base de datos, hecha por la propia aplicación, en {folder}. "
        "Antes de cada importación se hace una copia automática. Para restaurar, detenga la aplicación y "
        "use `egov restore ARCHIVO`.",
        "A consistent copy of the whole database, made by the app itself, into {folder}. An automatic copy "
        "is made before each import. To restore, stop the app and use `egov restore FILE`."),
    "audit.backup.button": ("Hacer copia de seguridad", "Make a backup"),
    "audit.backup.done": ("Copia guardada en {path} ({size}).", "Backup saved to {path} ({size})."),
    "audit.backup.failed": ("No se pudo hacer la copia: {error}", "The backup could not be made: {error}"),
    "audit.backup.recent": ("Copias existentes", "Existing backups"),
    "audit.backup.download": ("Descargar la copia", "Download the backup"),
    "audit.backup.col.file": ("Archivo", "File"),
    "audit.backup.col.kind": ("Tipo", "Kind"),
    "audit.backup.col.megabytes": ("Tamaño (MB)", "Size (MB)"),
    "audit.backup.col.modified": ("Fecha", "Date"),
    "audit.backup.kind.auto": ("Automática (antes de importar)", "Automatic (before an import)"),
    "audit.backup.kind.manual": ("Manual", "Manual"),
    "audit.backup.kind.restore": ("Antes de restaurar", "Before a restore"),
    # Account management on the audit page (admins)
    "accounts.title": ("Administrar cuentas", "Manage accounts"),
    "accounts.intro": (
        "Mientras la aplicación está en marcha, las cuentas se administran aquí (los comandos `egov user` "
        "necesitan la aplicación detenida). Cada cambio queda en el registro de auditoría. No puede "
        "desactivar ni cambiar el rol de su propia cuenta.",
        "While the app runs, accounts are managed here (the `egov user` commands need the app stopped). "
        "Every change is in the audit log. You cannot disable or change the role of your own account."),
    "accounts.create.title": ("Nueva cuenta", "New account"),
    "accounts.name": ("Usuario", "User name"),
    "accounts.name_help": (
        "Letras minúsculas, dígitos y . _ @ + -. Para el proveedor de identidad, el correo electrónico.",
        "Lower-case letters, digits and . _ @ + -. For the identity provider, the e-mail address."),
    "accounts.display_name": ("Nombre para mostrar", "Display name"),
    "accounts.role": ("Rol", "Role"),
    "accounts.password": ("Contraseña", "Password"),
    "accounts.password_help": (
        "Al menos 10 caracteres. Déjela vacía para una cuenta que entra solo por el proveedor de identidad.",
        "At least 10 characters. Leave it empty for an account that signs in only through the identity provider."),
    "accounts.create.button": ("Crear cuenta", "Create account"),
    "accounts.create.done": ("Cuenta {name} creada con el rol {role}.", "Account {name} created with role {role}."),
    "accounts.change.title": ("Cambiar una cuenta", "Change an account"),
    "accounts.account": ("Cuenta", "Account"),
    "accounts.change.what": ("Cambio", "Change"),
    "accounts.change.role": ("Cambiar el rol", "Change the role"),
    "accounts.change.disable": ("Desactivar", "Disable"),
    "accounts.change.enable": ("Reactivar", "Enable"),
    "accounts.change.password": ("Nueva contraseña", "New password"),
    "accounts.new_role": ("Nuevo rol (si cambia el rol)", "New role (when changing the role)"),
    "accounts.new_password": ("Nueva contraseña (si cambia la contraseña)",
                              "New password (when changing the password)"),
    "accounts.change.button": ("Aplicar", "Apply"),
    "accounts.change.done": ("Cuenta {name}: {change} hecho.", "Account {name}: {change} done."),
    "accounts.first_account": (
        "Modo local: la primera cuenta con contraseña activa el inicio de sesión para todos. Cree primero "
        "una cuenta de administrador e inicie sesión con ella.",
        "Local mode: the first account with a password turns sign-in on for everyone. Create an administrator "
        "account first and sign in with it."),
    "auth.oidc.misconfigured": (
        "El proveedor de identidad no está bien configurado en `.streamlit/secrets.toml` ({error}); avise al "
        "administrador.",
        "The identity provider is not configured correctly in `.streamlit/secrets.toml` ({error}); tell your "
        "administrator."),
    "auth.problem.local_only": (
        "Esta aplicación funciona en modo local de un solo usuario y solo atiende al propio equipo. Para "
        "usarla desde la red, el administrador debe activar el inicio de sesión (cuentas locales o proveedor "
        "de identidad).",
        "This app runs in single-user local mode and serves only its own computer. To use it over the "
        "network, the administrator must turn sign-in on (local accounts or an identity provider)."),
}
