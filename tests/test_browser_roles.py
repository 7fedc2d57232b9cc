"""In a real headless Chromium: one server with local accounts, three sign-ins (viewer, analyst, admin).

The viewer starts on the Auditoría URL itself and never sees it; each role's
sidebar offers exactly its pages; the analyst reaches the upload, the admin
the audit log; signing out returns to the sign-in screen.
"""

from __future__ import annotations

import pytest

from tests.support import roles as R
from tests.support.browser import (
    browser_page,
    error_texts,
    screenshot,
    streamlit_server,
    wait_rendered,
)

pytestmark = pytest.mark.browser


def _sign_in(page, name: str) -> None:
    page.get_by_label("Usuario").fill(name)
    page.get_by_label("Contraseña").fill(R.PASSWORDS[name])
    page.get_by_role("button", name="Ingresar").click()
    page.locator(".st-key-sign_out").wait_for(timeout=30000)
    wait_rendered(page)


def _nav_links(page) -> set[str]:
    paths = page.locator('[data-testid="stSidebarNav"] a').evaluate_all(
        "els => els.map(e => new URL(e.href).pathname)")
    return {path.strip("/") or "resumen" for path in paths}  # the default page lives at "/"


def _sign_out(page) -> None:
    page.locator(".st-key-sign_out button").click()
    page.get_by_role("button", name="Ingresar").wait_for(timeout=30000)


def test_each_role_signed_in_in_a_real_browser_sees_and_reaches_only_its_pages(sample_db, tmp_path):
    R.accounts_db(sample_db)
    with streamlit_server(sample_db, env={"EGOV_BACKUP_DIR": str(tmp_path / "copias")}) as url, \
            browser_page() as page:
        page.goto(url + "/auditoria")  # straight to the admin page's address, as a viewer
        page.get_by_role("button", name="Ingresar").wait_for(timeout=60000)
        wait_rendered(page)
        screenshot(page, "roles-sign-in", full_page=False)
        assert page.locator("h1").first.inner_text() == "Iniciar sesión"
        _sign_in(page, "viewer")
        links = _nav_links(page)
        assert "cargar" not in links and "auditoria" not in links and "resumen" in links
        assert page.get_by_text("Registro íntegro").count() == 0
        assert page.get_by_role("button", name="Hacer copia de seguridad").count() == 0
        _sign_out(page)

        _sign_in(page, "analyst")
        links = _nav_links(page)
        assert "cargar" in links and "auditoria" not in links
        page.locator('[data-testid="stSidebarNav"] a[href$="/cargar"]').click()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').wait_for(state="attached", timeout=30000)
        wait_rendered(page)
        assert not error_texts(page)
        _sign_out(page)

        _sign_in(page, "admin")
        assert {"cargar", "auditoria"} <= _nav_links(page)
        page.locator('[data-testid="stSidebarNav"] a[href$="/auditoria"]').click()
        page.get_by_text("Registro íntegro").wait_for(timeout=30000)
        wait_rendered(page)
        assert not error_texts(page)
        assert page.get_by_role("button", name="Hacer copia de seguridad").count() == 1
        screenshot(page, "roles-auditoria-admin")
        _sign_out(page)
        assert page.locator("h1").first.inner_text() == "Iniciar sesión"
