"""Accounts: who may sign in, with which role, and their salted password hashes.

An account is a row of ``app_user``. With local accounts, its password is
kept only as an Argon2id hash (argon2-cffi's ``PasswordHasher``: a random
salt per hash, the parameters stored inside the hash); with an identity
provider (OpenID Connect), the account has no password and its name is the
e-mail address the provider vouches for.

Every change to an account is checked (``Action.MANAGE_USERS``) and written
together with its audit entry in one transaction. Administrators manage
accounts from the command line (``egov user ...``).
"""

from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Iterator

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from egov import auth
from egov.storage import audit, throttle
from egov.storage.db import Connection, transaction, write_lock

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@+\-]{0,99}$")
# Names the application itself writes as; an account may not take them.
RESERVED_NAMES = {auth.SYSTEM_USER, "local"}

_hasher = PasswordHasher()


class UserError(ValueError):
    """A change to an account that is refused; the message is for the user, in Spanish."""


@dataclass(frozen=True)
class Account:
    name: str
    display_name: str
    role: str
    disabled: bool
    has_password: bool
    created_at: datetime | None = None

    @property
    def active(self) -> bool:
        return not self.disabled


def normalise_name(name: str) -> str:
    """User names (and OIDC e-mail addresses) compare lower-case and without surrounding spaces."""
    return (name or "").strip().lower()


def check_name(name: str) -> str:
    name = normalise_name(name)
    if not _NAME.match(name):
        raise UserError(f"nombre de usuario no válido {name!r}: use letras minúsculas, dígitos y . _ @ + - "
                        "(hasta 100 caracteres), empezando por una letra o dígito")
    if name in RESERVED_NAMES or name.startswith("cli:"):
        raise UserError(f"el nombre {name!r} está reservado para la aplicación; elija otro")
    return name


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"la contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(f"la contraseña no puede tener más de {MAX_PASSWORD_LENGTH} caracteres")
    if not password.strip():
        raise UserError("la contraseña no puede ser solo espacios")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Checked against when the account is unknown, so that a wrong name takes as long as a wrong password.
    return _hasher.hash("cuenta-inexistente-para-igualar-tiempos")


def _account(row) -> Account:
    name, display_name, role, disabled, password_hash, created_at = row
    return Account(name, display_name, role, bool(disabled), password_hash is not None, created_at)


_SELECT = "SELECT user_name, display_name, user_role, disabled, password_hash, created_at FROM app_user"


def get(cur: Connection, name: str) -> Account | None:
    rows = cur.execute(_SELECT + " WHERE user_name = ?", [normalise_name(name)]).fetchall()
    return _account(rows[0]) if rows else None


def accounts(cur: Connection) -> list[Account]:
    return [_account(r) for r in cur.execute(_SELECT + " ORDER BY user_name").fetchall()]


def accounts_table(cur: Connection) -> pd.DataFrame:
    """Every account as a table for display (never the hashes)."""
    rows = [{"user_name": a.name, "display_name": a.display_name, "user_role": a.role,
             "disabled": a.disabled, "has_password": a.has_password, "created_at": a.created_at}
            for a in accounts(cur)]
    return pd.DataFrame(rows, columns=["user_name", "display_name", "user_role", "disabled", "has_password",
                                       "created_at"])


def password_fingerprint(cur: Connection, name: str) -> str | None:
    """A digest of the account's stored password hash (None without one): a session compares it to
    notice a password change without keeping the hash itself."""
    rows = cur.execute("SELECT password_hash FROM app_user WHERE user_name = ?", [name]).fetchall()
    if not rows or rows[0][0] is None:
        return None
    return hashlib.sha256(rows[0][0].encode("utf-8")).hexdigest()


def has_local_accounts(cur: Connection) -> bool:
    """True once any account has a password, even a disabled one.

    This is what turns the local sign-in on. Disabled accounts count, so that
    disabling the last account never drops the app back into the
    single-user mode, where everyone is an administrator.
    """
    return cur.execute("SELECT count(*) FROM app_user WHERE password_hash IS NOT NULL").fetchall()[0][0] > 0


def authenticate(cur: Connection, name: str, password: str) -> Account | None:
    """The active account when ``password`` is right; None otherwise (whatever the reason)."""
    name = normalise_name(name)
    rows = cur.execute("SELECT password_hash FROM app_user WHERE user_name = ? AND NOT disabled",
                       [name]).fetchall()
    stored = rows[0][0] if rows else None
    if not isinstance(password, str) or not password or len(password) > MAX_PASSWORD_LENGTH:
        return None
    try:
        _hasher.verify(stored or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if stored is None:
        return None
    account = get(cur, name)
    return account if account and account.active else None


THROTTLED = "throttled"


def sign_in(con: Connection, name: str, password: str, *, address: str | None = None) -> Account | str | None:
    """A password sign-in as the app does it: the account, None for wrong credentials, or THROTTLED.

    The password is evaluated only after a slot was taken in the store's
    counters (``egov.storage.throttle``: per name and per address), so a
    burst of parallel tries evaluates at most the limit; a right password
    gives its slot back.
    """
    key = normalise_name(name)
    if not throttle.take_slot(con, key, address):
        return THROTTLED
    cur = con.cursor()
    try:
        account = authenticate(cur, name, password)
    finally:
        cur.close()
    if account is not None:
        throttle.give_back(con, key, address)
    return account


ACCOUNTS = {"app_user"}  # the one table an account change writes (its audit entry digests only it)


@contextmanager
def _change(con: Connection, actor: str, actor_role: str) -> Iterator[Connection]:
    """Check the actor, then hold the write transaction that the change and its audit entry share."""
    auth.require(actor_role, auth.Action.MANAGE_USERS)
    with write_lock, transaction(con) as cur:
        auth.check_account(cur, actor, auth.Action.MANAGE_USERS)
        yield cur


def _existing(cur: Connection, name: str) -> Account:
    account = get(cur, name)
    if account is None:
        raise UserError(f"no existe el usuario {normalise_name(name)!r}; vea `egov user list`")
    return account


def add(con: Connection, name: str, role: str, *, password: str | None = None, display_name: str | None = None,
        actor: str, actor_role: str) -> Account:
    """Create an account. Without a password it can only sign in through the identity provider."""
    name = check_name(name)
    try:
        auth.check_role(role)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    display_name = (display_name or "").strip() or name
    password_hash = hash_password(password) if password is not None else None
    with _change(con, actor, actor_role) as cur:
        if get(cur, name) is not None:
            raise UserError(f"el usuario {name!r} ya existe; use `egov user role` para cambiar su rol")
        cur.execute("INSERT INTO app_user (user_name, display_name, user_role, password_hash) VALUES (?, ?, ?, ?)",
                    [name, display_name, role, password_hash])
        audit.append(cur, user=actor, role=actor_role, changed=ACCOUNTS, action="user_add",
                     detail={"user": name, "display_name": display_name, "role": role,
                             "password": password_hash is not None})
        return _existing(cur, name)


def set_role(con: Connection, name: str, role: str, *, actor: str, actor_role: str) -> Account:
    try:
        auth.check_role(role)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    with _change(con, actor, actor_role) as cur:
        before = _existing(cur, name)
        if before.role == role:
            return before
        cur.execute("UPDATE app_user SET user_role = ? WHERE user_name = ?", [role, before.name])
        audit.append(cur, user=actor, role=actor_role, changed=ACCOUNTS, action="user_role",
                     detail={"user": before.name, "before": before.role, "after": role})
        return _existing(cur, name)


def set_disabled(con: Connection, name: str, disabled: bool, *, actor: str, actor_role: str) -> Account:
    """Disable (or enable again) an account. A disabled account's open sessions end on their next action."""
    with _change(con, actor, actor_role) as cur:
        before = _existing(cur, name)
        if before.disabled == disabled:
            return before
        cur.execute("UPDATE app_user SET disabled = ? WHERE user_name = ?", [disabled, before.name])
        audit.append(cur, user=actor, role=actor_role, changed=ACCOUNTS,
                     action="user_disable" if disabled else "user_enable", detail={"user": before.name})
        return _existing(cur, name)


def disable(con: Connection, name: str, *, actor: str, actor_role: str) -> Account:
    return set_disabled(con, name, True, actor=actor, actor_role=actor_role)


def enable(con: Connection, name: str, *, actor: str, actor_role: str) -> Account:
    return set_disabled(con, name, False, actor=actor, actor_role=actor_role)


def set_password(con: Connection, name: str, password: str, *, actor: str, actor_role: str) -> Account:
    password_hash = hash_password(password)
    with _change(con, actor, actor_role) as cur:
        before = _existing(cur, name)
        cur.execute("UPDATE app_user SET password_hash = ? WHERE user_name = ?", [password_hash, before.name])
        audit.append(cur, user=actor, role=actor_role, changed=ACCOUNTS, action="user_password",
                     detail={"user": before.name})
        return _existing(cur, name)
