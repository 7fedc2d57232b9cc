"""Who may do what: the roles, the actions that need a role, and the checks.

Three roles, each including the one below it:

- ``viewer`` (an oversight manager): looks at every analysis page, changes nothing;
- ``analyst``: also imports files, records follow-up of recommendations,
  and undoes the batches they wrote themselves;
- ``admin``: also undoes anyone's batch, changes the framework, manages
  users, makes backups and reads the audit log.

Undo (issue 3 lets analysts undo an import, issue 7 gives undo to admins):
an analyst may undo a batch whose ``user_name`` is their own; undoing
another user's batch needs ``UNDO_ANY`` (admin). Undoing a batch also needs
the right to write that kind of batch (``action_for_kind``), so an analyst
demoted from admin cannot undo a framework file. See ``require_undo``.

The same table is checked three times, so that no URL, stale session or
direct call gets through: the navigation does not register a page the role
may not open, each page calls ``egov.ui.guard.require_page`` at its top, and
every core function that changes data calls ``require`` before it writes
(``check_account`` inside its transaction re-reads the account, so a user
disabled or demoted since signing in is refused there too).

Roles are an application rule: whoever can open the DuckDB file itself (the
command line, a shell on the server) is an administrator; see ``cli_actor``.
"""

from __future__ import annotations

import getpass
from enum import Enum

ROLES = ("viewer", "analyst", "admin")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}

# The account the sample loader and other automatic jobs write as.
SYSTEM_USER = "sistema"

ROLE_NAMES_ES = {"viewer": "lector", "analyst": "analista", "admin": "administrador"}
ROLE_NAMES_EN = {"viewer": "viewer", "analyst": "analyst", "admin": "administrator"}


class Action(str, Enum):
    VIEW = "view"
    IMPORT = "import"
    RECORD_FOLLOWUP = "record_followup"
    UNDO = "undo"  # a batch one wrote oneself
    UNDO_ANY = "undo_any"  # anyone's batch
    MANAGE_FRAMEWORK = "manage_framework"
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"
    VIEW_AUDIT = "view_audit"


# The least role that may perform each action.
MIN_ROLE: dict[Action, str] = {
    Action.VIEW: "viewer",
    Action.IMPORT: "analyst",
    Action.RECORD_FOLLOWUP: "analyst",
    Action.UNDO: "analyst",
    Action.UNDO_ANY: "admin",
    Action.MANAGE_FRAMEWORK: "admin",
    Action.MANAGE_USERS: "admin",
    Action.BACKUP: "admin",
    Action.VIEW_AUDIT: "admin",
}

# What each action is called in a refusal.
ACTION_NAMES_ES: dict[Action, str] = {
    Action.VIEW: "consultar los datos",
    Action.IMPORT: "importar archivos",
    Action.RECORD_FOLLOWUP: "registrar el seguimiento de recomendaciones",
    Action.UNDO: "deshacer importaciones",
    Action.UNDO_ANY: "deshacer lotes importados por otros usuarios",
    Action.MANAGE_FRAMEWORK: "cambiar el marco de evaluación",
    Action.MANAGE_USERS: "administrar usuarios",
    Action.BACKUP: "hacer o restaurar copias de seguridad",
    Action.VIEW_AUDIT: "ver el registro de auditoría",
}


class PermissionDenied(PermissionError):
    """The user's role does not allow the action; nothing was changed. Message in Spanish."""

    def __init__(self, message: str, *, role: str | None = None, action: Action | None = None):
        super().__init__(message)
        self.role = role
        self.action = action


def is_role(role: object) -> bool:
    return isinstance(role, str) and role in ROLE_RANK


def check_role(role: str) -> str:
    """``role`` itself when it is one of ROLES; ValueError (Spanish) otherwise."""
    if not is_role(role):
        raise ValueError(f"rol desconocido {role!r}; los roles son: {', '.join(ROLES)}")
    return role


def action_of(action: Action | str) -> Action:
    return action if isinstance(action, Action) else Action(action)


def allowed(role: str | None, action: Action | str) -> bool:
    """True when ``role`` may perform ``action``. An unknown or missing role may do nothing."""
    if not is_role(role):
        return False
    return ROLE_RANK[role] >= ROLE_RANK[MIN_ROLE[action_of(action)]]


def role_at_least(role: str | None, minimum: str) -> bool:
    return is_role(role) and ROLE_RANK[role] >= ROLE_RANK[check_role(minimum)]


def refusal_message(role: str | None, action: Action | str) -> str:
    action = action_of(action)
    needed = ROLE_NAMES_ES[MIN_ROLE[action]]
    if not is_role(role):
        return f"Acceso denegado: no hay un rol válido para {ACTION_NAMES_ES[action]}; no se cambió nada."
    return (f"Acceso denegado: el rol {ROLE_NAMES_ES[role]} no permite {ACTION_NAMES_ES[action]} "
            f"(se necesita el rol {needed}); no se cambió nada.")


def require(role: str | None, action: Action | str) -> None:
    """Raise PermissionDenied unless ``role`` may perform ``action``. Call before writing anything."""
    if not allowed(role, action):
        raise PermissionDenied(refusal_message(role, action), role=role, action=action_of(action))


def action_for_kind(kind: str | None) -> Action:
    """The action writing a batch of this kind is.

    A framework file changes the framework (admin); a follow-up status
    recorded on the page is a ``registro`` batch; every other kind is an import.
    """
    if kind == "marco":
        return Action.MANAGE_FRAMEWORK
    if kind == "registro":
        return Action.RECORD_FOLLOWUP
    return Action.IMPORT


def check_account(cur, user: str, action: Action | str) -> None:
    """Inside a write transaction: refuse a local account that is disabled or whose stored role is too low.

    A session keeps its user and role while it lives; an administrator may
    have disabled or demoted that account since. Users without an account
    row (the single-user local mode, the system user, the command line)
    are judged by the role they were given, which ``require`` checked.
    """
    rows = cur.execute("SELECT user_role, disabled FROM app_user WHERE user_name = ?", [user]).fetchall()
    if not rows:
        return
    stored_role, disabled = rows[0]
    if disabled:
        raise PermissionDenied(f"Acceso denegado: la cuenta {user!r} está desactivada; no se cambió nada.",
                               role=stored_role, action=action_of(action))
    require(stored_role, action)


def may_undo(role: str | None, user: str, batch_user: str | None, batch_kind: str | None = None) -> bool:
    """True when ``user`` (with ``role``) may undo a batch written by ``batch_user`` of kind ``batch_kind``."""
    own = batch_user is not None and batch_user == user
    return (allowed(role, Action.UNDO if own else Action.UNDO_ANY)
            and allowed(role, action_for_kind(batch_kind)))


def require_undo(role: str | None, user: str, batch_user: str | None, batch_kind: str | None = None) -> None:
    """Raise PermissionDenied unless ``may_undo``; the message names the rule that refused."""
    own = batch_user is not None and batch_user == user
    require(role, Action.UNDO if own else Action.UNDO_ANY)
    require(role, action_for_kind(batch_kind))


def check_undo(cur, user: str, role: str | None, batch_user: str | None, batch_kind: str | None = None) -> None:
    """Inside the undo transaction: ``require_undo`` with the account's stored role (and refuse a disabled one)."""
    rows = cur.execute("SELECT user_role, disabled FROM app_user WHERE user_name = ?", [user]).fetchall()
    if rows:
        stored_role, disabled = rows[0]
        if disabled:
            raise PermissionDenied(f"Acceso denegado: la cuenta {user!r} está desactivada; no se cambió nada.",
                                   role=stored_role, action=Action.UNDO)
        role = stored_role
    require_undo(role, user, batch_user, batch_kind)


def cli_actor() -> tuple[str, str]:
    """(user, role) the command line writes as: whoever can open the database file is an administrator."""
    try:
        who = getpass.getuser()
    except Exception:  # no login name in some containers
        who = "desconocido"
    return f"cli:{who}", "admin"
