"""The check at the top of every page: refuse (in Spanish, or English) a user whose role may not be here.

The navigation already leaves out the pages a role may not open; this is
the second of the three checks (the third is in the core functions that
change data), for a stale session, a demoted account or a direct URL.

    from egov.ui.guard import require_page
    user = require_page("analyst")            # a least role
    user = require_page(Action.VIEW_AUDIT)    # or an action of egov.auth
"""

from __future__ import annotations

import streamlit as st

from egov import auth
from egov.i18n import t
from egov.ui import safe, state
from egov.ui.session import User, current_user


def permits(role: str, need: auth.Action | str) -> bool:
    """True when ``role`` satisfies ``need``: a role name (at least that role) or an action."""
    if isinstance(need, str) and not isinstance(need, auth.Action) and auth.is_role(need):
        return auth.role_at_least(role, need)
    return auth.allowed(role, need)


def require_page(need: auth.Action | str = "viewer") -> User:
    """The signed-in user when their role satisfies ``need``; otherwise a refusal and ``st.stop()``."""
    lang = state.language()
    user = current_user()
    if not user.signed_in:
        st.warning(t("auth.page_signed_out", lang), icon=":material/lock:")
        st.stop()
    if not permits(user.role, need):
        st.error(safe.t("auth.page_refused", lang, role=t(f"auth.role.{user.role}", lang)), icon=":material/block:")
        st.stop()
    return user
