"""kill -9 of a real app server in the middle of an import: nothing partial, and the other server serves.

Two `streamlit run` servers, A and B, on one PostgreSQL store. In A's page,
headless Chromium uploads a scores file of a new gestión (every entity ×
every criterion, ~1,500 rows: the final check and the write take seconds),
confirms it and presses «Importar»; the test kills A's process with SIGKILL
at a chosen moment of that import, twelve times: two while the importer runs
its final check (before the write transaction; as it begins if the check ends
sooner), ten spread over the write transaction, found by watching
PostgreSQL's writer lock (the advisory lock every write transaction takes
first) and timed from a first import left to finish. After each kill:

- the killed server's transaction is gone: the writer lock is free again;
- the file's gestión is whole or absent: a live batch and every one of its
  rows, or no batch and no row;
- every batch of the store is whole or absent (``store_checks.whole_or_absent``)
  and ``egov audit verify`` passes;
- B, which never stopped, serves Resumen at once on the store's latest
  gestión with the number of entities the store holds for it.

Then A is started again for the next import. One Chromium, one page per
server, serves every cycle. At the end, at least half the kills must have
struck while the write transaction was open and taken the whole import with
them (the others may land just after its commit: then it is whole).
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from egov.storage import db, postgres
from tests.support.browser import (browser_pages, error_texts, screenshot, streamlit_process, streamlit_server,
                                   wait_rendered)
from tests.support.store_checks import whole_or_absent
from tests.test_postgres import egov

pytestmark = [pytest.mark.browser, pytest.mark.slow]
KILLS = 12
BEFORE_WRITE = (0, 6)  # the cycles killed during the final check, before the write transaction
UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'
ENV = {"EGOV_AUTO_BACKUP": "0"}
# pg_locks shows a bigint advisory key as classid (high half) and objid (low half).
WRITER_LOCK = (f"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
               f" AND classid = {postgres.WRITE_LOCK_KEY >> 32} AND objid = {postgres.WRITE_LOCK_KEY & 0xFFFFFFFF}")


def scores_file(folder: Path, uri: str, period: str) -> tuple[Path, int, int]:
    """A scores file of ``period`` for every entity and criterion of the default framework;
    (path, score rows, rows the batch adds: the scores and one assessment per entity)."""
    con = db.connect(uri)
    try:
        entities = [r[0] for r in con.execute("SELECT entity_code FROM entity ORDER BY 1").fetchall()]
        criteria = con.execute("SELECT criterion_code, scale_min, scale_max FROM criterion"
                               " WHERE framework_code = 'CGE-GE' ORDER BY 1").fetchall()
    finally:
        con.close()
    lines = ["entidad;gestion;marco;criterio;puntaje;estado;evidencia;informe;fecha_emision"]
    for e_no, entity in enumerate(entities):
        for c_no, (code, low, high) in enumerate(criteria):
            score = low + (e_no + c_no) % int(high - low + 1)
            lines.append(f"{entity};{period};CGE-GE;{code};{score:g};evaluado;Ronda {period};K/{period};"
                         "12/12/2025")
    path = folder / f"puntajes {period}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, len(entities) * len(criteria), len(entities) * (len(criteria) + 1)


def stored(uri: str, period: str, file_name: str) -> tuple[list[tuple], int, int, str | None]:
    """(batches of ``file_name`` as (live, rows_new), score rows of ``period``, assessments of the latest
    gestión, the latest gestión)."""
    con = db.connect(uri)
    try:
        batches = con.execute("SELECT undone_at IS NULL, rows_new FROM import_batch WHERE file_name = ?",
                              [file_name]).fetchall()
        scores = con.execute("SELECT count(*) FROM criterion_score WHERE period = ?", [period]).fetchall()[0][0]
        latest = con.execute("SELECT max(period) FROM assessment WHERE framework_code = 'CGE-GE'").fetchall()[0][0]
        entities = con.execute("SELECT count(*) FROM assessment WHERE framework_code = 'CGE-GE' AND period = ?",
                               [latest]).fetchall()[0][0]
    finally:
        con.close()
    return batches, scores, entities, latest


def writer_lock_held(cluster, database: str) -> bool:
    return cluster.psql(WRITER_LOCK, database) != "0"


def wait_for_lock(cluster, database: str, held: bool, timeout: float) -> float:
    """Poll PostgreSQL until the writer lock is (or is no longer) held; returns when it was seen."""
    deadline = time.monotonic() + timeout
    while writer_lock_held(cluster, database) != held:
        assert time.monotonic() < deadline, f"the writer lock was not {'taken' if held else 'freed'} in {timeout} s"
        time.sleep(0.02)
    return time.monotonic()


def start_import(page, url: str, upload: Path, period: str) -> float:
    """Upload ``upload`` in Cargar datos, confirm the new gestión and press «Importar»; when it was pressed."""
    page.goto(url + "/cargar")
    wait_rendered(page, 90000)
    page.locator(UPLOAD).set_input_files(str(upload))
    page.get_by_text("es correcto").wait_for(timeout=90000)
    wait_rendered(page, 60000)
    page.get_by_text(f"Confirmo que {period} es una gestión nueva").click()
    wait_rendered(page, 60000)
    page.get_by_role("button", name="Importar").click()
    return time.monotonic()


def resumen(page, url: str) -> tuple[str, str]:
    """(Resumen's caption line naming the gestión, its «Entidades evaluadas» figure) as the server shows them."""
    page.goto(url + "/")
    wait_rendered(page, 90000)
    assert not error_texts(page), error_texts(page)
    main = page.locator('[data-testid="stMain"]')
    caption = next(line for line in main.inner_text().splitlines() if line.startswith("Gestión "))
    figure = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    return caption, figure


@pytest.mark.timeout(2400)  # thirteen server starts and imports: about 20 s a cycle on an idle machine
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_a_server_killed_mid_import_leaves_nothing_partial_and_the_other_keeps_serving(sample_db, pg_cluster,
                                                                                        tmp_path):
    uri, database = sample_db, postgres.database_name(sample_db)
    rng = random.Random(20261201)
    outcomes = []
    with streamlit_server(uri, env=ENV, timeout=120) as other, browser_pages(2) as (page_a, page_b):
        # A first import left to finish: how long the final check and the write take here, now.
        upload, rows, written = scores_file(tmp_path, uri, "2030")
        with streamlit_process(uri, env=ENV, timeout=120) as (one, _):
            pressed = start_import(page_a, one, upload, "2030")
            locked = wait_for_lock(pg_cluster, database, True, 90)
            freed = wait_for_lock(pg_cluster, database, False, 90)
            page_a.get_by_text(f"Se importó «{upload.name}»").wait_for(timeout=60000)
        check, write = locked - pressed, freed - locked
        batches, scores, _, _ = stored(uri, "2030", upload.name)
        assert batches == [(True, written)] and scores == rows
        assert write > 0.3, f"the write transaction took {write:.2f} s: too short to kill inside it"
        for cycle in range(KILLS):
            period = str(2031 + cycle)
            upload, rows, written = scores_file(tmp_path, uri, period)
            with streamlit_process(uri, env=ENV, timeout=120) as (one, server):
                pressed = start_import(page_a, one, upload, period)
                if cycle in BEFORE_WRITE:
                    # During the final check, or the moment the write begins if the check ends first.
                    deadline = pressed + rng.uniform(0.1, 0.8) * check
                    while time.monotonic() < deadline and not writer_lock_held(pg_cluster, database):
                        time.sleep(0.02)
                    moment = "final check"
                else:
                    # Ten kills spread over the first 80 % of the write, as long as the shortest seen (the
                    # machine's load moves it: a write that commits sooner shortens the next ones' window).
                    locked = wait_for_lock(pg_cluster, database, True, 90)
                    inside = sum(1 for earlier in range(cycle) if earlier not in BEFORE_WRITE)
                    share = 0.8 * (inside + rng.random()) / (KILLS - len(BEFORE_WRITE))
                    while time.monotonic() < locked + share * write:
                        if not writer_lock_held(pg_cluster, database):
                            write = min(write, time.monotonic() - locked)
                            break
                        time.sleep(0.02)
                    moment = f"{share:.0%} into the write"
                in_write = writer_lock_held(pg_cluster, database)
                os.kill(server.pid, signal.SIGKILL)
                server.wait(30)
                assert server.returncode == -signal.SIGKILL
            # PostgreSQL noticed the vanished client and rolled its transaction back.
            wait_for_lock(pg_cluster, database, False, 30)
            batches, scores, entities, latest = stored(uri, period, upload.name)
            assert batches in ([], [(True, written)]), batches
            assert scores == (rows if batches else 0), (period, batches, scores)
            outcomes.append((moment, in_write, "landed" if batches else "absent"))
            print(f"kill {cycle + 1}: {outcomes[-1]} ({time.monotonic() - pressed:.0f} s after «Importar»)", flush=True)
            whole_or_absent(uri)
            assert "Registro íntegro" in egov("audit", "verify", store=uri).stdout
            # B never stopped: it serves the store as it now is.
            caption, figure = resumen(page_b, other)
            assert caption.startswith(f"Gestión {latest} ·"), (caption, latest)
            assert figure == str(entities), (figure, entities)
        screenshot(page_b, "kill-server-the-other-still-serves")
    print(f"final check {check:.2f} s, write {write:.2f} s; kills: {outcomes}")
    # Most kills landed inside the write transaction and took the whole import with them.
    absent_mid_write = sum(1 for _, in_write, result in outcomes if in_write and result == "absent")
    assert absent_mid_write >= KILLS // 2, outcomes
