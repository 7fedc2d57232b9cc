"""Auditoría y usuarios (admins): the audit log read-only, its chain check, the accounts, and backups.

Nothing on this page edits the log or the accounts: the log is written
only by the changes it records (in their own transactions), and accounts
are managed with `egov user ...`.
"""

from pathlib import Path

import streamlit as st

from egov import auth, users
from egov.storage import audit, backup
from egov.i18n import fmt_number, t
from egov.ui import accounts as accounts_ui
from egov.ui import audit_view, cache, safe, state
from egov.ui.guard import require_page

user = require_page(auth.Action.VIEW_AUDIT)
lang = state.language()
con = state.connection()


def action_label(action: str) -> str:
    try:
        return t(f"audit.action.{action}", lang)
    except KeyError:  # an action named after this page was written: show its code
        return action


st.title(t("audit.page.title", lang))
st.caption(t("audit.page.intro", lang))

check = cache.load(audit.verify)
if check.ok:
    st.success(safe.t("audit.chain.ok", lang, entries=fmt_number(check.entries, 0, lang)), icon=":material/verified:")
else:
    st.error(safe.t("audit.chain.bad", lang, seq=check.first_bad_seq or "—", reason=check.reason),
             icon=":material/gpp_bad:")
st.caption(safe.t("audit.chain.head", lang, head=str(cache.load(audit.head))))

st.header(t("audit.log.title", lang))
found = cache.load(audit.facets)
left, middle, right = st.columns([2, 1, 1])
actions = left.multiselect(t("audit.filter.actions", lang), found["action"], format_func=action_label,
                           key="audit_actions", placeholder=t("audit.filter.all_actions", lang))
who = middle.selectbox(t("audit.filter.user", lang), [""] + found["user"], key="audit_user",
                       format_func=lambda u: u or t("audit.filter.all_users", lang))
dates = right.date_input(t("audit.filter.dates", lang), value=(), key="audit_dates", format="DD/MM/YYYY")
since, until = (tuple(dates) + (None, None))[:2] if dates else (None, None)
log = cache.load(audit.entries, actions=actions or None, user=who or None, since=since, until=until or since)
total = check.entries
if log.empty:
    st.info(t("audit.log.empty", lang))
else:
    kinds = log["kind"].map({"registro": "followup", "marco": "framework"})
    labels = [action_label(k if a == "import" and isinstance(k, str) else a) for a, k in zip(log["action"], kinds)]
    roles = log["user_role"].map(lambda r: audit_view.role_label(r, lang))
    said = cache.built("audit:summaries", (actions, who, since, until, lang),  # once per data and filters
                       lambda: [audit_view.summary(a, d, lang) for a, d in zip(log["action"], log["detail"])])
    shown = log.drop(columns="kind").assign(action=labels, user_role=roles)
    shown.insert(shown.columns.get_loc("action") + 1, "summary", said)
    st.dataframe(shown.rename(columns={c: t(f"audit.col.{c}", lang) for c in shown.columns}), hide_index=True,
                 width="stretch", key="audit_log_table",
                 column_config={t("audit.col.logged_at", lang): st.column_config.DatetimeColumn(
                     format="DD/MM/YYYY HH:mm:ss")})
    st.caption(safe.t("audit.log.shown", lang, shown=fmt_number(len(log), 0, lang), total=fmt_number(total, 0, lang)))

st.header(t("audit.users.title", lang))
st.caption(t("audit.users.help", lang))
accounts = cache.load(users.accounts_table)
if accounts.empty:
    st.info(t("audit.users.none", lang))
else:
    accounts = accounts.assign(user_role=accounts["user_role"].map(lambda r: audit_view.role_label(r, lang)))
    st.dataframe(accounts.rename(columns={c: t(f"audit.users.col.{c}", lang) for c in accounts.columns}),
                 hide_index=True, width="stretch", key="audit_users_table",
                 column_config={t("audit.users.col.created_at", lang): st.column_config.DatetimeColumn(
                     format="DD/MM/YYYY HH:mm")})

accounts_ui.manage(user, lang, cache.load(users.accounts))

st.header(t("audit.backup.title", lang))
folder = backup.backup_dir(con)
st.caption(safe.t("audit.backup.help", lang, folder=str(folder)))
if st.button(t("audit.backup.button", lang), key="audit_backup", icon=":material/backup:"):
    try:
        made = backup.make_backup(con, user=user.name, role=user.role)
    except (backup.BackupError, auth.PermissionDenied) as exc:
        st.error(safe.t("audit.backup.failed", lang, error=str(exc)))
    else:
        state.data_changed()  # the log has a new entry
        st.session_state["audit_backup_made"] = str(made.path)
        st.rerun()
made_path = st.session_state.get("audit_backup_made")
if made_path and Path(made_path).is_file():
    size = Path(made_path).stat().st_size
    st.success(safe.t("audit.backup.done", lang, path=made_path,
                 size=f"{fmt_number(size / 1_048_576, 1, lang)} MB"))
    st.download_button(t("audit.backup.download", lang), data=Path(made_path).read_bytes(),
                       file_name=Path(made_path).name, mime="application/octet-stream",
                       key="audit_backup_download", icon=":material/download:")
existing = backup.listing(folder)
if not existing.empty:
    st.subheader(t("audit.backup.recent", lang))
    existing = existing.assign(kind=existing["kind"].map(lambda k: t(f"audit.backup.kind.{k}", lang)),
                               megabytes=existing["megabytes"].map(lambda v: fmt_number(v, 2, lang)))
    st.dataframe(existing.rename(columns={c: t(f"audit.backup.col.{c}", lang) for c in existing.columns}),
                 hide_index=True, width="stretch", key="audit_backup_table",
                 column_config={t("audit.backup.col.modified", lang): st.column_config.DatetimeColumn(
                     format="DD/MM/YYYY HH:mm:ss")})
