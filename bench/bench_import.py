"""Importing a 100,000-row score file end to end, beside DuckDB alone reading the same file.

The files are generated (``bench/generate.py``: entities first, then their
scores over three rounds of the default framework) into a temporary folder
with a new database holding the default framework and the entities. Then:

- ``import_file`` end to end (read, parse every cell, check every rule
  against the database, preview, automatic backup, one transaction with
  before-images, audit entry, read back), and its parts measured apart:
  ``check`` (read + parse + validate), ``frames_of`` + ``store.plan`` (the
  preview), and ``undo`` of the batch;
- DuckDB's own ``read_csv`` of the same file through a connection from
  ``egov.storage.db`` (typed, and all-text like the importer reads it);
- DuckDB alone writing the same rows into a copy of the store (``INSERT … SELECT`` from
  ``read_csv``, one transaction, no check, before-image, audit entry or backup): the floor
  any import into this store stands on, beside which the importer's own cost shows;
- the same file imported the row-by-row way (``in_bulk=False``, the path
  every score file took before the bulk path), in the same run: the ratio
  between the two does not depend on how busy the machine is;
- the same checks written with pandas (``read_csv`` as text, numbers with a
  decimal comma, codes against the store ignoring case, scales, statuses,
  duplicates, one report per assessment), without the messages: the
  baseline the issue asks the bulk path to beat.

    python -m bench.run_all bench_import      # or: python -m bench.bench_import [ROWS]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import generate
from egov import ingest, sample
from egov.storage import db, sql, store

ROWS = 100_000


CPU: dict[str, float] = {}  # CPU seconds of this process (every thread) per timed call, by function name


def _timed(func, *args, **kwargs):
    started, cpu = time.perf_counter(), time.process_time()
    result = func(*args, **kwargs)
    CPU[getattr(func, "__name__", "?") + ("_row_by_row" if kwargs.get("in_bulk") is False else "")] = (
        time.process_time() - cpu)
    return result, time.perf_counter() - started


def write_floor(store_file: Path, scores: Path) -> float:
    """Seconds DuckDB alone takes to write the score file's rows into a copy of ``store_file``."""
    copy = store_file.with_name("floor.duckdb")
    shutil.copyfile(store_file, copy)
    con = db.connect(copy)
    try:
        started = time.perf_counter()
        with db.transaction(con) as cur:
            for query in ("bench_write_floor_assessments", "bench_write_floor_scores"):
                sql.run(cur, query, path=str(scores), batch=0)
        return time.perf_counter() - started
    finally:
        con.close()
        copy.unlink(missing_ok=True)


def pandas_checks(cur, path: Path) -> int:
    """The score file's checks written with pandas (offending rows counted, no messages)."""
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    known = {name: sql.run(cur, name) for name in ("import_known_entities", "import_known_frameworks",
                                                   "import_known_criteria")}
    entities = set(known["import_known_entities"]["entity_code"].str.casefold())
    frameworks = set(known["import_known_frameworks"]["framework_code"].str.casefold())
    criteria = known["import_known_criteria"].assign(
        folded=lambda f: f["criterion_code"].str.casefold(), fw=lambda f: f["framework_code"].str.casefold())
    score = pd.to_numeric(frame["puntaje"].str.strip().str.replace(",", ".", regex=False), errors="coerce")
    dates = pd.to_datetime(frame["fecha_emision"], format="%d/%m/%Y", errors="coerce")
    rows = frame.assign(score=score, issued=dates, entity=frame["entidad"].str.strip().str.casefold(),
                        fw=frame["marco"].str.strip().str.casefold(),
                        folded=frame["criterio"].str.strip().str.casefold())
    rows = rows.merge(criteria[["fw", "folded", "scale_min", "scale_max"]], on=["fw", "folded"], how="left")
    bad = (rows[["entidad", "periodo", "marco", "criterio"]].apply(lambda c: c.str.strip() == "").any(axis=1)
           | ~rows["entity"].isin(entities) | ~rows["fw"].isin(frameworks) | rows["scale_min"].isna()
           | (rows["puntaje"].str.strip().ne("") & rows["score"].isna())
           | (rows["score"] < rows["scale_min"]) | (rows["score"] > rows["scale_max"])
           | ((rows["estado"] == "evaluado") & rows["score"].isna())
           | (rows["fecha_emision"].ne("") & rows["issued"].isna()))
    key = ["entity", "periodo", "fw", "folded"]
    bad |= rows.duplicated(key, keep="first")
    reports = rows.groupby(["entity", "periodo", "fw"])[["informe", "issued"]].transform("nunique")
    bad |= (reports["informe"] > 1) | (reports["issued"] > 1)
    return int(bad.sum())


def main(rows: int = ROWS) -> dict[str, float]:
    _, criteria, _ = generate.framework_parts()
    per_entity = sum(len(c) for c in criteria.values()) * len(generate.ROUNDS)
    entities = -(-rows // per_entity)
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-import-"))
    try:
        paths = dict(zip(generate.FILES, generate.write_files(folder / "files", entities)))
        scores = paths["puntajes.csv"]
        data = scores.read_bytes()
        n_rows = data.count(b"\n") - 1
        con = db.connect(folder / "bench.duckdb")
        try:
            sample.load_default_framework(con)
            generate.import_files(con, [paths["entidades.csv"]])
            con.execute("CHECKPOINT")
            figures: dict[str, float] = {"write_floor": min(write_floor(folder / "bench.duckdb", scores)
                                                            for _ in range(2))}
            with db.cursor(con) as cur:
                for label, all_varchar in (("duckdb_read_csv_typed", False), ("duckdb_read_csv_text", True)):
                    best = min(_timed(sql.run, cur, "bench_read_csv", path=str(scores),
                                      all_varchar=all_varchar)[1] for _ in range(3))
                    figures[label] = best
                offending, figures["pandas_checks"] = _timed(pandas_checks, cur, scores)
                assert offending == 0, offending
                (parsed, problems, _), figures["check"] = _timed(ingest.check, cur, data, scores.name)
                assert not problems, problems[:3]
                frames, figures["frames"] = _timed(ingest.frames_of, cur, parsed, recorded_by="bench")
                _, figures["plan"] = _timed(store.plan, cur, frames)
            steps: list[tuple[str, float]] = []
            result, figures["import_file"] = _timed(ingest.import_file, con, data, scores.name, user="bench",
                                                    role="admin",
                                                    progress=lambda name: steps.append((name, time.perf_counter())))
            ends = [at for _, at in steps[1:]] + [steps[0][1] + figures["import_file"]]
            step_times = {name: end - at for (name, at), end in zip(steps, ends)}
            assert result.status == "imported", result.summary_es
            _, figures["undo"] = _timed(ingest.undo, con, result.batch_id, user="bench", role="admin")
            old, figures["import_file_row_by_row"] = _timed(ingest.import_file, con, data, scores.name, user="bench",
                                                            role="admin", in_bulk=False)
            assert old.status == "imported" and old.plan.total == result.plan.total, old.summary_es
            ingest.undo(con, old.batch_id, user="bench", role="admin")
        finally:
            con.close()
        size_mb = len(data) / 1024 / 1024
        print(f"score file: {n_rows:,} rows, {size_mb:.1f} MB ({entities} entities x {len(generate.ROUNDS)} rounds)")
        print(f"  DuckDB read_csv alone (typed):      {figures['duckdb_read_csv_typed']:7.2f} s")
        print(f"  DuckDB read_csv alone (all text):   {figures['duckdb_read_csv_text']:7.2f} s")
        print(f"  import_file end to end:             {figures['import_file']:7.2f} s "
              f"({n_rows / figures['import_file']:,.0f} rows/s; "
              f"{figures['import_file'] / figures['duckdb_read_csv_typed']:.0f}x DuckDB alone)")
        print("    its steps: " + ", ".join(f"{name} {took:.2f} s" for name, took in step_times.items())
              + " (write: classify, before-images, audit digests, commit)")
        print(f"    check alone (read+parse+rules):    {figures['check']:6.2f} s")
        print(f"    preview alone (frames + plan):     {figures['frames'] + figures['plan']:6.2f} s")
        print(f"  DuckDB alone writing the same rows: {figures['write_floor']:7.2f} s "
              f"({figures['write_floor'] / figures['duckdb_read_csv_typed']:.0f}x its read_csv; the import end to end "
              f"is {figures['import_file'] / figures['write_floor']:.1f}x this floor)")
        print(f"  undo of that batch:                 {figures['undo']:7.2f} s")
        print(f"  import_file, row-by-row path:       {figures['import_file_row_by_row']:7.2f} s "
              f"({figures['import_file_row_by_row'] / figures['duckdb_read_csv_typed']:.0f}x DuckDB alone; "
              f"bulk path {figures['import_file_row_by_row'] / figures['import_file']:.1f}x faster)")
        print(f"  CPU seconds of this process: import_file {CPU['import_file']:.2f}, row-by-row "
              f"{CPU['import_file_row_by_row']:.2f} ({CPU['import_file_row_by_row'] / CPU['import_file']:.1f}x); "
              f"check {CPU['check']:.2f}, pandas checks {CPU['pandas_checks']:.2f}, "
              f"DuckDB read_csv {CPU['run']:.2f} (a busy machine stretches wall times, not these)")
        print(f"  the same checks in pandas:          {figures['pandas_checks']:7.2f} s "
              f"(bulk check {figures['pandas_checks'] / figures['check']:.1f}x faster)")
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
