"""Account management for administrators on the «Auditoría y usuarios» page.

DuckDB lets one process open the database, so while the app runs the
`egov user ...` commands cannot reach it: these forms call the same core
functions (``egov.users``), checked and audited the same way, with the
signed-in administrator as the actor. An administrator cannot disable or
demote their own account here (so the app is never left without one by a
slip); the command line can.
"""

from __future__ import annotations

import streamlit as st

from egov import auth, users
from egov.i18n import t
from egov.ui import safe, state
from egov.ui.session import User

FLASH_KEY = "accounts_flash"


def _done(message: str) -> None:
    state.data_changed()
    st.session_state[FLASH_KEY] = message
    st.rerun()


def _create(user: User, lang: str) -> None:
    con = state.connection()
    with st.form("account_create", clear_on_submit=True, border=True):
        st.markdown(f"**{t('accounts.create.title', lang)}**")
        left, right = st.columns(2)
        name = left.text_input(t("accounts.name", lang), key="account_new_name",
                               help=t("accounts.name_help", lang))
        display = right.text_input(t("accounts.display_name", lang), key="account_new_display")
        role = left.selectbox(t("accounts.role", lang), auth.ROLES, format_func=lambda r: t(f"auth.role.{r}", lang),
                              key="account_new_role")
        password = right.text_input(t("accounts.password", lang), type="password", key="account_new_password",
                                    help=t("accounts.password_help", lang), autocomplete="new-password")
        submitted = st.form_submit_button(t("accounts.create.button", lang))
    if submitted:
        try:
            made = users.add(con, name, role, password=password or None, display_name=display or None,
                             actor=user.name, actor_role=user.role)
        except (users.UserError, auth.PermissionDenied) as exc:
            st.error(safe.plain(exc))
        else:
            _done(t("accounts.create.done", lang, name=made.name, role=t(f"auth.role.{made.role}", lang)))


CHANGES = ("role", "disable", "enable", "password")


def _change(user: User, lang: str, others: list[users.Account]) -> None:
    con = state.connection()
    with st.form("account_change", clear_on_submit=True, border=True):
        st.markdown(f"**{t('accounts.change.title', lang)}**")
        left, right = st.columns(2)
        names = [a.name for a in others]
        name = left.selectbox(t("accounts.account", lang), names, key="account_change_name")
        change = right.selectbox(t("accounts.change.what", lang), CHANGES,
                                 format_func=lambda c: t(f"accounts.change.{c}", lang), key="account_change_what")
        role = left.selectbox(t("accounts.new_role", lang), auth.ROLES,
                              format_func=lambda r: t(f"auth.role.{r}", lang), key="account_change_role")
        password = right.text_input(t("accounts.new_password", lang), type="password",
                                    key="account_change_password", autocomplete="new-password")
        submitted = st.form_submit_button(t("accounts.change.button", lang))
    if not submitted or not name:
        return
    who = {"actor": user.name, "actor_role": user.role}
    try:
        if change == "role":
            users.set_role(con, name, role, **who)
        elif change == "disable":
            users.disable(con, name, **who)
        elif change == "enable":
            users.enable(con, name, **who)
        else:
            users.set_password(con, name, password, **who)
    except (users.UserError, auth.PermissionDenied) as exc:
        st.error(safe.plain(exc))
    else:
        _done(t("accounts.change.done", lang, name=name, change=t(f"accounts.change.{change}", lang)))


def manage(user: User, lang: str, accounts: list[users.Account]) -> None:
    """The two forms (create; change someone else's account), for an administrator only."""
    if not auth.allowed(user.role, auth.Action.MANAGE_USERS):
        return
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.success(flash)
    with st.expander(t("accounts.title", lang), icon=":material/manage_accounts:"):
        st.caption(t("accounts.intro", lang))
        if user.mode == "local":
            st.warning(t("accounts.first_account", lang))
        _create(user, lang)
        others = [a for a in accounts if a.name != user.name]
        if others:
            _change(user, lang, others)
