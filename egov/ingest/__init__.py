"""Importing an analyst's file: read, check, preview, then store all or nothing.

The one entry point is ``import_file``; the "Cargar datos" page and the
``egov import`` command both call it, so they accept and refuse exactly the
same files. Steps:

1. ``read``: decode strictly, find the header row and separator (or open the
   workbook behind a bomb guard) -> raw cells with spreadsheet row numbers;
2. ``parse``: recognise the kind and type every cell, keeping what was written;
3. ``validate``: every rule against the file itself and the database;
4. ``store.plan``: how many rows are new, changed, unchanged (a preview);
5. ``store.write_batch``: one transaction, one batch, undoable. Changes to
   existing rows need ``confirm_changes``; the check is repeated inside the
   transaction, so a file never overwrites data the analyst did not see.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from egov import auth
from egov.storage import backup, db, errors, sql, staging, store
from egov.i18n import fmt_number, t
from egov.ingest import bulk, stream
from egov.ingest import problems as P
from egov.ingest import read as _read
from egov.ingest.parse import ParsedFile, detect_kind, parse_table
from egov.ingest.problems import Problem
from egov.ingest.validate import load_known, validate
from egov.kinds import KINDS, to_tables

__all__ = ["ImportResult", "Problem", "import_file", "import_path", "undo", "batches", "KINDS"]

log = logging.getLogger(__name__)
# The steps ``import_file`` reports to its ``progress`` callback, in order (a refusal stops early).
STEPS = ("check", "plan", "backup", "write")
STATUSES = ("imported", "already_imported", "refused", "needs_confirmation", "dry_run")


@dataclass
class ImportResult:
    status: str
    kind: str | None
    file_name: str
    sha256: str
    batch_id: int | None = None
    plan: store.Plan = field(default_factory=store.Plan)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    notes: list[str] = field(default_factory=list)
    previous: dict = field(default_factory=dict)  # already imported: the batch's file name, time and user
    new_periods: list[str] = field(default_factory=list)  # gestiones the store has never seen: need confirming

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "already_imported", "dry_run")

    def summary(self, lang: str = "es", *, escape=str) -> str:
        """One sentence: imported or not, and that nothing was saved when it was not.

        ``escape`` is applied to what comes from the file or another user (file
        names, user names): a page passes ``egov.ui.safe.plain``, so a file
        called ``![x](http://…).csv`` is never read as Markdown.
        """
        kind = t(f"import.kind.{self.kind}", lang) if self.kind else ""
        previous = ""
        if self.previous:
            when = self.previous["created_at"]
            previous = t("import.summary.previous", lang, file=escape(self.previous["file_name"]),
                         date=f"{when:%d/%m/%Y %H:%M}", user=escape(self.previous["user_name"]))
        sentence = t(f"import.summary.{self.status}", lang, file=escape(self.file_name), kind=kind, previous=previous,
                 rows=fmt_number(self.rows, 0, lang), new=fmt_number(self.plan.new, 0, lang),
                 changed=fmt_number(self.plan.changed, 0, lang),
                 unchanged=fmt_number(self.plan.unchanged, 0, lang),
                 problems=fmt_number(len(self.problems), 0, lang), batch=self.batch_id or "")
        if self.new_periods and self.status in ("dry_run", "needs_confirmation"):
            sentence += " " + t("import.summary.new_periods", lang,
                                periods=", ".join(escape(p) for p in self.new_periods))
        return sentence

    @property
    def summary_es(self) -> str:
        return self.summary("es")


class NeedsConfirmation(store.StoreError):
    """Raised inside the write transaction when the file would change stored rows unconfirmed."""


def _recogniser(kind: str | None):
    return lambda cells: detect_kind(cells, kind)


def check(cur: db.Connection, data: bytes, file_name: str, *, kind: str | None = None, in_bulk: bool = True,
          limits: _read.Limits = _read.UPLOAD) -> tuple[ParsedFile | bulk.ColumnarFile | None, list[Problem], list[str]]:
    """Read, parse and validate; (parsed file or None, problems, notes). Writes nothing.

    Score files are typed by column and checked in SQL (``bulk``); ``in_bulk=False`` takes the
    row-by-row path for them too (the reference the equivalence tests compare the bulk path with).
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    with _collector_paused():
        return _check(cur, data, file_name, kind, in_bulk, limits)


@contextmanager
def _collector_paused():
    """Python's cycle collector off while a file becomes rows: reading allocates a list per row and
    a string per cell, none of them in a cycle, and each collection pass walks them all again (with
    it on, reading and typing 100,000 rows took about three times as long). Reference counting still
    frees everything; the collector is back on, and runs, when the file has been read."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _check(cur: db.Connection, data: bytes, file_name: str, kind: str | None, in_bulk: bool,
           limits: _read.Limits) -> tuple[ParsedFile | bulk.ColumnarFile | None, list[Problem], list[str]]:
    by_column = (lambda header: bulk.handles(kind or detect_kind(header))) if in_bulk else None
    try:
        table = _read.read(data, file_name, _recogniser(kind), limits, by_column)
    except P.FileProblem as exc:
        return None, [exc.problem()], []
    found = kind or detect_kind(table.header)
    columnar = in_bulk and bulk.handles(found)
    parsed = bulk.parse(table, found) if columnar else parse_table(table, found)
    notes = []
    if table.source == "csv":
        notes.append(t("import.note.csv", encoding=table.encoding,
                       separator=_read.SEPARATOR_NAMES.get(table.separator, table.separator),
                       header_row=table.header_row))
    else:
        notes.append(t("import.note.xlsx", sheet=table.sheet, header_row=table.header_row))
    if parsed.ignored_columns:
        notes.append(t("import.note.ignored", columns=", ".join(parsed.ignored_columns)))
    if parsed.problems and not parsed.count:
        return parsed, parsed.problems, notes
    if isinstance(parsed, bulk.ColumnarFile):
        problems = parsed.problems + bulk.validate_scores(cur, parsed, load_known(cur, codes_only=True))
    else:
        problems = parsed.problems + validate(parsed, load_known(cur))
    problems.sort(key=lambda p: (p.row or 0, p.column))
    return parsed, problems, notes


def frames_of(cur: db.Connection, parsed: ParsedFile | bulk.ColumnarFile | stream.StagedFile, *, recorded_by: str
              ) -> dict[str, pd.DataFrame]:
    """The table rows a checked file writes (a score file checked in bulk: Arrow tables, same rows).

    Scores carry their assessment's report data; a file that leaves those
    cells empty keeps what is stored. Tool and recommendation files create
    the assessment they belong to when it does not exist yet (and only then).
    """
    if isinstance(parsed, bulk.ColumnarFile):
        return bulk.frames(cur, parsed)
    if isinstance(parsed, stream.StagedFile):
        return stream.frames(cur, parsed)
    frames = to_tables(parsed.kind, [values for _, values in parsed.rows], recorded_by=recorded_by)
    if parsed.kind not in ("puntajes", "herramientas", "recomendaciones", "informes", "hallazgos"):
        return frames
    return _with_framework_version(cur, _with_report_data(cur, parsed, frames))


def _with_framework_version(cur: db.Connection, frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """An assessment written now is scored under its framework's current version (a re-scoring
    after the framework changed version updates it; the trends mark the break)."""
    assessment = frames.get("assessment")
    if assessment is not None and not assessment.empty:
        versions = dict(sql.run(cur, "framework_versions").itertuples(index=False))
        frames["assessment"] = assessment.assign(framework_version=assessment["framework_code"].map(versions))
    return frames


def _with_report_data(cur: db.Connection, parsed: ParsedFile,
                      frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Report number and date: kept from what is stored when a scores file leaves them empty;
    tool and recommendation files create only the assessments that do not exist yet."""
    stored = {(r[0], r[1], r[2]): (r[3], r[4]) for r in
              sql.run(cur, "import_known_assessments").itertuples(index=False)}
    if parsed.kind == "puntajes":
        assessment = frames["assessment"]
        for i, row in assessment.iterrows():
            before = stored.get((row["entity_code"], row["period"], row["framework_code"]))
            if before:
                if pd.isna(row["report_number"]) and before[0] is not None:
                    assessment.at[i, "report_number"] = before[0]
                if pd.isna(row["issue_date"]) and not pd.isna(before[1]):
                    assessment.at[i, "issue_date"] = before[1]
        return frames
    missing = {}
    for _, values in parsed.rows:
        key = (values["entidad"], values["gestion"], values["marco"])
        if key not in stored and key not in missing:
            missing[key] = (values.get("informe"), values.get("fecha_emision"))
    if missing:
        frames["assessment"] = pd.DataFrame.from_records([
            {"entity_code": e, "period": p, "framework_code": f, "report_number": report, "issue_date": issued}
            for (e, p, f), (report, issued) in missing.items()])
    return frames


def new_periods(cur: db.Connection, frames: dict[str, pd.DataFrame]) -> list[str]:
    """The gestiones the frames bring that the store holds no assessment for (sorted)."""
    brought = set()
    for frame in frames.values():
        if isinstance(frame, staging.OnDisk):  # a streamed file's rows, on disk: one column read
            if "period" in frame.columns:
                column = pq.read_table(frame.path, columns=["period"])["period"]
                brought.update(str(p) for p in pc.unique(column.drop_null()).to_pylist())
        elif isinstance(frame, pa.Table):
            if "period" in frame.column_names:
                brought.update(str(p) for p in pc.unique(frame["period"].drop_null()).to_pylist())
        elif frame is not None and "period" in frame.columns:
            brought.update(str(p) for p in frame["period"].dropna().unique())
    known = set(sql.run(cur, "known_periods")["period"].astype(str))
    return sorted(brought - known)


def _refused(file_name: str, sha: str, kind: str | None, problems: list[Problem], rows: int = 0,
             notes: list[str] | None = None, plan: store.Plan | None = None) -> ImportResult:
    return ImportResult("refused", kind, file_name, sha, None, plan or store.Plan(), problems, rows, notes or [])


def import_file(con: db.Connection, data: bytes, file_name: str, *, user: str = "local", role: str = "admin",
                confirm_changes: bool = False, dry_run: bool = False, synthetic: bool = False,
                kind: str | None = None, confirm_new_periods: bool = True, in_bulk: bool = True,
                limits: _read.Limits = _read.UPLOAD,
                progress: Callable[[str], None] | None = None) -> ImportResult:
    """Check ``data`` and, when it is right, store it as one undoable batch.

    Never raises for anything wrong with the file: the result says what was
    done and, when nothing was, why (``problems``). The database is changed
    only by status "imported". A file bringing a gestión the store has never
    seen (``new_periods``) is imported only with ``confirm_new_periods``: the
    page asks for it with a checkbox and ``egov import`` with ``--yes``;
    programmatic callers (the sample loader, benchmarks) that pass nothing
    take it as given. ``in_bulk=False``: score files too go the row-by-row way (see ``check``).
    ``limits``: the browser upload caps unless the caller (``egov import``) says otherwise.
    ``progress``: called with each step's name as it starts (``STEPS``): ``egov import`` shows them on a
    terminal, since a national file takes a while.
    """
    step = progress or (lambda name: None)
    step("check")
    return _import(con, store.sha256_of(data), file_name,
                   lambda cur: check(cur, data, file_name, kind=kind, in_bulk=in_bulk, limits=limits),
                   user=user, role=role, confirm_changes=confirm_changes, dry_run=dry_run, synthetic=synthetic,
                   kind=kind, confirm_new_periods=confirm_new_periods, step=step)


def import_path(con: db.Connection, path: str | Path, *, kind: str | None = None,
                stream_above: int | None = None, chunk_rows: int | None = None,
                progress: Callable[[str], None] | None = None, **options) -> ImportResult:
    """``import_file`` of a file on disk with no size cap (``egov import``), in bounded memory.

    A CSV score file bigger than ``stream_above`` bytes is read, checked and written a chunk at a
    time (``stream``): the same problems and the same stored rows as ``import_file``, without
    holding the file. Any other file is read whole and goes through ``import_file``.
    """
    path = Path(path)
    options.setdefault("limits", _read.COMMAND_LINE)
    stream_above = stream.STREAM_ABOVE if stream_above is None else stream_above
    streams = (path.stat().st_size > stream_above and options.get("in_bulk", True)
               and options["limits"].max_bytes is None and options["limits"].max_rows is None)
    if not streams:
        return import_file(con, path.read_bytes(), path.name, kind=kind, progress=progress, **options)
    step = progress or (lambda name: None)
    step("check")
    with path.open("rb") as handle:
        sha = hashlib.file_digest(handle, "sha256").hexdigest()
    with db.cursor(con) as cur:
        previous = store.existing_batch(cur, sha)
        if previous is not None:
            return _already(cur, previous, path.name, sha)
    try:
        layout = stream.layout_of(path, kind)
    except P.FileProblem as exc:
        return _refused(path.name, sha, kind, [exc.problem()])
    if layout is None:  # a workbook, another kind, no header found: small, or refused as the page would
        return import_file(con, path.read_bytes(), path.name, kind=kind, progress=progress, **options)
    options.pop("limits")
    options.pop("in_bulk", None)
    with stream.work_folder() as folder:
        def run_check(cur):
            with _collector_paused():
                return stream.check(cur, path, layout, load_known(cur, codes_only=True), Path(folder),
                                    chunk_rows=chunk_rows or stream.CHUNK_ROWS)
        with db.memory_capped(con, stream.MEMORY_MB):
            return _import(con, sha, path.name, run_check, kind=kind, step=step, **options)


def _import(con: db.Connection, sha: str, file_name: str, run_check, *, user: str = "local", role: str = "admin",
            confirm_changes: bool = False, dry_run: bool = False, synthetic: bool = False, kind: str | None = None,
            confirm_new_periods: bool = True, step=lambda name: None) -> ImportResult:
    """A checked file to the store: ``run_check(cursor) -> (parsed, problems, notes)`` reads and checks it."""
    with db.cursor(con) as cur:
        previous = store.existing_batch(cur, sha)
        if previous is not None:
            return _already(cur, previous, file_name, sha)
        try:
            parsed, problems, notes = run_check(cur)
        except Exception as exc:  # a bug must not look like a bad file, nor crash the page
            log.exception("import check failed for %s", file_name)
            return _refused(file_name, sha, kind, [P.make("internal_error", value=type(exc).__name__)])
        rows = parsed.count if parsed else 0
        found_kind = parsed.kind if parsed else kind
        if problems:
            return _refused(file_name, sha, found_kind, problems, rows, notes)
        step("plan")
        frames = frames_of(cur, parsed, recorded_by=user)
        preview = store.plan(cur, frames, synthetic=synthetic)
        fresh = new_periods(cur, frames)
    if dry_run:
        return ImportResult("dry_run", found_kind, file_name, sha, None, preview, [], rows, notes, new_periods=fresh)
    if (preview.changed and not confirm_changes) or (fresh and not confirm_new_periods):
        return ImportResult("needs_confirmation", found_kind, file_name, sha, None, preview, [], rows, notes,
                            new_periods=fresh)
    info = store.BatchInfo(kind=found_kind, file_name=file_name, sha256=sha, user=user, role=role,
                           is_synthetic=synthetic)
    auth.require(role, auth.action_for_kind(found_kind))  # a refused user triggers no backup either
    if user != auth.SYSTEM_USER:  # the sample loader writes only bundled, reproducible data
        try:
            # Automatic consistent snapshot, outside the write transaction, on a cursor of its own:
            # the shared connection is not thread-safe and another session may be importing.
            step("backup")
            with db.cursor(con) as backup_cur:
                backup.before_import(backup_cur)
        except Exception as exc:
            log.exception("automatic backup before importing %s failed", file_name)
            problem = errors.storage_problem(exc, what="la copia de seguridad automática previa")
            if problem:  # the disk or the store, not the file: say what to do, no path, no raw text
                return _refused(file_name, sha, found_kind, [P.make("storage_unavailable", value=problem)], rows,
                                notes, preview)
            message = f"no se pudo hacer la copia de seguridad automática previa ({str(exc).splitlines()[0][:200]})"
            return _refused(file_name, sha, found_kind, [P.make("store_error", value=message)], rows, notes, preview)
    step("write")
    try:
        batch_id = store.write_batch(con, info, frames, allow_changes=confirm_changes)
    except store.AlreadyImported as exc:
        with db.cursor(con) as cur:
            return _already(cur, exc.batch_id, file_name, sha)
    except store.ChangesNotConfirmed as exc:
        return ImportResult("needs_confirmation", found_kind, file_name, sha, None, exc.plan, [], rows, notes)
    except store.StoreError as exc:
        return _refused(file_name, sha, found_kind, [P.make("store_error", value=str(exc))], rows, notes, preview)
    except auth.PermissionDenied:  # a PermissionError (an OSError): a refusal, not the disk
        raise
    except (duckdb.Error, OSError, errors.StorageUnavailable) as exc:
        log.exception("import write failed for %s", file_name)
        problem = errors.storage_problem(exc, what="guardar el archivo")
        if problem:
            return _refused(file_name, sha, found_kind, [P.make("storage_unavailable", value=problem)], rows, notes,
                            preview)
        message = str(exc).splitlines()[0][:300]
        return _refused(file_name, sha, found_kind, [P.make("write_error", value=message)], rows, notes, preview)
    with db.cursor(con) as cur:
        written = sql.run(cur, "import_batch", batch_id=batch_id)
    if written.empty:  # COMMIT returned but nothing is there: never claim success
        raise RuntimeError(f"batch {batch_id} not found after commit")
    record = written.iloc[0]
    plan = store.Plan({"_": store.TableDiff("_", int(record["rows_new"]), int(record["rows_changed"]),
                                           int(record["rows_unchanged"]))})
    plan.diffs = preview.diffs if preview.total == plan.total else plan.diffs
    return ImportResult("imported", found_kind, file_name, sha, batch_id, plan, [], rows, notes)


def _already(cur: db.Connection, batch_id: int, file_name: str, sha: str) -> ImportResult:
    found = sql.run(cur, "import_batch", batch_id=batch_id)
    if found.empty:
        return ImportResult("already_imported", None, file_name, sha, batch_id)
    record = found.iloc[0]
    return ImportResult("already_imported", record["kind"], file_name, sha, batch_id,
                        previous={k: record[k] for k in ("file_name", "created_at", "user_name")})


def chosen_batch_id(choice) -> int | None:
    """The batch id a choice names (an id, or a label that starts with one); None when it names none."""
    if isinstance(choice, bool):
        return None
    if isinstance(choice, int):
        return choice
    text = str(choice or "").strip()
    digits = text[:len(text) - len(text.lstrip("0123456789"))]
    return int(digits) if digits and len(digits) < 10 else None


def undo(con: db.Connection, batch_id: int, *, user: str = "local", role: str = "admin",
         bounded: bool = False) -> None:
    """Restore what was there before the batch (raises store.StoreError with a Spanish message).

    ``bounded``: DuckDB's memory held to the streamed import's cap while it runs, as ``egov undo`` wants
    for a national batch. The setting is the process's, so a page (whose server has other sessions'
    queries running) leaves it off."""
    with db.memory_capped(con, stream.MEMORY_MB) if bounded else nullcontext():
        store.undo_batch(con, batch_id, user=user, role=role)


def batches(con: db.Connection) -> pd.DataFrame:
    """Every import batch, newest first."""
    with db.cursor(con) as cur:
        return sql.run(cur, "import_batches")
