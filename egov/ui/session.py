"""Who is using the app in this session.

Until sign-in is configured the app runs in single-user local mode: one
local administrator, labelled as such in the sidebar.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    name: str
    display_name: str
    role: str  # viewer | analyst | admin
    mode: str  # local | password | oidc


LOCAL_USER = User("local", "Usuario local", "admin", "local")


def current_user() -> User:
    return LOCAL_USER
