"""Who may do what: role × data-changing function, role × page, sign-in modes.

Three layers are checked separately, as the issue asks: the core functions
that change data (called directly, on a real sample database), each page's
own guard (the page file run alone with the session the sign-in leaves),
and the navigation the app builds after a sign-in through the real form.
Viewers are refused everywhere, analysts where they should be, admins nowhere.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from egov import auth, followup, ingest, users
from egov.storage import backup, db, store
from egov.ui import session
from egov.ui.navigation import PAGES
from tests.corpus.helpers import snapshot
from tests.support import roles as R

ROLE_PAGES = {"viewer": "views/resumen.py", "analyst": "views/cargar.py", "admin": "views/auditoria.py"}


@pytest.fixture
def con(sample_db):
    R.accounts_db(sample_db)
    connection = db.connect(sample_db)
    yield connection
    connection.close()


def _import_entities(con, code: str, user: str, role: str) -> ingest.ImportResult:
    return ingest.import_file(con, R.entities_csv(code), f"{code}.csv", user=user, role=role)


def _last_sample_batch(con) -> int:
    return con.execute("SELECT max(batch_id) FROM import_batch WHERE user_name = 'sistema' AND undone_at IS NULL"
                       ).fetchall()[0][0]


def _prepare(con, role: str, operation: str):
    """Set up what the operation needs (as another, allowed user) and return the call to try as ``role``."""
    if operation == "import":
        return lambda: _import_entities(con, f"T-{role.upper()}", role, role)
    if operation == "record_followup":
        entity, report, rec_no = R.a_recommendation(con)
        return lambda: followup.record_status(con, entity, report, rec_no, "en_proceso", R.today(),
                                              "acta de prueba", user=role, role=role)
    if operation == "undo_own":
        # The account imported the batch while it could (a viewer was an analyst then, and was demoted).
        owner_role = "analyst" if role == "viewer" else role
        actor, actor_role = R.CLI_ACTOR
        users.set_role(con, role, owner_role, actor=actor, actor_role=actor_role)
        own = _import_entities(con, f"OWN-{role.upper()}", role, owner_role)
        assert own.status == "imported"
        users.set_role(con, role, role, actor=actor, actor_role=actor_role)
        return lambda: store.undo_batch(con, own.batch_id, user=role, role=role)
    if operation == "undo_other":
        other = _last_sample_batch(con)
        return lambda: store.undo_batch(con, other, user=role, role=role)
    if operation == "framework":
        return lambda: ingest.import_file(con, R.framework_csv(), "marco-prueba.csv", user=role, role=role)
    if operation == "manage_users":
        return lambda: users.add(con, "persona.nueva", "viewer", password="una-clave-larga", actor=role,
                                 actor_role=role)
    if operation == "backup":
        return lambda: backup.make_backup(con, None, user=role, role=role)
    raise AssertionError(operation)


@pytest.mark.parametrize("operation", R.OPERATIONS)
@pytest.mark.parametrize("role", auth.ROLES)
def test_each_role_may_change_exactly_what_its_role_allows_and_a_refusal_changes_nothing(con, role, operation,
                                                                                      tmp_path, monkeypatch):
    monkeypatch.setenv(backup.ENV_DIR, str(tmp_path / "copias"))
    attempt = _prepare(con, role, operation)
    audit_before, before = R.audit_count(con), snapshot(con)
    if operation in R.ALLOWED_OPS[role]:
        result = attempt()
        if isinstance(result, ingest.ImportResult):
            assert result.status == "imported", result.problems
        assert R.audit_count(con) > audit_before
    else:
        with pytest.raises(auth.PermissionDenied) as refused:
            attempt()
        assert str(refused.value).startswith("Acceso denegado")
        # A refusal changes nothing: every row of every table is as it was (data, batches, accounts, audit).
        assert snapshot(con) == before
        assert not any((tmp_path / "copias").glob("egov-*.duckdb"))


def test_an_analyst_undoing_someone_elses_batch_gets_a_refusal_the_upload_page_can_show(con):
    other = _last_sample_batch(con)
    with pytest.raises(store.UndoNotAllowed) as refused:
        store.undo_batch(con, other, user="analyst", role="analyst")
    assert isinstance(refused.value, store.StoreError) and isinstance(refused.value, auth.PermissionDenied)
    assert "otros usuarios" in str(refused.value)
    assert con.execute("SELECT undone_at FROM import_batch WHERE batch_id = ?", [other]).fetchall()[0][0] is None


def test_a_stale_session_of_a_demoted_or_disabled_account_is_refused_inside_the_transaction(con):
    actor, actor_role = R.CLI_ACTOR
    users.set_role(con, "analyst", "viewer", actor=actor, actor_role=actor_role)
    before = R.batch_count(con)
    with pytest.raises(auth.PermissionDenied):  # the session still says "analyst"
        _import_entities(con, "STALE-1", "analyst", "analyst")
    users.set_role(con, "analyst", "analyst", actor=actor, actor_role=actor_role)
    users.disable(con, "analyst", actor=actor, actor_role=actor_role)
    with pytest.raises(auth.PermissionDenied):
        _import_entities(con, "STALE-2", "analyst", "analyst")
    assert R.batch_count(con) == before


def test_may_undo_follows_ownership_role_and_batch_kind():
    assert auth.may_undo("analyst", "ana", "ana", "entidades")
    assert not auth.may_undo("analyst", "ana", "sistema", "entidades")
    assert not auth.may_undo("analyst", "ana", "ana", "marco")  # a framework batch needs the framework right
    assert auth.may_undo("admin", "root", "ana", "marco")
    assert not auth.may_undo("viewer", "vera", "vera", "entidades")
    assert not auth.may_undo(None, "x", "x", "entidades")


# --- pages: each page's own guard, with the session the password sign-in leaves -----------------

def _page_alone(page: str, account: str | None) -> AppTest:
    at = AppTest.from_file(f"../{page}", default_timeout=60)
    if account is not None:
        at.session_state[session.SESSION_KEY] = {"name": account, "fingerprint": session.fingerprint(account)}
    return at.run()


# Every page but Presentación, whose exit link needs app.py's navigation to exist (it is reached, per role,
# through the navigation in the tests below and in tests/test_browser_roles.py).
PAGE_MIN_ROLE = {spec.file: spec.min_role for spec in PAGES if spec.url_path != "presentacion"}


@pytest.mark.parametrize("page", sorted(PAGE_MIN_ROLE))
@pytest.mark.parametrize("role", [None, *auth.ROLES])
def test_every_page_opened_directly_guards_itself_signed_out_and_for_each_role(sample_db, use_db, role, page):
    use_db(R.accounts_db(sample_db))
    at = _page_alone(page, role)
    assert not at.exception, at.exception
    refused = [e.value for e in at.error] + [w.value for w in at.warning]
    if role is None:
        # Signed out: one request to sign in and nothing else drawn (at most the title; no table, chart,
        # metric or control).
        assert [w.value for w in at.warning] == ["Inicie sesión para ver esta página."]
        assert not at.dataframe and not at.button and not at.get("plotly_chart") and not at.metric
    elif auth.role_at_least(role, PAGE_MIN_ROLE[page]):
        assert not any("Acceso denegado" in text or "no permite" in text for text in refused), refused
        assert at.title
    else:
        assert any(text.startswith("Acceso denegado") or "no permite" in text for text in refused), refused
        assert not at.button  # nothing to press: no upload, undo or backup control was drawn
        assert not at.dataframe and not at.get("plotly_chart")


# --- sign-in and navigation through app.py -----------------------------------------------------

def _app() -> AppTest:
    return AppTest.from_file("../app.py", default_timeout=90)


def _can_open(at: AppTest, page: str) -> bool:
    try:
        at.switch_page(page)
    except ValueError:  # AppTest: no such page registered in the navigation
        return False
    at.run()
    return True


@pytest.mark.parametrize("role", auth.ROLES)
def test_after_signing_in_with_the_form_the_navigation_offers_exactly_the_pages_of_the_role(sample_db, use_db,
                                                                                          role):
    use_db(R.accounts_db(sample_db))
    at = _app().run()
    assert [t.value for t in at.title] == ["Iniciar sesión"]
    R.sign_in(at, role, R.PASSWORDS[role])
    assert not at.exception
    assert "Iniciar sesión" not in [t.value for t in at.title]
    assert [t.value for t in at.sidebar.text] == [f"Cuenta {role} ({role})"]
    assert _can_open(at, "views/cargar.py") == auth.role_at_least(role, "analyst")
    assert _can_open(at, "views/auditoria.py") == (role == "admin")
    assert not at.exception


def test_the_app_shows_nothing_but_the_sign_in_screen_until_the_password_is_right(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _app().run()
    R.sign_in(at, "admin", "clave-equivocada")
    assert [e.value for e in at.error] == ["Usuario o contraseña incorrectos, o cuenta desactivada."]
    assert [t.value for t in at.title] == ["Iniciar sesión"]
    assert not at.dataframe and not at.sidebar.button


def test_signing_out_returns_to_the_sign_in_screen(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = R.sign_in(_app().run(), "analyst", R.PASSWORDS["analyst"])
    at.sidebar.button(key="sign_out").click().run()
    assert [t.value for t in at.title] == ["Iniciar sesión"]


def test_disabling_an_account_ends_its_open_session_on_the_next_click(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = R.sign_in(_app().run(), "analyst", R.PASSWORDS["analyst"])
    assert "Iniciar sesión" not in [t.value for t in at.title]
    con = db.connect(sample_db)  # the same process: DuckDB shares the app's open database
    try:
        users.disable(con, "analyst", actor="cli:pruebas", actor_role="admin")
    finally:
        con.close()
    at.run()
    assert [t.value for t in at.title] == ["Iniciar sesión"]
    assert any("Su sesión terminó" in w.value for w in at.warning)


def test_after_five_wrong_passwords_a_user_name_is_refused_for_a_while_even_with_the_right_one(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _app().run()
    for _ in range(session.MAX_FAILURES):
        R.sign_in(at, "viewer", "no-es-la-clave")
    R.sign_in(at, "viewer", R.PASSWORDS["viewer"])
    assert any("Demasiados intentos" in e.value for e in at.error)
    assert [t.value for t in at.title] == ["Iniciar sesión"]


def test_without_accounts_the_app_runs_in_the_labelled_single_user_local_mode(sample_db, use_db):
    use_db(sample_db)
    at = _app().run()
    assert not at.exception
    assert "Iniciar sesión" not in [t.value for t in at.title]
    assert any("Modo local de un solo usuario" in m.value for m in at.sidebar.markdown)
    assert _can_open(at, "views/auditoria.py")


def test_the_environment_switch_turns_sign_in_on_before_any_account_exists(sample_db, use_db, monkeypatch):
    use_db(sample_db)
    monkeypatch.setenv(session.ENV_REQUIRE, "1")
    at = _app().run()
    assert [t.value for t in at.title] == ["Iniciar sesión"]
    assert not at.sidebar.markdown


OIDC_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                "client_id": "egov", "client_secret": "s",
                "server_metadata_url": "https://idp.example.org/.well-known/openid-configuration"}


def _oidc_app(email: str | None) -> AppTest:
    at = _app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": email, "name": "Ana Pérez"} if email else {"is_logged_in": False}
    return at.run()


def test_with_an_identity_provider_a_signed_out_visitor_sees_only_the_provider_button(sample_db, use_db):
    use_db(sample_db)
    at = _oidc_app(None)
    assert [t.value for t in at.title] == ["Iniciar sesión"]
    assert [b.label for b in at.button] == ["Iniciar sesión con la cuenta institucional"]
    assert not at.text_input  # no local accounts: no password form


def test_an_identity_provider_user_gets_the_role_of_their_account_row_and_strangers_are_viewers(sample_db, use_db):
    con = db.connect(sample_db)
    try:
        users.add(con, "Ana@Inst.gob.bo", "admin", actor="cli:pruebas", actor_role="admin")
    finally:
        con.close()
    use_db(sample_db)
    at = _oidc_app("ana@inst.gob.bo")
    assert not at.exception
    assert _can_open(at, "views/auditoria.py")
    stranger = _oidc_app("otra@inst.gob.bo")
    assert "Iniciar sesión" not in [t.value for t in stranger.title]
    assert not _can_open(stranger, "views/cargar.py")


def test_a_disabled_identity_provider_account_is_refused_with_a_way_out(sample_db, use_db):
    con = db.connect(sample_db)
    try:
        users.add(con, "ana@inst.gob.bo", "analyst", actor="cli:pruebas", actor_role="admin")
        users.disable(con, "ana@inst.gob.bo", actor="cli:pruebas", actor_role="admin")
    finally:
        con.close()
    use_db(sample_db)
    at = _oidc_app("ana@inst.gob.bo")
    assert [t.value for t in at.title] == ["Iniciar sesión"]
    assert [w.value for w in at.warning] == ["Su cuenta está desactivada; consulte al administrador."]
    assert [b.label for b in at.button] == ["Cerrar sesión"]


# --- hardening -------------------------------------------------------------------------------

def test_the_app_config_keeps_xsrf_protection_an_upload_limit_and_no_raw_table_download():
    import tomllib

    config = tomllib.loads((R.PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 50
    assert config["client"]["disableDataExport"] is True


# Reviewed uses of raw HTML: each renders a fixed constant of the code, never text from data or users.
HTML_REVIEWED = {
    ("egov/ui/present_view.py", "st.html(STYLE)"),  # the presentation's fixed projector style sheet
    # Cargar's script saying the browser's own upload refusal in the page's language: a fixed script whose
    # only insert is catalogue texts as JSON (checked below), never data or a file's name (read in the page)
    ("egov/ui/upload_refusal.py", "st.html(script(lang, megabytes, extensions), unsafe_allow_javascript=True)"),
}


def test_no_page_or_module_renders_html_from_text():
    sources = [*R.PROJECT_ROOT.glob("views/*.py"), *R.PROJECT_ROOT.glob("egov/**/*.py"), R.PROJECT_ROOT / "app.py"]
    found = {(str(path.relative_to(R.PROJECT_ROOT)), line.strip())
             for path in sources for line in path.read_text(encoding="utf-8").splitlines()
             if any(marker in line for marker in ("unsafe_allow_html", "st.html(", "components.html("))}
    assert found <= HTML_REVIEWED
    style = (R.PROJECT_ROOT / "egov/ui/present_view.py").read_text(encoding="utf-8")
    assert 'STYLE = """<style>' in style  # a plain literal, not an f-string or a format template
    from egov.ui import upload_refusal

    source = (R.PROJECT_ROOT / "egov/ui/upload_refusal.py").read_text(encoding="utf-8")
    assert '_SCRIPT = """\n<script>' in source  # a plain literal
    template = upload_refusal._SCRIPT
    assert template.count("%(") == 1 and "%(texts)s" in template  # one insert: the texts
    assert "innerHTML" not in template and "insertAdjacentHTML" not in template  # text is only ever text
    script = upload_refusal.script("es", 25, ["csv"])
    assert script.count("<script>") == script.count("</script>") == 1


# --- follow-up editing and account management on their pages ----------------------------------

@pytest.mark.parametrize("role", auth.ROLES)
def test_the_follow_up_form_is_drawn_only_for_roles_that_may_record(sample_db, use_db, role):
    use_db(R.accounts_db(sample_db))
    at = R.sign_in(_app().run(), role, R.PASSWORDS[role])
    at.switch_page("views/seguimiento.py").run()
    assert not at.exception
    has_form = "followup_form_evidence" in [area.key for area in at.text_area]
    assert has_form == auth.allowed(role, auth.Action.RECORD_FOLLOWUP)


def _submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def test_an_admin_creates_and_changes_accounts_on_the_audit_page_and_each_change_is_audited(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = R.sign_in(_app().run(), "admin", R.PASSWORDS["admin"])
    at.switch_page("views/auditoria.py").run()
    assert "admin" not in at.selectbox(key="account_change_name").options  # never one's own account
    at.text_input(key="account_new_name").input("Carla")
    at.selectbox(key="account_new_role").set_value("analyst")
    at.text_input(key="account_new_password").input("clave-de-carla-1")
    _submit(at, "Crear cuenta")
    assert [s.value for s in at.success][-1] == "Cuenta carla creada con el rol Analista."
    at.selectbox(key="account_change_name").set_value("viewer")
    at.selectbox(key="account_change_what").set_value("disable")
    _submit(at, "Aplicar")
    assert not at.exception and not at.error
    con = db.connect(sample_db)
    try:
        assert users.authenticate(con, "carla", "clave-de-carla-1").role == "analyst"
        assert users.get(con, "viewer").disabled
        last = con.execute("SELECT user_name, user_role, action FROM audit_log ORDER BY seq DESC LIMIT 2").fetchall()
    finally:
        con.close()
    assert last == [("admin", "admin", "user_disable"), ("admin", "admin", "user_add")]
    shown_users = [set(frame.value.iloc[:, 0]) for frame in at.dataframe if "Usuario" in frame.value.columns[:1]]
    assert {"admin", "analyst", "carla", "viewer"} in shown_users  # the page's users table, after the rerun


def test_both_sign_in_ways_are_offered_when_a_provider_and_local_accounts_exist(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _oidc_app(None)
    labels = [b.label for b in at.button]
    assert "Iniciar sesión con la cuenta institucional" in labels and "Ingresar" in labels
    R.sign_in(at, "analyst", R.PASSWORDS["analyst"])
    assert "Iniciar sesión" not in [t.value for t in at.title]


def test_the_sign_in_screen_switches_to_english(sample_db, use_db):
    use_db(R.accounts_db(sample_db))
    at = _app().run()
    at.segmented_control(key="signin_lang").set_value("en").run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert [ti.label for ti in at.text_input] == ["User name", "Password"]


def test_pressing_the_provider_button_without_a_working_provider_explains_instead_of_crashing(sample_db, use_db):
    use_db(sample_db)
    at = _oidc_app(None)
    at.button[0].click().run()
    assert not at.exception
    assert len(at.error) == 1 and ("Authlib" in at.error[0].value or "no está bien configurado" in at.error[0].value)


def test_the_single_user_local_mode_serves_only_this_computer(sample_db, use_db, monkeypatch):
    use_db(sample_db)
    # The browser's address as Streamlit reports it (st.context.ip_address: None for loopback).
    monkeypatch.setattr(session, "remote_address", lambda: "192.0.2.50")
    at = _app().run()
    assert [t.value for t in at.title] == ["Modo local de un solo usuario"]
    assert [w.value for w in at.warning][0].startswith("Esta aplicación funciona en modo local de un solo usuario")
    assert not at.text_input and not at.button  # no way in but turning sign-in on
