"""The sign-in screen that gates the app, and the sidebar box saying who is signed in.

``gate`` runs in app.py before the navigation is built: until someone is
signed in it draws the sign-in screen (identity provider button and/or user
name and password form) and stops the run, so no page and no page URL is
reachable. In single-user local mode it lets everyone through as the local
administrator, and ``user_box`` labels that mode in the sidebar.
"""

from __future__ import annotations

import streamlit as st

from egov.i18n import t
from egov.ui import safe, session, state
from egov.ui.session import User


def role_name(role: str, lang: str) -> str:
    return t(f"auth.role.{role}" if role else "auth.role.none", lang)


def _oidc_buttons(lang: str) -> None:
    st.caption(t("auth.oidc.intro", lang))
    for provider in session.oidc_providers():
        label = (t("auth.oidc.button_provider", lang, provider=provider.title()) if provider
                 else t("auth.oidc.button", lang))
        if st.button(label, key=f"signin_oidc_{provider or 'default'}", type="primary", icon=":material/login:"):
            try:
                st.login(provider) if provider else st.login()
            except Exception as exc:  # no Authlib, or an incomplete [auth] section: say so, no traceback
                if isinstance(exc, ModuleNotFoundError) or "authlib" in str(exc).lower():
                    st.error(t("auth.oidc.missing_authlib", lang))
                else:
                    st.error(safe.t("auth.oidc.misconfigured", lang, error=str(exc).splitlines()[0][:300]))


def _password_form(lang: str) -> None:
    with st.form("signin_form", clear_on_submit=False, enter_to_submit=True):
        name = st.text_input(t("auth.sign_in.user", lang), key="signin_user", autocomplete="username")
        password = st.text_input(t("auth.sign_in.password", lang), type="password", key="signin_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("auth.sign_in.button", lang), type="primary")
    if submitted:
        problem = session.sign_in_with_password(name, password)
        if problem is None:
            st.session_state.pop("signin_password", None)
            st.rerun()
        elif problem == "auth.sign_in.throttled":
            st.error(safe.t(problem, lang, seconds=session.throttled_for(name)))
        else:
            st.error(t(problem, lang))


def _show_problem(lang: str) -> None:
    problem = st.session_state.get(session.PROBLEM_KEY)
    if not problem:
        return
    email = str(st.user.get("email") or "") if st.user.get("is_logged_in", False) else ""
    st.warning(safe.t(problem, lang, email=email))


def gate(lang: str) -> User:
    """The signed-in user; otherwise draw the sign-in screen and stop this run."""
    user = session.current_user()
    if user.signed_in:
        return user
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        state.language_switch(lang, key="signin_lang")
        if user.mode == session.MODE_LOCAL:  # single-user local mode, reached from another computer
            st.title(t("auth.mode.local", lang))
            _show_problem(lang)
            st.stop()
        st.title(t("auth.sign_in.title", lang))
        st.write(t("auth.sign_in.intro", lang))
        _show_problem(lang)
        oidc = session.oidc_configured()
        if oidc and st.user.get("is_logged_in", False):
            # Signed in at the provider but refused here (disabled, no verified e-mail): let them leave.
            if st.button(t("auth.sign_out", lang), key="signin_oidc_logout", icon=":material/logout:"):
                st.session_state.pop(session.PROBLEM_KEY, None)
                st.logout()
        elif oidc:
            _oidc_buttons(lang)
        if not oidc or session.password_sign_in_on():
            if oidc:
                st.divider()
            _password_form(lang)
    st.stop()
    raise AssertionError("unreachable")  # st.stop() ends the run


def user_box(user: User, lang: str) -> None:
    """In the sidebar: the single-user local mode label, or who is signed in with a sign-out button."""
    box = st.sidebar.container(border=True, key="user_box")
    if user.mode == session.MODE_LOCAL:
        box.markdown(f":orange-badge[:material/person: {t('auth.mode.local', lang)}]",
                     help=t("auth.mode.local_help", lang))
        return
    box.caption(f"{t('auth.signed_in_as', lang)} · {t(f'auth.mode.{user.mode}', lang)}")
    # Names come from accounts and the identity provider: shown as plain text, never as Markdown/HTML.
    box.text(user.display_name if user.display_name == user.name else f"{user.display_name} ({user.name})")
    box.caption(role_name(user.role, lang))
    if box.button(t("auth.sign_out", lang), key="sign_out", icon=":material/logout:"):
        session.sign_out()
