"""The browser's upload limit: Streamlit's own kept equal to the importer's cap, and said in Spanish
on the Cargar page before a file is dropped (over it the browser refuses the file in English)."""

from __future__ import annotations

import tomllib

from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from bench import generate
from egov import ingest
from egov.cli import main
from egov.ingest import read
from egov.storage import db
from tests.corpus.build import SCORE_HEADER, csv_bytes


def test_streamlit_upload_limit_is_the_importers_cap():
    config = tomllib.loads((db.PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    megabytes, rows = read.upload_limits()
    assert config["server"]["maxUploadSize"] == megabytes == read.MAX_FILE_BYTES // (1024 * 1024)
    assert rows == read.MAX_ROWS


def test_cargar_page_says_the_limit_in_spanish_before_the_drop(sample_db, use_db):
    use_db(sample_db)
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    at.switch_page("views/cargar.py").run()
    assert not at.exception, at.exception
    captions = [c.value for c in at.caption]
    assert any("Hasta 25 MB y 300.000 filas por archivo" in c and "egov import" in c for c in captions), captions


def _over_the_upload_cap() -> bytes:
    """A valid score file of about 28 MB: two sample entities, 60 new gestiones, long evidence."""
    _, criteria, _ = generate.framework_parts()
    codes = [c for area in criteria.values() for c in area]
    evidence = "Evidencia revisada en el expediente. " * 270  # under the 10,000-character cell cap
    rows = [[entity, str(year), "CGE-GE", code, "2", "evaluado", evidence, f"CLI/{entity}/{year}", "01/12/2025"]
            for entity in ("DIGEMIG", "SEGIP") for year in range(2030, 2090) for code in codes]
    return csv_bytes(SCORE_HEADER, rows)


def test_command_line_imports_a_file_over_the_browser_cap(sample_db, monkeypatch, tmp_path):
    data = _over_the_upload_cap()
    assert len(data) > read.MAX_FILE_BYTES
    con = db.connect(sample_db)
    try:
        refused = ingest.import_file(con, data, "grande.csv")  # what an upload gets
    finally:
        con.close()
    assert refused.status == "refused" and [p.code for p in refused.problems] == ["too_big"]
    path = tmp_path / "grande.csv"
    path.write_bytes(data)
    monkeypatch.setenv("EGOV_DB", str(sample_db))
    monkeypatch.setenv("EGOV_AUTO_BACKUP", "0")
    result = CliRunner().invoke(main, ["import", "--yes", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    con = db.connect(sample_db)
    try:
        stored = con.execute("SELECT count(*) FROM criterion_score WHERE period >= '2030' AND period < '2090'"
                             " AND evidence LIKE 'Evidencia revisada%'").fetchall()[0][0]
    finally:
        con.close()
    assert stored == data.count(b"\n") - 1


def test_the_browser_refusal_texts_keep_the_files_name_and_size_for_the_script_in_both_languages():
    from egov.ui import upload_refusal

    es = upload_refusal.refusal_texts("es", 25, read.UPLOAD_TYPES)
    en = upload_refusal.refusal_texts("en", 25, read.UPLOAD_TYPES)
    assert es["too_big"].startswith("«{name}» ({size}) no se recibió") and "25 MB" in es["too_big"]
    assert en["too_big"].startswith("«{name}» ({size}) was not received") and "25 MB" in en["too_big"]
    assert ".csv, .txt, .tsv, .xlsx" in es["wrong_type"] and (es["decimal"], en["decimal"]) == (",", ".")
    assert es["instructions"] == "Arrastre aquí un archivo · hasta 25 MB · CSV, TXT, TSV, XLSX"
    script = upload_refusal.script("es", 25, read.UPLOAD_TYPES)
    assert script.count("</script>") == 1 and "Elegir archivo" in script
