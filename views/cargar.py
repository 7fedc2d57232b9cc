"""Cargar datos: upload a file, read its report, preview, confirm, and undo past loads.

A thin page over ``egov.ingest``: the same calls as ``egov import``. Every
upload is first checked without writing (``dry_run``); the write happens
only on the button, with the confirmation when it would change stored data.
No st.* call runs inside a transaction (the importer owns those).
"""

import streamlit as st

from egov import auth, ingest
from egov.storage import store
from egov.i18n import fmt_number, t
from egov.ingest import report, templates
from egov.ingest.read import UPLOAD_TYPES, upload_limits
from egov.kinds import KINDS
from egov.ui import safe, state
from egov.ui.guard import require_page
from egov.ui.upload_refusal import say_browser_refusals

lang = state.language()
st.title(t("import.page.title", lang))
user = require_page(auth.Action.IMPORT)
con = state.connection()
st.caption(t("import.page.intro", lang))

for level, message in st.session_state.pop("import_flash", []):
    getattr(st, level)(message)

with st.expander(t("import.page.templates", lang)):
    kind = st.selectbox(t("import.page.template_kind", lang), list(KINDS),
                        format_func=lambda k: t(f"import.kind.{k}", lang), key="template_kind")
    example = st.checkbox(t("import.page.with_example", lang), value=True, key="template_example")
    left, right = st.columns(2)
    left.download_button(t("import.page.download_xlsx", lang), templates.template(kind, example=example, fmt="xlsx"),
                         file_name=templates.file_name(kind, "xlsx", example=example),
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    right.download_button(t("import.page.download_csv", lang), templates.template(kind, example=example, fmt="csv"),
                          file_name=templates.file_name(kind, "csv", example=example), mime="text/csv")

# A new key after each import empties the uploader, so the page does not go on checking the stored file.
uploaded = st.file_uploader(t("import.page.upload", lang), type=UPLOAD_TYPES,
                            key=f"import_upload_{st.session_state.get('import_round', 0)}")
# Said before the drop, and again after it: over server.maxUploadSize (kept equal to the importer's cap,
# see tests/test_upload_limit.py) the browser refuses the file itself, and the page says why in its language.
st.caption(t("import.page.upload_limit", lang, mb=upload_limits()[0], rows=fmt_number(upload_limits()[1], 0, lang)))
say_browser_refusals(lang, upload_limits()[0], UPLOAD_TYPES)


def show_problems(result: ingest.ImportResult) -> None:
    st.subheader(t("import.page.problems_title", lang))
    st.dataframe(report.problems_frame(result.problems[:report.SCREEN_LIMIT], lang), hide_index=True,
                 width="stretch")
    if len(result.problems) > report.SCREEN_LIMIT:
        st.caption(safe.t("import.report.more", lang, more=len(result.problems) - report.SCREEN_LIMIT))
    st.subheader(t("import.page.counts_title", lang))
    st.dataframe(report.counts_frame(result.problems, lang), hide_index=True)
    st.download_button(t("import.page.download_report", lang), report.report_csv(result, lang),
                       file_name=f"informe-{result.file_name}.csv", mime="text/csv", key="download_report")


if uploaded is not None:
    data = uploaded.getvalue()
    checked = ingest.import_file(con, data, uploaded.name, user=user.name, role=user.role, dry_run=True)
    for note in checked.notes:
        st.caption(safe.plain(note))
    if checked.status == "refused":
        st.error(checked.summary(lang, escape=safe.plain))
        show_problems(checked)
    elif checked.status == "already_imported":
        st.info(checked.summary(lang, escape=safe.plain))
    else:
        st.success(checked.summary(lang, escape=safe.plain))
        st.subheader(t("import.page.preview", lang))
        st.dataframe(report.plan_frame(checked.plan, lang), hide_index=True)
        confirmed = True
        if checked.plan.changed:
            confirmed = st.checkbox(t("import.page.confirm_changes", lang, changed=checked.plan.changed),
                                    key=f"confirm_{checked.sha256}")
        if checked.new_periods:  # a gestión never seen: a typo (2024a) must not start a round of its own
            confirmed = st.checkbox(safe.t("import.page.confirm_new_periods", lang,
                                           periods=", ".join(checked.new_periods)),
                                    key=f"confirm_periods_{checked.sha256}") and confirmed
        if st.button(t("import.page.import_button", lang), type="primary", disabled=not confirmed,
                     key="import_button"):
            done = ingest.import_file(con, data, uploaded.name, user=user.name, role=user.role,
                                      confirm_changes=confirmed, confirm_new_periods=confirmed)
            if done.status == "imported":
                state.data_changed()
                st.session_state["import_flash"] = [("success", done.summary(lang, escape=safe.plain))]
                st.session_state["import_round"] = st.session_state.get("import_round", 0) + 1
                # The new batch is offered first for undo: set by its id (popping the key is not enough,
                # the browser would send back the choice it still shows).
                st.session_state["undo_batch"] = st.session_state["undo_choice"] = done.batch_id
                st.rerun()
            elif done.status == "refused":
                st.error(done.summary(lang, escape=safe.plain))
                show_problems(done)
            else:
                st.warning(done.summary(lang, escape=safe.plain))

st.header(t("import.page.history", lang))
history = ingest.batches(con)
if history.empty:
    st.info(t("import.page.no_batches", lang))
else:
    shown = history.assign(
        state=history["undone_at"].isna().map({True: t("import.batch.live", lang),
                                               False: t("import.batch.undone", lang)}),
        kind=history["kind"].map(lambda k: t(f"import.kind.{k}", lang)),
        created_at=history["created_at"].dt.strftime("%d/%m/%Y %H:%M"))
    columns = ["batch_id", "kind", "file_name", "state", "rows_total", "rows_new", "rows_changed", "rows_unchanged",
               "user_name", "created_at"]
    st.dataframe(shown[columns].rename(columns={c: t(f"import.batch.{c}", lang) for c in columns}),
                 hide_index=True, width="stretch", key="batch_history")
    # Only the batches this user may undo (their own; an admin's: any) are offered.
    live = history[history["undone_at"].isna()
                   & history.apply(lambda r: auth.may_undo(user.role, user.name, r["user_name"], r["kind"]), axis=1)]
    if not live.empty:
        labels = {int(r.batch_id): f"{r.batch_id} · {r.file_name} · {r.created_at:%d/%m/%Y %H:%M}"
                  for r in live.itertuples()}
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        # The batch is named by its id from the moment it is chosen (or first shown): a stable key keeps
        # the choice when other sessions import, and the undo acts on the recorded choice, never on a
        # replacement Streamlit would pick when the choice stopped being an option.
        def remember_choice() -> None:
            st.session_state["undo_choice"] = st.session_state.get("undo_batch")

        shown = left.selectbox(t("import.page.undo_select", lang), list(labels), format_func=labels.get,
                               key="undo_batch", on_change=remember_choice)
        st.session_state.setdefault("undo_choice", shown)
        if right.button(t("import.page.undo_button", lang), key="undo_button"):
            choice = st.session_state.pop("undo_choice", shown)
            batch = ingest.chosen_batch_id(choice)
            if batch is None or batch not in labels:
                st.error(safe.t("import.page.undo_refused", lang, choice=safe.plain(choice if batch is None else batch)))
            else:
                try:
                    ingest.undo(con, batch, user=user.name, role=user.role)
                except store.StoreError as exc:
                    st.error(safe.plain(str(exc)))
                else:
                    state.data_changed()
                    st.session_state["import_flash"] = [("success", t("import.page.undone", lang, batch=batch))]
                    st.session_state.pop("undo_batch", None)
                    st.rerun()
