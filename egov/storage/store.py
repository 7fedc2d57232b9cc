"""Writing to the assessment store: one batch, one transaction, undoable.

A batch upserts rows into the data tables. For every row it inserts or
changes, ``batch_change`` keeps the row as it was before (NULL when it did
not exist), so ``undo_batch`` restores exactly what was there. Rows whose
content is already identical are counted as unchanged and not touched.

Identifiers in the SQL built here come only from ``TABLES`` below (the
schema), never from input; every value travels as a parameter or through a
registered DataFrame.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa

from egov import auth
from egov.storage import audit, db, sql, staging
from egov.storage.db import Connection, transaction, write_lock


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]
    # Bookkeeping columns: written, but a difference in them is not a change.
    meta: tuple[str, ...] = ("batch_id",)


# Parents before children: the order rows are written in, reversed for undo.
TABLES: dict[str, Table] = {t.name: t for t in [
    Table("entity", ("entity_code",)),
    Table("framework", ("framework_code",)),
    Table("area", ("framework_code", "area_code")),
    Table("criterion", ("framework_code", "criterion_code")),
    Table("criterion_level", ("framework_code", "criterion_code", "level")),
    Table("criterion_version", ("framework_code", "criterion_code", "version")),
    Table("band", ("framework_code", "band_code")),
    Table("tool", ("framework_code", "tool_code")),
    Table("ladder_step", ("framework_code", "step")),
    Table("ladder_requirement", ("framework_code", "step", "req_group", "tool_code")),
    Table("assessment", ("entity_code", "period", "framework_code")),
    Table("criterion_score", ("entity_code", "period", "framework_code", "criterion_code")),
    Table("criterion_declaration", ("entity_code", "period", "framework_code", "criterion_code")),
    Table("tool_adoption", ("entity_code", "period", "framework_code", "tool_code")),
    Table("interop_partner", ("entity_code", "period", "framework_code", "partner_name")),
    Table("supervision_report", ("entity_code", "report_number")),
    Table("report_result", ("entity_code", "report_number", "area_code")),
    Table("finding", ("entity_code", "period", "framework_code", "finding_no")),
    Table("recommendation", ("entity_code", "report_number", "rec_no")),
    Table("recommendation_finding", ("entity_code", "report_number", "rec_no", "finding_no")),
    Table("recommendation_acceptance", ("entity_code", "report_number", "rec_no")),
    Table("implementation_schedule", ("entity_code", "report_number", "rec_no", "revision")),
    Table("followup_report", ("entity_code", "followup_number")),
    Table("recommendation_status", ("entity_code", "report_number", "rec_no", "status_date"),
          meta=("batch_id", "recorded_by", "recorded_at")),
    Table("evidence", ("evidence_id",), meta=("batch_id", "recorded_by", "recorded_at")),
    Table("supervision_programme", ("entity_code", "period", "work_kind"),
          meta=("batch_id", "recorded_by", "recorded_at")),
]}

# Provenance: every record table has this column; the store fills it from the batch
# (a real batch rewriting a synthetic row makes it real: the difference counts as a change).
PROVENANCE = "is_synthetic"


class StoreError(Exception):
    """A change the store refuses; the message is for the user, in Spanish."""


class AlreadyImported(StoreError):
    def __init__(self, batch_id: int):
        super().__init__(f"Este archivo ya fue importado (lote {batch_id}); no se guardó nada de nuevo.")
        self.batch_id = batch_id


class UndoNotAllowed(StoreError, auth.PermissionDenied):
    """The user may not undo this batch (someone else's, or a kind their role may not write); nothing changed.

    Both a StoreError (pages that show undo refusals catch those) and a PermissionDenied.
    """


class ChangesNotConfirmed(StoreError):
    """The batch would change stored rows and the caller did not allow it; nothing was written."""

    def __init__(self, plan: "Plan"):
        rows = "1 fila existente" if plan.changed == 1 else f"{plan.changed} filas existentes"
        super().__init__(f"El archivo cambiaría {rows} y no se confirmó; "
                         "no se guardó nada.")
        self.plan = plan


@dataclass
class TableDiff:
    table: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass
class Plan:
    """What writing a set of table frames would do, computed without writing."""
    diffs: dict[str, TableDiff] = field(default_factory=dict)

    @property
    def new(self) -> int:
        return sum(d.new for d in self.diffs.values())

    @property
    def changed(self) -> int:
        return sum(d.changed for d in self.diffs.values())

    @property
    def unchanged(self) -> int:
        return sum(d.unchanged for d in self.diffs.values())

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


@dataclass(frozen=True)
class BatchInfo:
    kind: str
    file_name: str
    sha256: str
    user: str = "local"
    role: str = "admin"
    is_synthetic: bool = False


@dataclass(frozen=True)
class StoredFile:
    """An evidence file to keep once by its SHA-256 (``evidence_file``), written with a batch.

    Files are content-addressed and never change, so they keep no before-image:
    undo drops the files no reference uses any more.
    """
    sha256: str
    media_type: str
    content: bytes


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _columns(cur: Connection, table: str) -> list[tuple[str, str]]:
    # Only this database's catalog: while an automatic backup runs in another thread, its ATTACHed copy
    # has the same tables, and their columns would come twice.
    return [(r[0], r[1]) for r in cur.execute(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_name = ? AND table_schema = current_schema() AND table_catalog = current_database()"
        " ORDER BY ordinal_position", [table]).fetchall()]


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


# A table's rows to write: pandas, Arrow from the bulk importer, or a Parquet file of the streamed
# importer's (read by DuckDB itself, so a national file is never whole in memory).
Frame = pd.DataFrame | pa.Table | staging.OnDisk


def _empty(frame: Frame | None) -> bool:
    if frame is None:
        return True
    if isinstance(frame, staging.OnDisk):
        return frame.rows == 0
    return frame.num_rows == 0 if isinstance(frame, pa.Table) else frame.empty


def _names(frame: Frame) -> set[str]:
    if isinstance(frame, staging.OnDisk):
        return set(frame.columns)
    return set(frame.column_names if isinstance(frame, pa.Table) else frame.columns)


def _stage(cur: Connection, spec: Table, frame: Frame, synthetic: bool = False) -> list[tuple[str, str]]:
    """Copy ``frame`` into a temp table typed like ``spec`` (missing columns NULL, provenance from the batch)."""
    cols = [(c, t) for c, t in _columns(cur, spec.name) if c not in spec.meta or c == "recorded_by"]
    staging.register(cur, "_incoming_df", frame)
    present = _names(frame)

    def value(c: str, t: str) -> str:
        if c in present:
            return f"CAST({_q(c)} AS {t}) AS {_q(c)}"
        if c == PROVENANCE:
            return f"{'true' if synthetic else 'false'} AS {_q(c)}"
        return f"CAST(NULL AS {t}) AS {_q(c)}"

    select = ", ".join(value(c, t) for c, t in cols)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _incoming AS SELECT {select} FROM _incoming_df")
    cur.unregister("_incoming_df")
    return cols


def _classify_sql(spec: Table, cols: list[tuple[str, str]]) -> str:
    """SELECT over _incoming with is_new / is_changed against the stored table."""
    on = " AND ".join(f"o.{_q(k)} = i.{_q(k)}" for k in spec.key)
    compared = [c for c, _ in cols if c not in spec.key and c not in spec.meta]
    diff = " OR ".join(f"o.{_q(c)} IS DISTINCT FROM i.{_q(c)}" for c in compared) or "false"
    first_key = _q(spec.key[0])
    return (f"SELECT i.*, o.{first_key} IS NULL AS is_new,"
            f" (o.{first_key} IS NOT NULL AND ({diff})) AS is_changed"
            f" FROM _incoming i LEFT JOIN {_q(spec.name)} o ON {on}")


def plan(cur: Connection, frames: dict[str, Frame], *, synthetic: bool = False) -> Plan:
    """Count new, changed and unchanged rows per table without writing anything.

    ``synthetic``: the provenance the batch would give its rows.
    """
    result = Plan()
    for name in TABLES:
        frame = frames.get(name)
        if _empty(frame):
            continue
        spec = TABLES[name]
        cols = _stage(cur, spec, frame, synthetic)
        new, changed, total = cur.execute(
            f"SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE is_changed), count(*)"
            f" FROM ({_classify_sql(spec, cols)})").fetchall()[0]
        result.diffs[name] = TableDiff(name, new, changed, total - new - changed)
    cur.execute("DROP TABLE IF EXISTS _incoming")
    return result


def _classified(spec: Table) -> str:
    return _q(f"_classified_{spec.name}")


@dataclass(frozen=True)
class _Classified:
    cols: list[tuple[str, str]]
    diff: TableDiff
    new_keys_unique: bool  # no two new rows share a key: they can be inserted, not upserted


def _classify(cur: Connection, spec: Table, frame: Frame, synthetic: bool) -> _Classified:
    """Stage and classify one table's rows once, inside the write transaction: the counts the batch
    records, and a temp table of the new and changed rows that ``_write_table`` then writes."""
    cols = _stage(cur, spec, frame, synthetic)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE {_classified(spec)} AS {_classify_sql(spec, cols)}")
    keys = ", ".join(_q(k) for k in spec.key)
    new, changed, total, new_keys = cur.execute(
        f"SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE is_changed), count(*),"
        f" count(DISTINCT ({keys})) FILTER (WHERE is_new) FROM {_classified(spec)}").fetchall()[0]
    cur.execute("DROP TABLE IF EXISTS _incoming")
    return _Classified(cols, TableDiff(spec.name, new, changed, total - new - changed), new_keys == new)


def _write_table(cur: Connection, batch_id: int, spec: Table, classified_rows: _Classified, seq0: int) -> int:
    """Upsert one table's classified rows, recording before-images. Returns the next seq number."""
    classified = _classified(spec)
    cols, diff = classified_rows.cols, classified_rows.diff
    key_struct = ", ".join(f"{_q(k)} := c.{_q(k)}" for k in spec.key)
    new_struct = ", ".join(f"{_q(c)} := c.{_q(c)}" for c, _ in cols)
    on = " AND ".join(f"o.{_q(k)} = c.{_q(k)}" for k in spec.key)
    written = diff.new + diff.changed
    if written:
        cur.execute(
            f"INSERT INTO batch_change (batch_id, seq, table_name, row_key, before_row, after_row)"
            f" SELECT $batch, $seq0 + row_number() OVER (), $table,"
            f" to_json(struct_pack({key_struct})),"
            f" CASE WHEN c.is_new THEN NULL ELSE to_json(o) END,"
            f" to_json(struct_pack({new_struct}))"
            f" FROM {classified} c LEFT JOIN {_q(spec.name)} o ON {on}"
            f" WHERE c.is_new OR c.is_changed",
            {"batch": batch_id, "seq0": seq0, "table": spec.name})
        names = [c for c, _ in cols]
        # Bookkeeping times (recorded_at) are stamped here, not left to the column's DEFAULT:
        # an upsert into PostgreSQL through the attach sends the omitted columns as NULL.
        stamped = [c for c in spec.meta if c.endswith("_at") and c not in names]
        target = ", ".join(_q(c) for c in names + stamped) + ", batch_id"
        values = ", ".join([_q(c) for c in names] + ["CAST(current_timestamp AS TIMESTAMP)"] * len(stamped))
        # New rows with distinct keys are plain inserts (an upsert costs about twice as much); the
        # changed ones replace, and a frame that repeats a new key keeps the one upsert it always had.
        upserted = "is_changed" if classified_rows.new_keys_unique else "is_new OR is_changed"
        if diff.new and classified_rows.new_keys_unique:
            cur.execute(f"INSERT INTO {_q(spec.name)} ({target}) SELECT {values}, $batch FROM {classified}"
                        f" WHERE is_new", {"batch": batch_id})
        if diff.changed or not classified_rows.new_keys_unique:
            cur.execute(f"INSERT OR REPLACE INTO {_q(spec.name)} ({target}) SELECT {values}, $batch"
                        f" FROM {classified} WHERE {upserted}", {"batch": batch_id})
    cur.execute(f"DROP TABLE IF EXISTS {classified}")
    return seq0 + written


def _check_integrity(cur: Connection) -> None:
    orphans = sql.run(cur, "integrity_orphans")
    if not orphans.empty:
        first = orphans.iloc[0]
        raise StoreError(
            f"El cambio dejaría {'1 fila' if len(orphans) == 1 else f'{len(orphans)} filas'} sin su referencia "
            f"(por ejemplo {first['child_table']} → {first['missing_parent']}: {first['row_key']}); "
            "no se guardó nada.")


def existing_batch(cur: Connection, sha256: str) -> int | None:
    rows = cur.execute("SELECT batch_id FROM import_batch WHERE live_sha256 = ?",
                       [sha256]).fetchall()
    return rows[0][0] if rows else None


def write_batch(con: Connection, info: BatchInfo, frames: dict[str, Frame], *,
                allow_changes: bool = True, files: list[StoredFile] | None = None) -> int:
    """Write all frames as one batch in one transaction; return the new batch id.

    Raises AlreadyImported when a live batch has the same checksum, and
    StoreError (after rolling everything back) when the result would break a
    reference between tables. With ``allow_changes=False`` a batch that
    would change existing rows raises ChangesNotConfirmed: the preview the
    user confirmed may be stale by the time the write lock is held.
    ``files``: evidence files the batch's rows point at, stored in the same transaction.
    """
    action = auth.action_for_kind(info.kind)
    auth.require(info.role, action)  # before anything else: a refused user changes nothing
    try:
        return _write_batch(con, info, frames, action, allow_changes=allow_changes, files=files or [])
    except duckdb.Error as exc:
        # The database's uniqueness rule on the live checksum is the last word when two
        # processes bring the same file: the second one's transaction is refused whole.
        if "live_sha256" not in str(exc):
            raise
        with db.cursor(con) as cur:
            previous = existing_batch(cur, info.sha256)
        if previous is None:
            raise
        raise AlreadyImported(previous) from None


def _write_batch(con: Connection, info: BatchInfo, frames: dict[str, Frame], action: auth.Action, *,
                 allow_changes: bool, files: list[StoredFile]) -> int:
    with write_lock:
        with transaction(con) as cur:
            auth.check_account(cur, info.user, action)
            previous = existing_batch(cur, info.sha256)
            if previous is not None:
                raise AlreadyImported(previous)
            counts, staged = Plan(), {}
            for name, spec in TABLES.items():
                if not _empty(frames.get(name)):
                    staged[name] = _classify(cur, spec, frames[name], info.is_synthetic)
                    counts.diffs[name] = staged[name].diff
            if counts.changed and not allow_changes:
                raise ChangesNotConfirmed(counts)
            # No RETURNING: PostgreSQL through the attach cannot return it; writers are serialised.
            batch_id = db.next_batch_id(cur)
            cur.execute(
                "INSERT INTO import_batch (batch_id, kind, file_name, sha256, live_sha256, is_synthetic, rows_total,"
                " rows_new, rows_changed, rows_unchanged, user_name, user_role) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [batch_id, info.kind, info.file_name, info.sha256, info.sha256, info.is_synthetic, counts.total,
                 counts.new, counts.changed, counts.unchanged, info.user, info.role])
            for item in files:
                cur.execute(sql.query_text("evidence_file_store"),
                            {"sha256": item.sha256, "media_type": item.media_type, "size_bytes": len(item.content),
                             "content": item.content, "batch": batch_id})
            seq = 0
            for name, classified in staged.items():
                seq = _write_table(cur, batch_id, TABLES[name], classified, seq)
            _check_integrity(cur)
            audit.append(cur, user=info.user, role=info.role, action="import",
                         detail={"kind": info.kind, "file": info.file_name, "sha256": info.sha256,
                                 "new": counts.new, "changed": counts.changed,
                                 "unchanged": counts.unchanged, "synthetic": info.is_synthetic},
                         batch_id=batch_id,
                         changed={*staged, "import_batch", "batch_change", *(["evidence_file"] if files else [])})
    return batch_id


def _restore_sql(spec: Table, cols: list[tuple[str, str]]) -> str:
    shape = "{" + ", ".join(f'"{c}": "{t}"' for c, t in cols) + "}"
    # The JSON shape is built from the schema's own column types.
    return (f"INSERT OR REPLACE INTO {_q(spec.name)} SELECT unnest(json_transform(before_row, '{shape}'))"
            f" FROM batch_change WHERE batch_id = $batch AND table_name = $table AND before_row IS NOT NULL"
            f" AND seq BETWEEN $first AND $last")


UNDO_WINDOW = 250_000


def _seq_windows(cur: Connection, batch_id: int, table: str) -> list[tuple[int, int]]:
    """The batch's changes to ``table`` as ranges of ``UNDO_WINDOW`` sequence numbers: undone a range at a
    time, a national batch's key set and index work stay the size of one range (under ``egov undo``'s
    memory cap they would otherwise have to fit whole, and cannot spill)."""
    first, last = cur.execute("SELECT min(seq), max(seq) FROM batch_change WHERE batch_id = ? AND table_name = ?",
                              [batch_id, table]).fetchall()[0]
    return [(start, min(start + UNDO_WINDOW - 1, last)) for start in range(first, last + 1, UNDO_WINDOW)]


def undo_batch(con: Connection, batch_id: int, *, user: str = "local", role: str = "admin") -> None:
    """Restore every row the batch wrote to what it was before, in one transaction.

    Refused when a later live batch changed one of the same rows: undo that one first.
    An analyst may undo only the batches they wrote themselves, an admin any
    (``auth.require_undo``; refusals raise UndoNotAllowed).
    """
    auth.require(role, auth.Action.UNDO)  # before anything else: a refused user changes nothing
    with write_lock:
        with transaction(con) as cur:
            found = cur.execute("SELECT undone_at, file_name, user_name, kind FROM import_batch WHERE batch_id = ?",
                                [batch_id]).fetchall()
            if not found:
                raise StoreError(f"No existe el lote {batch_id}.")
            try:
                auth.check_undo(cur, user, role, found[0][2], found[0][3])
            except auth.PermissionDenied as exc:
                raise UndoNotAllowed(str(exc), role=exc.role, action=exc.action) from None
            if found[0][0] is not None:
                raise StoreError(f"El lote {batch_id} ya fue deshecho.")
            later = cur.execute(
                "SELECT DISTINCT l.batch_id FROM batch_change mine JOIN batch_change l"
                " ON l.table_name = mine.table_name AND l.row_key = mine.row_key"
                " JOIN import_batch b ON b.batch_id = l.batch_id"
                " WHERE mine.batch_id = ? AND l.batch_id > mine.batch_id AND b.undone_at IS NULL"
                " ORDER BY 1", [batch_id]).fetchall()
            if later:
                ids = ", ".join(str(r[0]) for r in later)
                raise StoreError(
                    f"No se puede deshacer el lote {batch_id}: "
                    + (f"el lote posterior {ids} modificó los mismos datos. Deshaga primero ese lote."
                       if len(later) == 1 else
                       f"los lotes posteriores {ids} modificaron los mismos datos. Deshaga primero esos lotes."))
            # One look at which tables the batch touched (a batch touches few of the many record tables).
            touched = {r[0] for r in cur.execute("SELECT DISTINCT table_name FROM batch_change WHERE batch_id = ?",
                                                 [batch_id]).fetchall()}
            for spec in reversed(list(TABLES.values())):
                if spec.name not in touched:
                    continue
                cols = _columns(cur, spec.name)
                key_shape = "{" + ", ".join(f'"{k}": "{t}"' for k, t in cols if k in spec.key) + "}"
                keys = ", ".join(_q(k) for k in spec.key)
                delete = (f"DELETE FROM {_q(spec.name)} WHERE ({keys}) IN ("
                          f" SELECT ({', '.join('k.' + _q(k) for k in spec.key)}) FROM ("
                          f"  SELECT unnest(json_transform(row_key, '{key_shape}')) FROM batch_change"
                          f"  WHERE batch_id = $batch AND table_name = $table AND seq BETWEEN $first AND $last) k)")
                for first, last in _seq_windows(cur, batch_id, spec.name):
                    window = {"batch": batch_id, "table": spec.name, "first": first, "last": last}
                    cur.execute(delete, window)
                    cur.execute(_restore_sql(spec, cols), window)
            if "evidence" in touched:
                cur.execute(sql.query_text("evidence_file_release"))
            _check_integrity(cur)
            cur.execute("UPDATE import_batch SET undone_at = current_timestamp, undone_by = ?, live_sha256 = NULL"
                        " WHERE batch_id = ?",
                        [user, batch_id])
            audit.append(cur, user=user, role=role, action="undo",
                         detail={"batch_id": batch_id, "file": found[0][1]}, batch_id=batch_id,
                         changed={*touched, "import_batch", *(["evidence_file"] if "evidence" in touched else [])})
