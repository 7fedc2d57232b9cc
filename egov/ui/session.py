"""Who is using the app in this session, and how they signed in.

Three modes, chosen on every script run (so a change takes effect at once):

- ``oidc``: the institution configured an identity provider in
  ``.streamlit/secrets.toml`` (an ``[auth]`` section); people sign in through
  ``st.login`` and their role comes from the ``app_user`` row whose name is
  their e-mail address (``egov user add ana@inst.gob.bo --role analyst``);
  a person with no row is a viewer, a disabled row is refused;
- ``password``: local accounts exist (any ``app_user`` row with a password,
  even a disabled one) or ``EGOV_REQUIRE_SIGN_IN=1`` is set: a user name and
  password form (``egov.users.authenticate``, Argon2id hashes) gates the app;
- ``local``: neither: single-user local mode, one local administrator,
  labelled as such in the sidebar, and served only to this computer: a
  browser connecting from another address gets no user (the sign-in screen
  says to turn sign-in on). Behind a reverse proxy on the same machine every
  visitor looks local, so a server must have sign-in on.

With both an identity provider and local accounts, the sign-in screen offers
both (a local account is then the administrator's way in when the provider
is down).

A session signed in with a password keeps only the account name and a
fingerprint of its password hash; every run re-reads the account, so a user
disabled, demoted or given a new password since is affected on their next
click, and never keeps a stale role.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

import streamlit as st

from egov import users
from egov.storage import db, throttle
from egov.ui import state

ENV_REQUIRE = "EGOV_REQUIRE_SIGN_IN"
SESSION_KEY = "egov_auth"  # {"name": ..., "fingerprint": ...} after a password sign-in
PROBLEM_KEY = "egov_auth_problem"  # an i18n key to show on the sign-in screen

MODE_LOCAL, MODE_PASSWORD, MODE_OIDC = "local", "password", "oidc"

# Failed password attempts are counted in the store (egov.storage.throttle), shared by every server.
MAX_FAILURES = throttle.PER_NAME.attempts


@dataclass(frozen=True)
class User:
    name: str
    display_name: str
    role: str  # viewer | analyst | admin; "" when nobody is signed in
    mode: str  # local | password | oidc

    @property
    def signed_in(self) -> bool:
        return bool(self.role)


LOCAL_USER = User("local", "Usuario local", "admin", MODE_LOCAL)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "si", "sí", "on")


def oidc_settings() -> dict:
    """The ``[auth]`` section of the secrets, or {} when no identity provider is configured."""
    try:
        section = st.secrets.get("auth")
    except Exception:  # no secrets.toml at all
        return {}
    return dict(section) if section else {}


def oidc_providers() -> list[str | None]:
    """Names to pass to ``st.login``: the ``[auth.NAME]`` sub-sections, or [None] for a single unnamed one."""
    settings = oidc_settings()
    if not settings:
        return []
    named = [key for key, value in settings.items() if hasattr(value, "keys")]
    return named or [None]


def oidc_configured() -> bool:
    return bool(oidc_settings())


def password_sign_in_on() -> bool:
    if _truthy(os.environ.get(ENV_REQUIRE)):
        return True
    # Read from the store itself (never a cached copy), once per script run.
    return state.per_run(("local_accounts", db.location()), _has_local_accounts)


def _has_local_accounts() -> bool:
    with state.reading() as cur:
        return users.has_local_accounts(cur)


def mode() -> str:
    """The sign-in mode this run is in (see the module docstring)."""
    if oidc_configured():
        return MODE_OIDC
    if password_sign_in_on():
        return MODE_PASSWORD
    return MODE_LOCAL


def fingerprint(account_name: str) -> str | None:
    """A digest of the account's stored password hash (None without a password): changes when it does."""
    with state.reading() as cur:
        return users.password_fingerprint(cur, account_name)


def _nobody(current_mode: str) -> User:
    return User("", "", "", current_mode)


def _end(problem_key: str) -> None:
    st.session_state.pop(SESSION_KEY, None)
    st.session_state[PROBLEM_KEY] = problem_key


def _password_user(current_mode: str) -> User | None:
    signed = st.session_state.get(SESSION_KEY)
    if not signed:
        return None
    with state.reading() as cur:
        account = users.get(cur, signed["name"])
    if account is None or account.disabled or fingerprint(account.name) != signed["fingerprint"]:
        _end("auth.problem.session_ended")
        return None
    return User(account.name, account.display_name, account.role, MODE_PASSWORD)


def _oidc_user() -> User | None:
    if not st.user.get("is_logged_in", False):
        return None
    email = users.normalise_name(str(st.user.get("email") or ""))
    if not email:
        st.session_state[PROBLEM_KEY] = "auth.problem.no_email"
        return None
    if st.user.get("email_verified") is False:  # the provider says the address is not verified
        st.session_state[PROBLEM_KEY] = "auth.problem.no_email"
        return None
    display = str(st.user.get("name") or email)
    with state.reading() as cur:
        account = users.get(cur, email)
    if account is None:
        return User(email, display, "viewer", MODE_OIDC)  # known to the institution's provider: may look
    if account.disabled:
        st.session_state[PROBLEM_KEY] = "auth.problem.disabled"
        return None
    return User(account.name, account.display_name or display, account.role, MODE_OIDC)


def is_loopback(address: str | None) -> bool:
    """True for an address of this computer in any of its forms: 127.0.0.0/8, ::1, ::ffff:127.x.y.z.

    Streamlit listens on a dual-stack socket, so a browser opening
    http://127.0.0.1 arrives as ``::ffff:127.0.0.1`` (see field notes);
    ``st.context.ip_address`` maps only ``127.0.0.1`` and ``::1`` to None.
    """
    if address is None:
        return True
    text = str(address).strip().strip("[]")
    text = text.split("%", 1)[0]  # an IPv6 zone index (fe80::1%lo) names no other computer
    try:
        parsed = ipaddress.ip_address(text)
    except ValueError:
        return False
    mapped = getattr(parsed, "ipv4_mapped", None)
    return parsed.is_loopback or bool(mapped and mapped.is_loopback)


def remote_address() -> str | None:
    """The browser's address, None when it connects from this computer (loopback in any form)."""
    try:
        address = st.context.ip_address
    except Exception:  # no script run context (bare mode)
        return None
    if not isinstance(address, str) or not address:  # AppTest gives a stand-in object
        return None
    return None if is_loopback(address) else address


def current_user() -> User:
    """The user of this session; ``signed_in`` is False while the sign-in screen should be shown."""
    current_mode = mode()
    if current_mode == MODE_LOCAL:
        if remote_address() is not None:
            st.session_state[PROBLEM_KEY] = "auth.problem.local_only"
            return _nobody(current_mode)
        return LOCAL_USER
    user = _password_user(current_mode)
    if user is None and current_mode == MODE_OIDC:
        user = _oidc_user()
    return user or _nobody(current_mode)


# --- signing in and out (called by egov.ui.signin) ---------------------------------------------

def _client_address() -> str | None:
    """The browser's address as the server sees it (None for loopback or when unknown)."""
    return remote_address()


def throttled_for(name: str) -> int:
    """Seconds ``name`` (from this browser's address) must still wait after too many tries (0: may try)."""
    return throttle.wait_seconds(state.connection(), users.normalise_name(name), _client_address())


def sign_in_with_password(name: str, password: str) -> str | None:
    """Check the credentials; on success remember the account in the session and return None.

    Otherwise return the i18n key of the reason (the same for a wrong name and a wrong password).
    A password is evaluated only after taking a slot in the store's counters
    (``egov.storage.throttle``): at most five per name in five minutes and
    twenty per address in fifteen, whatever the number of parallel tries.
    """
    account = users.sign_in(state.connection(), name, password, address=_client_address())
    if account == users.THROTTLED:
        return "auth.sign_in.throttled"
    if account is None:
        return "auth.sign_in.failed"
    st.session_state[SESSION_KEY] = {"name": account.name, "fingerprint": fingerprint(account.name)}
    st.session_state.pop(PROBLEM_KEY, None)
    return None


def sign_out() -> None:
    """End this session's sign-in (and the provider's cookie when signed in through OIDC)."""
    had_password = st.session_state.pop(SESSION_KEY, None) is not None
    st.session_state.pop(PROBLEM_KEY, None)
    if not had_password and st.user.get("is_logged_in", False):
        st.logout()
    else:
        st.rerun()
