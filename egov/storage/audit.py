"""The audit trail: append-only, keyed, hash-chained, and tied to the data it describes.

Each entry's hash is an HMAC-SHA256, under a key kept **outside** the store,
of the previous entry's hash and the entry itself: editing, deleting or
reordering a row breaks the chain from there on, and whoever can write the
database file but lacks the key cannot recompute it. Each entry also records
a digest of every data table as the change left them (``data_digest``), so
``verify`` notices data changed without an entry (a score edited, an
account raised to administrator directly in the file): the newest entry's
digests must match the tables as they are.

The biggest tables (``PARTS``) are digested a part at a time (by entity, by batch), and an entry
recomputes only the parts its batch wrote, taking the rest from ``audit_part`` once those reproduce
what the entry before recorded; ``verify`` recomputes every part from the data.

What the chain alone cannot notice is a cut tail (the last entries deleted
together with the changes they describe): the chain's *head* (entry count and
last hash) is written with every backup (``head``, the backup's manifest) and
printable for the record (``egov audit head``); ``verify(head=...)`` then
refuses a log that does not reach it.

The key: ``$EGOV_AUDIT_KEY`` (the key itself, at least 16 characters; the
app also takes ``audit_key`` from ``.streamlit/secrets.toml``), else the
file ``$EGOV_AUDIT_KEY_FILE``, else ``~/.config/egov/audit.key``, created at
first use with 32 random bytes and permissions 0600. Keep it apart from the
backups: a copy of the store carries no key.

Stores written before migration 004 keep their entries as they were: those
(``audit_legacy.upto_seq`` of them, counted by the migration) are verified
with the old unkeyed SHA-256 rule, every later entry with the keyed one, and
no later entry may claim the old rule. ``verify`` says how many were checked
each way.

Entries are written with the cursor of the change they describe, inside its transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from egov.storage import sql
from egov.storage.db import Connection

GENESIS = "0" * 64
ENV_KEY = "EGOV_AUDIT_KEY"
ENV_KEY_FILE = "EGOV_AUDIT_KEY_FILE"
LEGACY_RULE = "sha256"
KEYED_RULE = "hmac-sha256"
MIN_KEY_LENGTH = 16

# Tables that are not data: the log itself, the schema's bookkeeping, and the sign-in
# counters (they change on every failed try, not by anyone's decision).
NOT_DATA = {"audit_log", "audit_legacy", "audit_part", "schema_migration", "sign_in_throttle"}

# Columns left out of a table's digest: an evidence file's bytes are named by its SHA-256 (which the
# digest covers), so each entry does not rehash every stored file; ``verify`` checks the bytes themselves.
DIGEST_LEAVES_OUT = {"evidence_file": "content"}

# What a table holds, for the Spanish line naming what changed.
TABLE_NAMES_ES = {
    "entity": "entidades", "framework": "marcos", "area": "áreas", "criterion": "criterios",
    "criterion_level": "niveles de criterio", "criterion_version": "criterios por versión", "band": "bandas de madurez", "tool": "herramientas",
    "ladder_step": "escalones de adopción", "ladder_requirement": "requisitos de escalón",
    "assessment": "evaluaciones", "criterion_score": "puntajes por criterio",
    "criterion_declaration": "puntajes declarados",
    "tool_adoption": "adopción de herramientas", "interop_partner": "socios de interoperabilidad",
    "finding": "hallazgos", "recommendation": "recomendaciones",
    "recommendation_status": "estados de seguimiento", "import_batch": "lotes importados",
    "batch_change": "imágenes previas de los lotes", "app_user": "cuentas de usuario",
    "evidence": "referencias de evidencia", "evidence_file": "archivos de evidencia",
    "supervision_programme": "programa de supervisión",
}


def _erased(n: int) -> str:
    return "se borró la última entrada" if n == 1 else f"se borraron las últimas {n} entradas"


class AuditKeyError(Exception):
    """The audit key cannot be read or created; the message is for the user, in Spanish."""


# --- the key ------------------------------------------------------------------------------------

def default_key_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "egov" / "audit.key"


def key_file() -> Path:
    return Path(os.environ.get(ENV_KEY_FILE) or default_key_file())


@lru_cache(maxsize=8)
def _file_key(path: str) -> bytes:
    target = Path(path)
    try:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32) + "\n")
        text = target.read_text(encoding="ascii").strip()
    except FileExistsError:  # another process created it at the same moment
        text = target.read_text(encoding="ascii").strip()
    except OSError as exc:
        raise AuditKeyError(
            f"no se pudo leer ni crear la clave del registro de auditoría ({exc.strerror or exc}); "
            f"defina {ENV_KEY} o {ENV_KEY_FILE}") from None
    if len(text) < MIN_KEY_LENGTH:
        raise AuditKeyError(f"la clave del registro de auditoría es demasiado corta (mínimo {MIN_KEY_LENGTH} "
                            f"caracteres); revise {ENV_KEY_FILE} o el archivo de clave")
    return text.encode("utf-8")


def key() -> bytes:
    """The audit key: $EGOV_AUDIT_KEY, else the key file (created at first use, mode 0600)."""
    env = os.environ.get(ENV_KEY)
    if env:
        if len(env.strip()) < MIN_KEY_LENGTH:
            raise AuditKeyError(f"{ENV_KEY} es demasiado corta (mínimo {MIN_KEY_LENGTH} caracteres)")
        return env.strip().encode("utf-8")
    return _file_key(str(key_file()))


def key_id(secret: bytes | None = None) -> str:
    """A short public name of the key (so a log signed with another key says so)."""
    return hmac.new(secret or key(), b"egov-audit-key-id", hashlib.sha256).hexdigest()[:12]


# --- hashing -------------------------------------------------------------------------------------

def _canonical(seq: int, logged_at: str, user: str, role: str, action: str,
               detail: str, batch_id: int | None) -> str:
    return json.dumps([seq, logged_at, user, role, action, detail, batch_id],
                      ensure_ascii=False, separators=(",", ":"))


def _hash(prev_hash: str, canonical: str) -> str:
    """The unkeyed rule of entries written before migration 004."""
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _keyed_canonical(seq: int, logged_at: str, user: str, role: str, action: str, detail: str,
                     batch_id: int | None, rule: str, data_digest: str | None) -> str:
    return json.dumps([seq, logged_at, user, role, action, detail, batch_id, rule, data_digest],
                      ensure_ascii=False, separators=(",", ":"))


def _keyed_hash(secret: bytes, prev_hash: str, canonical: str) -> str:
    return hmac.new(secret, (prev_hash + canonical).encode("utf-8"), hashlib.sha256).hexdigest()


# --- data digests --------------------------------------------------------------------------------

DIGEST_BATCH_ROWS = 100_000


def data_tables(cur: Connection) -> list[str]:
    """Every table of the store that holds data (new tables of later migrations included)."""
    rows = cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_catalog = current_database() AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()
    return [r[0] for r in rows if r[0] not in NOT_DATA]


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def table_digest(cur: Connection, table: str) -> str:
    """``rows:md5`` of a table's content, independent of row order.

    The table name comes from the catalog (``data_tables``), never from input.
    """
    source = _q(table)
    if table in DIGEST_LEAVES_OUT:
        source = f"(SELECT * EXCLUDE ({_q(DIGEST_LEAVES_OUT[table])}) FROM {source})"
    # md5 of the rows' md5s in order, concatenated: what md5(string_agg(h, '' ORDER BY h)) gives, but
    # fed a batch at a time. An ordered aggregate holds every row's hash in memory at once (on a national
    # store, more than DuckDB's memory limit); a sort spills to disk, and the batches stay small.
    hashes = cur.execute(f"SELECT md5(CAST(t AS VARCHAR)) AS h FROM {source} t ORDER BY h"
                         ).fetch_record_batch(DIGEST_BATCH_ROWS)
    rows, digest = 0, hashlib.md5()
    for batch in hashes:
        rows += batch.num_rows
        digest.update(_concatenated(batch.column(0)))
    return f"{rows}:{digest.hexdigest()}"


def _concatenated(hexes) -> bytes | memoryview:
    """An Arrow column of md5 hex strings as the bytes of their concatenation.

    A string column's values already lie end to end in its data buffer: hashing that slice is five
    times faster than a Python string per row (1.4 s of the 9.5 s a 6.4-million-row table takes)."""
    if not len(hexes):
        return b""
    if hexes.null_count or not (pa.types.is_string(hexes.type) or pa.types.is_large_string(hexes.type)):
        return "".join(hexes.to_pylist()).encode("ascii")
    width = 8 if pa.types.is_large_string(hexes.type) else 4
    _, offsets, values = hexes.buffers()
    start, end = hexes.offset * width, (hexes.offset + len(hexes)) * width  # the first and the last offset
    first = int.from_bytes(memoryview(offsets)[start:start + width], "little")
    last = int.from_bytes(memoryview(offsets)[end:end + width], "little")
    return memoryview(values)[first:last]


# Tables digested a part at a time: a score import into a national store digested every entity's
# rows where it wrote one entity's. A part is an entity's rows, or a block of a batch's changes (a
# national batch holds millions). The digest is then ``p:rows:md5`` of the sorted [part, rows, md5]
# of every part, each part's md5 being the plain rule's over its rows; the entry that first digests a
# table so fills ``audit_part``.
PARTS = {"criterion_score": "entity_code", "assessment": "entity_code",
         "batch_change": "CAST(batch_id AS VARCHAR) || '/' || CAST(seq // 250000 AS VARCHAR)"}
PART_RULE = "p"
# Rows sorted at a time while parts are digested: the sort of a whole national table did not fit in
# the memory cap of the import that wrote it, beside the indexes of the rows it wrote.
PART_CHUNK_ROWS = 500_000


def rows_in(digest: str) -> int:
    """The row count a digest of either rule records."""
    return int(digest.split(":")[-2])


def _part_digests(cur: Connection, table: str, parts: list[str] | None = None) -> dict[str, tuple[int, str]]:
    """part -> (rows, md5 of its rows' sorted md5s), of every part or of ``parts`` only, computed a
    few parts at a time (at most PART_CHUNK_ROWS rows sorted at once, unless one part is bigger)."""
    if parts is not None and not parts:
        return {}
    part = PARTS[table]
    where = f" WHERE {part} IN (SELECT unnest($parts))" if parts is not None else ""
    sizes = cur.execute(f"SELECT {part} AS part, count(*) FROM {_q(table)}{where} GROUP BY ALL ORDER BY ALL",
                        {"parts": parts} if parts is not None else None).fetchall()
    found: dict[str, tuple[int, str]] = {}
    chunk, held = [], 0
    for name, rows in [*sizes, (None, None)]:
        if chunk and (name is None or held + rows > PART_CHUNK_ROWS):
            found.update(_chunk_digests(cur, table, chunk))
            chunk, held = [], 0
        if name is not None:
            chunk.append(name)
            held += rows
    return found


def _chunk_digests(cur: Connection, table: str, parts: list[str]) -> dict[str, tuple[int, str]]:
    part = PARTS[table]
    reader = cur.execute(
        f"SELECT {part} AS part, md5(CAST(t AS VARCHAR)) AS h FROM {_q(table)} t"
        f" WHERE {part} IN (SELECT unnest($parts)) ORDER BY part, h", {"parts": parts}
    ).fetch_record_batch(DIGEST_BATCH_ROWS)
    found: dict[str, tuple[int, str]] = {}
    current, digest, rows = None, None, 0
    for batch in reader:
        names, hashes = batch.column(0), batch.column(1)
        if not len(names):
            continue
        edges = np.flatnonzero(pc.not_equal(names.slice(1), names.slice(0, len(names) - 1))
                               .to_numpy(zero_copy_only=False)) + 1
        for start, end in zip([0, *edges], [*edges, len(names)]):
            name = names[int(start)].as_py()
            if name != current:
                if current is not None:
                    found[current] = (rows, digest.hexdigest())
                current, digest, rows = name, hashlib.md5(), 0
            digest.update(_concatenated(hashes.slice(int(start), int(end - start))))
            rows += int(end - start)
    if current is not None:
        found[current] = (rows, digest.hexdigest())
    return found


def _combined(parts: dict[str, tuple[int, str]]) -> str:
    listed = json.dumps(sorted([part, rows, md5] for part, (rows, md5) in parts.items()), separators=(",", ":"))
    return f"{PART_RULE}:{sum(rows for rows, _ in parts.values())}:{hashlib.md5(listed.encode()).hexdigest()}"


def _stored_parts(cur: Connection, table: str) -> dict[str, tuple[int, str]]:
    rows = cur.execute("SELECT part, row_count, digest FROM audit_part WHERE table_name = ?", [table]).fetchall()
    return {part: (int(count), digest) for part, count, digest in rows}


def _changed_parts(cur: Connection, table: str, batch_id: int) -> list[str]:
    """The parts of ``table`` that batch ``batch_id`` wrote or undid: its changes' keys say which."""
    if table == "batch_change":  # a batch writes its own changes, and only those
        rows = cur.execute(f"SELECT DISTINCT {PARTS[table]} FROM batch_change WHERE batch_id = ?", [batch_id])
    else:  # the part is a column of the table's key: each change's key names its part
        rows = cur.execute(f"SELECT DISTINCT json_extract_string(row_key, '$.{PARTS[table]}') FROM batch_change"
                           " WHERE batch_id = ? AND table_name = ?", [batch_id, table])
    return sorted(r[0] for r in rows.fetchall())


def _store_parts(cur: Connection, table: str, parts: dict[str, tuple[int, str]], replaced: list[str] | None) -> None:
    """``parts`` into audit_part, in place of ``replaced`` (None: of all the table's parts)."""
    if replaced is None:
        cur.execute("DELETE FROM audit_part WHERE table_name = ?", [table])
    elif replaced:
        cur.execute("DELETE FROM audit_part WHERE table_name = ? AND part IN (SELECT unnest(?))", [table, replaced])
    if parts:
        names = sorted(parts)
        cur.execute("INSERT INTO audit_part (table_name, part, row_count, digest)"
                    " SELECT ?, unnest(?), unnest(?), unnest(?)",
                    [table, names, [parts[n][0] for n in names], [parts[n][1] for n in names]])


def _parted_digest(cur: Connection, table: str, recorded: str | None, batch_id: int | None) -> str:
    """The table's digest by parts, recomputing only the parts the batch wrote when the stored parts
    reproduce what the entry before recorded (else every part: a first entry, a store copied without
    them, parts edited by hand).

    A batch that wrote most of the table (a national file) digests it whole by the plain rule, as
    before parts existed: inside that import's transaction, under its memory cap beside the indexes
    of millions of new rows, even a few parts' sort did not fit where the one sort of hashes does.
    Its parts are dropped, and the next entry that writes the table digests every part again."""
    changed = _changed_parts(cur, table, batch_id) if batch_id is not None else None
    if changed is not None and 2 * _rows_of(cur, table, changed) > _rows_of(cur, table):
        _store_parts(cur, table, {}, None)
        return table_digest(cur, table)
    stored = _stored_parts(cur, table) if changed is not None and recorded else {}
    if stored and _combined(stored) == recorded:
        fresh = _part_digests(cur, table, changed)
        _store_parts(cur, table, fresh, changed)
        digest = _combined({**{p: v for p, v in stored.items() if p not in changed}, **fresh})
        if os.environ.get(ENV_CHECK_CARRIED) == "1" and digest != _combined(_part_digests(cur, table)):
            raise AssertionError(f"the digest of {table} by its changed parts is not the digest of all its parts")
        return digest
    every = _part_digests(cur, table)
    _store_parts(cur, table, every, None)
    return _combined(every)


def _rows_of(cur: Connection, table: str, parts: list[str] | None = None) -> int:
    if parts is None:
        return cur.execute(f"SELECT count(*) FROM {_q(table)}").fetchall()[0][0]
    if not parts:
        return 0
    return cur.execute(f"SELECT count(*) FROM {_q(table)} WHERE {PARTS[table]} IN (SELECT unnest($parts))",
                       {"parts": parts}).fetchall()[0][0]


def _digest_like(cur: Connection, table: str, recorded: str | None) -> str:
    """The table's digest now, by the rule ``recorded`` was computed with (verify compares the two)."""
    if table in PARTS and (recorded or "").startswith(PART_RULE + ":"):
        return _combined(_part_digests(cur, table))
    return table_digest(cur, table)


def data_digest(cur: Connection) -> dict[str, str]:
    """Every data table's digest, computed whole by the plain rule."""
    return {table: table_digest(cur, table) for table in data_tables(cur)}


def _entry_digest(cur: Connection, changed: set[str] | None, batch_id: int | None) -> dict[str, str]:
    """The digests an entry records. ``changed``: the only tables the entry's change may have written;
    the others keep the digest the newest entry recorded (a national store's two biggest tables take
    13 s to digest, for an account change that wrote one row elsewhere). Tables in PARTS are digested
    by parts, and of those a batch's entry recomputes only the parts the batch wrote."""
    tables = data_tables(cur)
    recorded = _recorded_digest(cur)
    carried = {t: recorded[t] for t in tables if changed is not None and t not in changed and t in recorded}
    if carried and os.environ.get(ENV_CHECK_CARRIED) == "1":
        _check_carried(cur, carried)
    parted = PARTS.keys() if _has_table(cur, "audit_part") else ()  # a store upgrading past 004, not yet to 012
    return {t: carried[t] if t in carried
            else _parted_digest(cur, t, recorded.get(t), batch_id if changed is not None else None) if t in parted
            else table_digest(cur, t) for t in tables}


# Set by the test suite: every digest taken from the entry before, or from the stored parts, is
# recomputed and must be the same (a change writing a table it did not name would otherwise be
# reported later by ``verify`` as data changed behind its back).
ENV_CHECK_CARRIED = "EGOV_AUDIT_CHECK_CARRIED"


def _recorded_digest(cur: Connection) -> dict[str, str]:
    """The digests of the newest entry that recorded them ({} when none did)."""
    rows = cur.execute("SELECT CAST(data_digest AS VARCHAR) FROM audit_log WHERE data_digest IS NOT NULL"
                       " ORDER BY seq DESC LIMIT 1").fetchall()
    return json.loads(rows[0][0]) if rows else {}


def _check_carried(cur: Connection, digest: dict[str, str]) -> None:
    wrong = sorted(t for t, d in digest.items() if _digest_like(cur, t, d) != d)
    if wrong:
        raise AssertionError(f"a carried audit digest no longer matches its table: {wrong}")


def _digest_text(digest: dict[str, str]) -> str:
    return json.dumps(digest, sort_keys=True, separators=(",", ":"))


def _has_table(cur: Connection, name: str) -> bool:
    return cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"
                       " AND table_schema = current_schema() AND table_name = ?", [name]).fetchall()[0][0] > 0


def _keyed_store(cur: Connection) -> bool:
    """True once migration 004 made the log keyed (a copy made before it is verified with the old rule only)."""
    return _has_table(cur, "audit_legacy")


def legacy_upto(cur: Connection) -> int:
    rows = cur.execute("SELECT max(upto_seq) FROM audit_legacy").fetchall()
    return int(rows[0][0] or 0)


# --- writing -------------------------------------------------------------------------------------

def append(cur: Connection, *, user: str, role: str, action: str,
           detail: dict[str, Any], batch_id: int | None = None, changed: set[str] | None = None) -> int:
    """Write one entry with ``cur`` (the caller's transaction, after its change). Returns its sequence number.

    ``changed``: the tables the change wrote, when the caller knows them (``data_digest``); None
    digests every table."""
    secret = key()
    last = cur.execute(
        "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchall()
    seq, prev = (last[0][0] + 1, last[0][1]) if last else (1, GENESIS)
    logged_at = datetime.now().replace(microsecond=0)
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    digest_text = _digest_text(_entry_digest(cur, changed, batch_id))
    rule = f"{KEYED_RULE}:{key_id(secret)}"
    entry_hash = _keyed_hash(secret, prev, _keyed_canonical(seq, logged_at.isoformat(), user, role, action,
                                                            detail_text, batch_id, rule, digest_text))
    cur.execute(
        "INSERT INTO audit_log (seq, logged_at, user_name, user_role, action, detail, batch_id,"
        " prev_hash, entry_hash, hash_rule, data_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, logged_at, user, role, action, detail_text, batch_id, prev, entry_hash, rule, digest_text])
    return seq


# --- the head and verifying ----------------------------------------------------------------------

@dataclass(frozen=True)
class Head:
    """Where the chain ends: how many entries, and the last one's hash."""
    count: int
    hash: str

    def __str__(self) -> str:
        return f"{self.count}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> "Head":
        """``COUNT:HASH`` as ``egov audit head`` prints it; ValueError (Spanish) otherwise."""
        count, _, digest = (text or "").strip().partition(":")
        if not count.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"cabeza del registro no válida {text!r}: se espera NÚMERO:HASH "
                             "(64 cifras hexadecimales), como la imprime `egov audit head`")
        return cls(int(count), digest)


def head(cur: Connection) -> Head:
    rows = cur.execute("SELECT count(*), max(seq) FROM audit_log").fetchall()
    count = rows[0][0]
    if not count:
        return Head(0, GENESIS)
    last = cur.execute("SELECT entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchall()
    return Head(count, last[0][0])


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    reason: str = ""
    legacy_entries: int = 0  # checked with the old unkeyed rule (written before migration 004)
    keyed_entries: int = 0
    changed_tables: tuple[str, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str:
        """One Spanish line for the user."""
        if self.ok:
            legacy = (f" ({self.legacy_entries} anteriores a la migración 004 con la regla antigua sin clave, "
                      f"{self.keyed_entries} con clave)") if self.legacy_entries else ""
            entries = "1 entrada verificada" if self.entries == 1 else f"{self.entries} entradas verificadas"
            return f"Registro íntegro: {entries}{legacy}."
        where = f"entrada {self.first_bad_seq}: " if self.first_bad_seq else ""
        return f"registro de auditoría alterado: {where}{self.reason} ({self.entries} entradas)"


def _table_label(table: str) -> str:
    return f"{table} ({TABLE_NAMES_ES[table]})" if table in TABLE_NAMES_ES else table


def verify(cur: Connection, *, head: Head | None = None) -> ChainCheck:
    """Recompute the chain and compare the data with the newest entry; report the first thing that changed.

    With ``head`` (from a backup's manifest or ``egov audit head``), a log
    that stops before it, or whose entry at that place differs, fails too.
    """
    keyed_store = _keyed_store(cur)
    newer = ("hash_rule, CAST(data_digest AS VARCHAR)" if keyed_store
             else f"'{LEGACY_RULE}', CAST(NULL AS VARCHAR)")
    rows = cur.execute(
        "SELECT seq, logged_at, user_name, user_role, action, CAST(detail AS VARCHAR), batch_id,"
        f" prev_hash, entry_hash, {newer} FROM audit_log ORDER BY seq").fetchall()
    total = len(rows)
    legacy_count = legacy_upto(cur) if keyed_store else total
    secret: bytes | None = None
    prev = GENESIS
    legacy = keyed = 0

    def bad(seq, reason, **more) -> ChainCheck:
        return ChainCheck(False, total, seq, reason, legacy, keyed, **more)

    for index, (seq, logged_at, user, role, action, detail, batch_id, prev_hash, entry_hash, rule,
                digest) in enumerate(rows, 1):
        if seq != index:
            return bad(seq, f"falta la entrada {index} o se cambió el orden")
        if prev_hash != prev:
            return bad(seq, "el enlace con la entrada anterior no coincide")
        if seq <= legacy_count:
            if rule != LEGACY_RULE:
                return bad(seq, "una entrada anterior a la migración 004 dice usar otra regla")
            expected = _hash(prev, _canonical(seq, logged_at.isoformat(), user, role, action, detail, batch_id))
            legacy += 1
        else:
            if not (rule or "").startswith(KEYED_RULE + ":"):
                return bad(seq, "la entrada no está firmada con la clave del registro (regla "
                                f"{rule!r} en una entrada posterior a la migración 004)")
            secret = secret or key()
            if rule != f"{KEYED_RULE}:{key_id(secret)}":
                return bad(seq, f"la entrada se firmó con otra clave ({rule.split(':', 1)[1]}; la clave actual es "
                                f"{key_id(secret)}): configure la clave original ({ENV_KEY} o {ENV_KEY_FILE})")
            expected = _keyed_hash(secret, prev, _keyed_canonical(seq, logged_at.isoformat(), user, role, action,
                                                                  detail, batch_id, rule, digest))
            keyed += 1
        if not hmac.compare_digest(expected, entry_hash):
            return bad(seq, f"el contenido de la entrada ({action}, {user}) fue modificado")
        prev = entry_hash
    if total < legacy_count:
        return bad(None, f"faltan entradas anteriores a la migración 004: había {legacy_count} y quedan {total}")
    if head is not None:
        if total < head.count:
            return bad(None, f"el registro termina en la entrada {total} pero la cabeza conocida es la entrada "
                             f"{head.count}: " + _erased(head.count - total))
        if head.count and rows[head.count - 1][8] != head.hash:
            return bad(head.count, "la entrada no es la registrada en la cabeza conocida")
    # The data as they are must be what the newest entry with digests recorded (each by its rule).
    recorded_rows = [r for r in rows if r[10]]
    recorded = json.loads(recorded_rows[-1][10]) if recorded_rows else {}
    current = {t: _digest_like(cur, t, recorded.get(t)) for t in data_tables(cur)}
    if "evidence_file" in current:  # and each evidence file's bytes still the ones its SHA-256 names
        corrupt = sql.run(cur, "evidence_file_corrupt")
        if not corrupt.empty:
            return bad(None, "el contenido de un archivo de evidencia no coincide con su SHA-256: "
                             + ", ".join(corrupt["sha256"].str[:12]), changed_tables=("evidence_file",))
    if recorded_rows:
        last_seq = recorded_rows[-1][0]
        changed = tuple(t for t in sorted(set(current) | set(recorded)) if current.get(t) != recorded.get(t)
                        and t in recorded)
        if changed:
            names = ", ".join(_table_label(t) for t in changed)
            return bad(None, f"los datos cambiaron sin una entrada del registro en: {names} "
                             f"(no coinciden con lo registrado en la entrada {last_seq})",
                       changed_tables=changed)
    elif total == 0:
        filled = [t for t, d in current.items() if rows_in(d)]
        if filled:
            return bad(None, "el registro está vacío pero la base tiene datos en: "
                             + ", ".join(_table_label(t) for t in filled))
    return ChainCheck(True, total, legacy_entries=legacy, keyed_entries=keyed)


def entries(cur: Connection, *, actions: list[str] | None = None, user: str | None = None,
            since=None, until=None, limit: int | None = None):
    """The log, newest first, as a table (read-only: nothing here writes to it)."""
    return sql.run(cur, "audit_log", actions=list(actions) if actions else None, user=user or None,
                   since=since, until=until, limit=limit)


def facets(cur: Connection) -> dict[str, list[str]]:
    """The actions and user names that occur in the log: {"action": [...], "user": [...]}."""
    frame = sql.run(cur, "audit_summary")
    return {facet: frame.loc[frame["facet"] == facet, "value"].tolist() for facet in ("action", "user")}
