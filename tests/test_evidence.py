"""Evidence as references and files (issue 16, part B): added with `egov`, fetched byte-identical, checked by
content and size, undone, carried by backups, listed on the entity profile with a download."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from reportlab.pdfgen import canvas

from egov import evidence
from egov.cli import main
from egov.storage import audit, backup, db, store
from tests.support.pages_entity import open_page, texts


def pdf_bytes(text: str = "RM N° 123/2023 que aprueba el MPP") -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def egov(store_at, *args: str):
    return CliRunner().invoke(main, ["--db", str(store_at), *args], catch_exceptions=False, prog_name="egov")


def add_to_plan1(store_at, file: Path, document: str = "RM N° 123/2023 que aprueba el MPP"):
    return egov(store_at, "evidencia", "agregar", "DIGEMIG", "--gestion", "2024", "--criterio", "PLAN.1",
                "--documento", document, "--numero", "123/2023", "--fecha", "15/03/2023", "--seccion", "3.1",
                "--papel", "K3/GP445-PT-4", "--archivo", str(file))


def stored_state(store_at) -> dict:
    con = db.connect(store_at)
    try:
        with db.cursor(con) as cur:
            return {table: cur.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                    for table in ("evidence", "evidence_file", "import_batch", "audit_log")}
    finally:
        con.close()


@pytest.mark.both_backends
def test_a_file_added_with_egov_comes_back_byte_identical(sample_db, tmp_path, backend):
    original = tmp_path / "resolucion MPP.pdf"
    original.write_bytes(pdf_bytes())
    added = add_to_plan1(sample_db, original)
    assert added.exit_code == 0, added.output
    assert "Evidencia registrada" in added.output and sha(original.read_bytes()) in added.output
    assert "application/pdf" in added.output

    listed = egov(sample_db, "evidencia", "listar", "--entidad", "DIGEMIG")
    assert "RM N° 123/2023 que aprueba el MPP" in listed.output and "PLAN.1" in listed.output
    assert sha(original.read_bytes())[:16] in listed.output

    fetched = tmp_path / "vuelta.pdf"
    got = egov(sample_db, "evidencia", "obtener", sha(original.read_bytes())[:12], "-o", str(fetched))
    assert got.exit_code == 0, got.output
    assert fetched.read_bytes() == original.read_bytes()
    assert sha(fetched.read_bytes()) == sha(original.read_bytes())

    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            assert audit.verify(cur).ok
            row = evidence.references(cur, entity_code="DIGEMIG").iloc[0]
            assert (row["document_number"], row["report_section"], row["working_paper"]) == \
                ("123/2023", "3.1", "K3/GP445-PT-4")
            assert row["media_type"] == "application/pdf" and row["file_name"] == "resolucion MPP.pdf"
    finally:
        con.close()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.both_backends
@pytest.mark.parametrize("name, content, says", [
    ("acta.pdf", png_bytes(), "es PNG (image/png)"),
    ("informe.docx", _zip({"a.txt": b"hola"}), "es ZIP (application/zip)"),
    ("foto.png", b"<html><script>alert(1)</script></html>", "no se reconoce su tipo"),
    ("pagina.html", b"<html></html>", "no se admite como evidencia"),
], ids=["png-as-pdf", "zip-as-docx", "html-as-png", "html"])
def test_a_file_whose_content_is_not_what_its_extension_says_is_refused_in_spanish_and_nothing_stored(
        sample_db, tmp_path, backend, name, content, says):
    before = stored_state(sample_db)
    file = tmp_path / name
    file.write_bytes(content)
    refused = add_to_plan1(sample_db, file)
    assert refused.exit_code == 1
    assert says in refused.output and "No se guardó nada" in refused.output
    assert stored_state(sample_db) == before


@pytest.mark.both_backends
def test_a_file_over_the_size_limit_is_refused_unread_and_nothing_stored(sample_db, tmp_path, backend):
    before = stored_state(sample_db)
    big = tmp_path / "escaneo.pdf"
    with big.open("wb") as out:
        out.write(pdf_bytes())
        out.truncate(evidence.MAX_FILE_BYTES + 1)
    refused = add_to_plan1(sample_db, big)
    assert refused.exit_code == 1
    assert "el límite para un archivo de evidencia es 20,0 MB" in refused.output
    assert "No se guardó nada" in refused.output
    assert stored_state(sample_db) == before


def test_a_reference_to_a_score_that_does_not_exist_is_refused(sample_db, tmp_path):
    before = stored_state(sample_db)
    file = tmp_path / "a.pdf"
    file.write_bytes(pdf_bytes())
    refused = egov(sample_db, "evidencia", "agregar", "DIGEMIG", "--gestion", "2019", "--criterio", "PLAN.1",
                   "--documento", "RM", "--archivo", str(file))
    assert refused.exit_code == 1 and "No hay un puntaje registrado para DIGEMIG 2019 PLAN.1" in refused.output
    no_name = egov(sample_db, "evidencia", "agregar", "DIGEMIG", "--gestion", "2024", "--criterio", "PLAN.1",
                   "--documento", "  ")
    assert no_name.exit_code == 1 and "Falta el documento" in no_name.output
    assert stored_state(sample_db) == before


def test_evidence_backs_a_finding_and_a_follow_up_rating_too(sample_db, tmp_path):
    file = tmp_path / "acta.pdf"
    file.write_bytes(pdf_bytes("Acta"))
    finding = egov(sample_db, "evidencia", "agregar", "DIGEMIG", "--gestion", "2024", "--hallazgo", "2",
                   "--documento", "Acta de reunión", "--archivo", str(file))
    assert finding.exit_code == 0 and "DIGEMIG 2024 hallazgo 2" in finding.output
    rating = egov(sample_db, "evidencia", "agregar", "MIN-GOB", "--informe", "K3/GP400/S22-G1",
                  "--recomendacion", "1", "--fecha-estado", "26/12/2022", "--documento", "Nota de descargo")
    assert rating.exit_code == 0 and "MIN-GOB K3/GP400/S22-G1 n.º 1 (26/12/2022)" in rating.output
    missing = egov(sample_db, "evidencia", "agregar", "MIN-GOB", "--informe", "K3/GP400/S22-G1",
                   "--recomendacion", "1", "--fecha-estado", "27/12/2022", "--documento", "Nota")
    assert missing.exit_code == 1 and "No hay una calificación de seguimiento" in missing.output
    listed = egov(sample_db, "evidencia", "listar", "--format", "csv").output.splitlines()
    assert len(listed) == 3
    assert listed[1].startswith("hallazgo,DIGEMIG,2024,CGE-GE,,2,")
    assert listed[2].startswith("seguimiento,MIN-GOB,2022,")  # listed under its recommendation's gestión


def test_one_file_is_stored_once_and_undo_drops_it_only_when_no_reference_is_left(sample_db, tmp_path):
    file = tmp_path / "mpp.pdf"
    file.write_bytes(pdf_bytes())
    con = db.connect(sample_db)
    try:
        checked = evidence.check_file(file.name, file.read_bytes())
        score = evidence.Target("puntaje", "DIGEMIG", "2024", "CGE-GE", criterion_code="PLAN.1")
        other = evidence.Target("puntaje", "DIGEMIG", "2024", "CGE-GE", criterion_code="PLAN.2")
        first = evidence.add(con, score, evidence.Document("RM que aprueba el MPP"), checked, user="a", role="admin")
        second = evidence.add(con, other, evidence.Document("RM que aprueba el MPP"), checked, user="a", role="admin")
        with db.cursor(con) as cur:
            assert cur.execute("SELECT count(*) FROM evidence_file").fetchall()[0][0] == 1
            assert len(evidence.references(cur, entity_code="DIGEMIG")) == 2
        store.undo_batch(con, first.batch_id)
        with db.cursor(con) as cur:
            assert evidence.content(cur, checked.sha256).content == file.read_bytes()  # PLAN.2 still uses it
        store.undo_batch(con, second.batch_id)
        with db.cursor(con) as cur:
            assert cur.execute("SELECT count(*) FROM evidence_file").fetchall()[0][0] == 0
            assert evidence.references(cur).empty
            assert audit.verify(cur).ok
    finally:
        con.close()


def test_audit_verify_notices_a_stored_file_whose_bytes_were_changed(sample_db, tmp_path):
    file = tmp_path / "mpp.pdf"
    file.write_bytes(pdf_bytes())
    assert add_to_plan1(sample_db, file).exit_code == 0
    con = db.connect(sample_db)
    try:
        con.execute("UPDATE evidence_file SET content = ?", [pdf_bytes("otro texto")])
        with db.cursor(con) as cur:
            check = audit.verify(cur)
            assert not check.ok and "archivo de evidencia no coincide con su SHA-256" in check.message
            with pytest.raises(evidence.EvidenceError, match="no coincide con su SHA-256"):
                evidence.content(cur, sha(file.read_bytes()))
    finally:
        con.close()


@pytest.mark.both_backends
def test_a_backup_and_its_restore_carry_the_file(sample_db, tmp_path, backend):
    file = tmp_path / "foto.png"
    file.write_bytes(png_bytes())
    assert add_to_plan1(sample_db, file).exit_code == 0
    con = db.connect(sample_db)
    try:
        copy = backup.make_backup(con, tmp_path / ("copia.dump" if backend == "postgres" else "copia.duckdb"),
                                  user="admin", role="admin").path
        with db.cursor(con) as cur:  # after the backup: the restore must take this away
            later = evidence.references(cur)
        con.execute("DELETE FROM evidence")
        con.execute("DELETE FROM evidence_file")
        db.checkpoint(con)
    finally:
        con.close()
    assert len(later) == 1
    backup.restore(copy, sample_db, user="cli:pruebas", role="admin")
    restored = tmp_path / "restaurado.png"
    got = egov(sample_db, "evidencia", "obtener", sha(file.read_bytes()), "-o", str(restored))
    assert got.exit_code == 0, got.output
    assert sha(restored.read_bytes()) == sha(file.read_bytes())


@pytest.mark.both_backends
def test_the_profile_lists_evidence_per_criterion_with_a_download_of_its_detected_type(sample_db, use_db,
                                                                                       tmp_path, backend):
    file = tmp_path / "resolucion.pdf"
    file.write_bytes(pdf_bytes())
    assert add_to_plan1(sample_db, file).exit_code == 0
    assert egov(sample_db, "evidencia", "agregar", "DIGEMIG", "--gestion", "2024", "--criterio", "ORG.1",
                "--documento", "Memorándum de designación del responsable TIC").exit_code == 0
    use_db(sample_db)
    at = open_page("entidad", entidad="DIGEMIG")
    assert not at.exception
    shown = texts(at).replace("\\", "")  # Markdown escapes of data (egov.ui.safe) do not show
    assert "Evidencia" in shown
    assert "RM N° 123/2023 que aprueba el MPP" in shown and "sección 3.1" in shown
    assert "Memorándum de designación del responsable TIC" in shown and "sin archivo adjunto" in shown
    buttons = at.get("download_button")
    assert len(buttons) == 1
    proto = buttons[0].proto
    assert proto.label == "Descargar resolucion.pdf"
    assert sha(file.read_bytes()) in proto.help and "application/pdf" in proto.help


def test_the_profile_lists_what_backs_a_finding_and_a_follow_up_rating_after_the_scores(sample_db, use_db,
                                                                                      tmp_path):
    file = tmp_path / "acta.pdf"
    file.write_bytes(pdf_bytes("Acta"))
    assert egov(sample_db, "evidencia", "agregar", "DIGEMIG", "--gestion", "2024", "--hallazgo", "2",
                "--documento", "Acta de reunión", "--archivo", str(file)).exit_code == 0
    assert egov(sample_db, "evidencia", "agregar", "DIGEMIG", "--gestion", "2024", "--criterio", "ORG.1",
                "--documento", "Memorándum de designación").exit_code == 0
    assert egov(sample_db, "evidencia", "agregar", "MIN-GOB", "--informe", "K3/GP400/S22-G1", "--recomendacion",
                "1", "--fecha-estado", "26/12/2022", "--documento", "Nota de descargo").exit_code == 0
    use_db(sample_db)
    digemig = texts(open_page("entidad", entidad="DIGEMIG")).replace("\\", "")
    score, finding = digemig.index("**ORG.1** · Memorándum de designación"), digemig.index("**Hallazgo 2** · Acta")
    assert score < finding  # scores first, then findings
    at = open_page("entidad", entidad="MIN-GOB", gestion="2022")
    assert not at.exception
    shown = texts(at).replace("\\", "")
    assert "**Seguimiento de la recomendación 1 (K3/GP400/S22-G1, 26/12/2022)** · Nota de descargo" in shown, shown
    assert "Acta de reunión" not in shown  # another entity's evidence never shows here


def test_the_profile_says_so_when_no_evidence_is_recorded(sample_db, use_db):
    use_db(sample_db)
    at = open_page("entidad", entidad="DIGEMIG")
    assert not at.exception
    assert ("No hay evidencias registradas para los puntajes, hallazgos ni el seguimiento de esta entidad en la "
            "gestión 2024.") in texts(at)
    assert not at.get("download_button")


def test_a_store_copied_to_postgresql_and_back_keeps_the_file(sample_db, pg_cluster, tmp_path):
    file = tmp_path / "mpp.pdf"
    file.write_bytes(pdf_bytes())
    assert add_to_plan1(sample_db, file).exit_code == 0
    shared = pg_cluster.new_database()
    back = tmp_path / "vuelta.duckdb"
    there = egov(sample_db, "store", "copy", str(sample_db), shared)
    assert there.exit_code == 0 and "todas iguales al origen" in there.output, there.output
    assert egov(sample_db, "store", "copy", shared, str(back)).exit_code == 0
    for copy in (shared, back):
        out = tmp_path / f"desde-{'pg' if copy == shared else 'duckdb'}.pdf"
        got = egov(copy, "evidencia", "obtener", sha(file.read_bytes()), "-o", str(out))
        assert got.exit_code == 0, got.output
        assert sha(out.read_bytes()) == sha(file.read_bytes())
