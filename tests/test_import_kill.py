"""kill -9 the importing process at random moments: the database reopens with every batch whole or absent.

A worker process imports score files of ~1,800 rows in a loop (new rounds,
re-assessments that change stored scores, and undos of earlier batches),
printing a line before and after each write. The test kills it with SIGKILL
after a random delay, reopens the file and checks, after every kill:

- no row lost its parent (``queries/integrity_orphans.sql`` is empty);
- every batch's change log has one record per new or changed row;
- every live batch is whole: in each table, the rows carrying its id are
  exactly the rows it wrote that no later live batch rewrote;
- no data row carries the id of an undone or unknown batch;
- the audit chain verifies, with one "import" entry per batch and one "undo"
  entry per undone batch.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from tests.support.store_checks import whole_or_absent

KILLS = 22  # each cycle has ten gestiones of its own: at most 22 fit in 2025-2100
KILLS_POSTGRES = 12

WORKER = r"""
import sys
from egov.storage import db
from egov.ingest import import_file, undo

path, cycle = sys.argv[1], int(sys.argv[2])
ROUNDS = 10
PERIODS = [f"{year}{half}" for year in range(2025, 2101) for half in ("", "-S1", "-S2")]
con = db.connect(path)
entities = [r[0] for r in con.execute("SELECT entity_code FROM entity ORDER BY 1").fetchall()]
criteria = con.execute("SELECT criterion_code, scale_min, scale_max FROM criterion"
                       " WHERE framework_code = 'CGE-GE' ORDER BY 1").fetchall()


def scores_file(period, shift):
    lines = ["entidad;periodo;marco;criterio;puntaje;estado;evidencia;informe;fecha_emision"]
    for e_no, entity in enumerate(entities):
        for c_no, (code, low, high) in enumerate(criteria):
            score = low + (e_no + c_no + shift) % int(high - low + 1)
            lines.append(f"{entity};{period};CGE-GE;{code};{score:g};evaluado;Ronda {period}, ajuste {shift};"
                         f"K/{period};12/12/2025")
    return ("\n".join(lines) + "\n").encode("utf-8")


print("ready", flush=True)
for i in range(1000):
    if i % 3 == 0:
        # Undo the newest live batch of this test (the newest can always be undone).
        newest = con.execute("SELECT max(batch_id) FROM import_batch WHERE user_name = 'kill'"
                             " AND undone_at IS NULL").fetchall()[0][0]
        if newest is not None:
            print(f"start undo {newest}", flush=True)
            undo(con, newest, user="kill", role="admin")
            print(f"done undo {newest}", flush=True)
        continue
    # A new round, then a re-assessment of it that changes every stored score. Each cycle has its own
    # ten gestiones (2025 to 2100, whole years and semesters: 228 in all); past its tenth round a
    # cycle keeps re-assessing that one.
    period = PERIODS[cycle * ROUNDS + min(i // 3, ROUNDS - 1)]
    print(f"start import {period}", flush=True)
    result = import_file(con, scores_file(period, i), f"k{cycle}-{i}.csv", user="kill", role="admin",
                         confirm_changes=True)
    assert result.status == "imported", result.summary_es
    assert i % 3 == 1 or result.plan.changed > 0
    print(f"done import {result.batch_id}", flush=True)
"""


@pytest.mark.slow
@pytest.mark.both_backends
def test_kill_minus_nine_at_random_moments_leaves_every_batch_whole_or_absent(sample_db, backend):
    # On PostgreSQL the server rolls back the transaction of a connection that vanished.
    path = sample_db
    kills = KILLS if backend == "duckdb" else KILLS_POSTGRES
    env = {**os.environ, "EGOV_DB": str(path), "EGOV_BACKUP_KEEP": "1"}
    rng = random.Random(20261125)
    landed = Counter()
    batches_before = whole_or_absent(path)["batches"]
    for cycle in range(kills):
        worker = subprocess.Popen([sys.executable, "-c", WORKER, str(path), str(cycle)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = []
        try:
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
            if cycle % 4 == 3:
                # Undos are short: every fourth kill lands just after one starts.
                while not (line := worker.stdout.readline()).startswith("start undo"):
                    assert line, worker.stderr.read()
                    seen.append(line.strip())
                seen.append(line.strip())
                time.sleep(rng.uniform(0, 0.08))
            else:
                time.sleep(rng.uniform(0.05, 2.5))
            os.kill(worker.pid, signal.SIGKILL)
        finally:
            worker.kill()
            out, err = worker.communicate(timeout=30)
        assert worker.returncode == -signal.SIGKILL, err  # it was still working when killed
        lines = seen + out.strip().splitlines()
        last = lines[-1] if lines else "ready"
        landed["mid-undo" if last.startswith("start undo") else "mid-import" if last.startswith("start")
               else "between writes"] += 1
        whole_or_absent(path)
    final = whole_or_absent(path)
    assert final["batches"] > batches_before, "the worker never finished a write"
    assert landed["mid-import"] + landed["mid-undo"] >= kills // 2 and landed["mid-undo"] >= 2, landed
