"""Evidence: the documents behind a score, a finding or a follow-up rating, and their files.

A reference names a document as the report cites it (name, number, date —
«RM N° 123/2023 que aprueba el MPP»), the section of the report and the
working paper; it may carry a file. Files are stored once, by their SHA-256,
inside the store (``evidence_file``), so backups and the PostgreSQL store
carry them, and come back byte-identical.

A file is accepted only when its **content** is what its name says: the media
type is read from its first bytes by the ``filetype`` library (magic numbers,
including the office formats inside a ZIP), never from the extension, and
must be the one the extension promises. Only documents and images are
accepted (PDF, PNG, JPEG, OOXML and OpenDocument files); nothing that a
browser would render as a page or run. Files over ``MAX_FILE_BYTES`` are
refused unread. A refused file stores nothing.

Each reference is its own audited, undoable ``registro`` batch (through
``egov.storage.store.write_batch``, like a follow-up status recorded by hand);
undoing it removes the file too unless another reference still uses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

import filetype
import pandas as pd

from egov import auth
from egov.i18n import t
from egov.storage import sql, store
from egov.storage.db import Connection

# 20 MB: a scanned resolution or a working paper fits; a video does not. Checked before reading the content.
MAX_FILE_BYTES = 20 * 1024 * 1024

# What each accepted extension promises, as the content must show it.
MEDIA_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
# Served to a browser only as a download of one of these types; anything else as plain bytes.
SAFE_DOWNLOAD_TYPES = frozenset(MEDIA_TYPES.values())
OCTET_STREAM = "application/octet-stream"

TARGETS = ("puntaje", "hallazgo", "seguimiento")


class EvidenceError(store.StoreError):
    """A reference or file the store refuses; ``text(lang)`` says what is wrong and how to fix it."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(self.text("es"))

    def text(self, lang: str = "es") -> str:
        return t(f"evidence.error.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Target:
    """What a reference backs: a score, a finding or a follow-up rating (the key of that row)."""
    kind: str
    entity_code: str
    period: str | None = None
    framework_code: str | None = None
    criterion_code: str | None = None
    finding_no: int | None = None
    report_number: str | None = None
    rec_no: int | None = None
    status_date: date | None = None

    def columns(self) -> dict[str, Any]:
        return {"target": self.kind, "entity_code": self.entity_code, "period": self.period,
                "framework_code": self.framework_code, "criterion_code": self.criterion_code,
                "finding_no": self.finding_no, "report_number": self.report_number, "rec_no": self.rec_no,
                "status_date": self.status_date}

    def label(self) -> str:
        if self.kind == "puntaje":
            return f"{self.entity_code} {self.period} {self.criterion_code}"
        if self.kind == "hallazgo":
            return f"{self.entity_code} {self.period} hallazgo {self.finding_no}"
        when = self.status_date.strftime("%d/%m/%Y") if isinstance(self.status_date, date) else self.status_date
        return f"{self.entity_code} {self.report_number} n.º {self.rec_no} ({when})"


@dataclass(frozen=True)
class Document:
    """The reference as the report cites it."""
    name: str
    number: str | None = None
    issued: date | None = None
    section: str | None = None
    working_paper: str | None = None


@dataclass(frozen=True)
class CheckedFile:
    name: str
    sha256: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class Added:
    batch_id: int
    evidence_id: str
    file_sha256: str | None


def check_file(name: str, content: bytes, *, size: int | None = None) -> CheckedFile:
    """The file as it will be stored, or EvidenceError (Spanish) when it may not be.

    ``size`` (when known before reading, e.g. from the file system) is checked first.
    """
    display = PurePath(name).name or name
    length = len(content) if size is None else size
    if length > MAX_FILE_BYTES:
        raise EvidenceError("too_large", name=display, size=_megabytes(length), limit=_megabytes(MAX_FILE_BYTES))
    if not content:
        raise EvidenceError("empty_file", name=display)
    extension = PurePath(display).suffix.lower()
    expected = MEDIA_TYPES.get(extension)
    if expected is None:
        raise EvidenceError("unsupported_extension", name=display, extension=extension or "—",
                            allowed=", ".join(sorted(MEDIA_TYPES)))
    found = filetype.guess(content)
    detected = found.mime if found else None
    if detected is None:
        raise EvidenceError("content_unknown", name=display, extension=extension)
    if detected != expected:
        raise EvidenceError("content_mismatch", name=display, extension=extension,
                            found=f"{found.extension.upper()} ({detected})")
    return CheckedFile(display, store.sha256_of(content), detected, content)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def _check_target(cur: Connection, target: Target) -> None:
    if target.kind not in TARGETS:
        raise EvidenceError("bad_target", value=target.kind, allowed=", ".join(TARGETS))
    if not sql.scalar(cur, "evidence_target_exists", **target.columns()):
        raise EvidenceError(f"unknown_{target.kind}", target=target.label())


def _canonical(target: Target, document: Document, file: CheckedFile | None, user: str, at: datetime) -> str:
    return json.dumps({"target": target.columns(), "document": document.__dict__,
                       "file": file.sha256 if file else None, "user": user, "recorded_at": at.isoformat()},
                      ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def add(con: Connection, target: Target, document: Document, file: CheckedFile | None, *,
        user: str, role: str) -> Added:
    """Record one reference (and its file, stored once by SHA-256) as its own undoable, audited batch.

    Refused with EvidenceError (nothing written) when the document has no name or the
    score, finding or rating it backs does not exist.
    """
    auth.require(role, auth.Action.RECORD_FOLLOWUP)  # before anything else: a refused user changes nothing
    name = (document.name or "").strip()
    if not name:
        raise EvidenceError("document_required")
    document = Document(name, *(_clean(v) for v in (document.number, document.issued, document.section,
                                                    document.working_paper)))
    cur = con.cursor()
    try:
        _check_target(cur, target)
    finally:
        cur.close()
    at = datetime.now()
    checksum = store.sha256_of(_canonical(target, document, file, user, at).encode("utf-8"))
    row = {**target.columns(), "evidence_id": checksum, "document_name": document.name,
           "document_number": document.number, "document_date": document.issued,
           "report_section": document.section, "working_paper": document.working_paper,
           "file_sha256": file.sha256 if file else None, "file_name": file.name if file else None,
           "recorded_by": user}
    frame = pd.DataFrame([row]).astype({"finding_no": "Int64", "rec_no": "Int64"})
    files = [store.StoredFile(file.sha256, file.media_type, file.content)] if file else []
    info = store.BatchInfo("registro", f"evidencia: {target.label()} — {document.name}", checksum,
                           user=user, role=role)
    batch_id = store.write_batch(con, info, {"evidence": frame}, files=files)
    return Added(batch_id, checksum, file.sha256 if file else None)


def _clean(value):
    if isinstance(value, str):
        return value.strip() or None
    return value


def references(cur: Connection, *, entity_code: str | None = None, period: str | None = None,
               framework: str | None = None) -> pd.DataFrame:
    """Every reference (with its file's media type and size), in a stable order."""
    return sql.run(cur, "evidence_list", entity=entity_code, period=period, framework=framework)


def for_criteria(cur: Connection, framework: str, period: str, entity_code: str) -> pd.DataFrame:
    """The references behind one entity's scores in one gestión, by criterion."""
    found = references(cur, entity_code=entity_code, period=period, framework=framework)
    return found[found["target"] == "puntaje"].reset_index(drop=True)


def for_profile(cur: Connection, framework: str, period: str, entity_code: str) -> pd.DataFrame:
    """The profile's list: what backs one entity's scores, findings and follow-up ratings in one gestión
    (a rating under its recommendation's gestión), scores first by criterion, then findings, then ratings."""
    found = references(cur, entity_code=entity_code, period=period, framework=framework)
    order = {target: i for i, target in enumerate(TARGETS)}
    found = found.assign(_order=found["target"].map(order))
    return (found.sort_values(["_order", "criterion_code", "finding_no", "report_number", "rec_no", "status_date",
                               "recorded_at", "evidence_id"], kind="stable", na_position="last")
            .drop(columns="_order").reset_index(drop=True))


@dataclass(frozen=True)
class StoredContent:
    sha256: str
    media_type: str
    content: bytes

    @property
    def download_type(self) -> str:
        """The media type to serve it with: its detected one when it is a document type, else plain bytes."""
        return self.media_type if self.media_type in SAFE_DOWNLOAD_TYPES else OCTET_STREAM


def content(cur: Connection, sha256_or_prefix: str) -> StoredContent:
    """A stored file's bytes by its SHA-256 (or an unambiguous prefix of at least 8 characters)."""
    wanted = (sha256_or_prefix or "").strip().lower()
    if len(wanted) < 8 or any(c not in "0123456789abcdef" for c in wanted):
        raise EvidenceError("bad_sha256", value=sha256_or_prefix)
    found = sql.run(cur, "evidence_file_match", prefix=wanted)
    if found.empty:
        raise EvidenceError("no_file", value=wanted)
    if len(found) > 1:
        raise EvidenceError("ambiguous_sha256", value=wanted, n=len(found))
    sha = found.iloc[0]["sha256"]
    rows = cur.execute(sql.query_text("evidence_file_content"), {"sha256": sha}).fetchall()
    media_type, data = rows[0]
    data = bytes(data)
    if store.sha256_of(data) != sha:  # never hand out bytes that are not the ones stored
        raise EvidenceError("corrupt_file", value=sha)
    return StoredContent(sha, media_type, data)
