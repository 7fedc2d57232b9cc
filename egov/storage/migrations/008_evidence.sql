-- 008: evidence as references and files (issue 16, part B).
-- A reference names the document behind a score, a finding or a follow-up
-- rating as the report cites it (name, number, date, the report's section,
-- the working paper); it may point at a file. Files are kept once, by their
-- SHA-256, inside the store itself, so a backup (a DuckDB copy or pg_dump) and
-- the PostgreSQL store carry them. A file's media type is the one its content
-- showed when it was stored (egov/evidence.py), never the name's extension.
-- References are written as undoable batches; a file is written with the
-- first batch that needs it and goes when no reference is left (undo).
CREATE TABLE evidence_file (
    sha256      VARCHAR PRIMARY KEY CHECK (length(sha256) = 64),
    media_type  VARCHAR NOT NULL,
    size_bytes  BIGINT NOT NULL CHECK (size_bytes > 0),
    content     BLOB NOT NULL,
    stored_at   TIMESTAMP NOT NULL,
    batch_id    INTEGER NOT NULL
);

CREATE TABLE evidence (
    evidence_id     VARCHAR PRIMARY KEY CHECK (length(evidence_id) = 64),
    target          VARCHAR NOT NULL CHECK (target IN ('puntaje', 'hallazgo', 'seguimiento')),
    entity_code     VARCHAR NOT NULL,
    period          VARCHAR,
    framework_code  VARCHAR,
    criterion_code  VARCHAR,
    finding_no      INTEGER,
    report_number   VARCHAR,
    rec_no          INTEGER,
    status_date     DATE,
    document_name   VARCHAR NOT NULL CHECK (length(document_name) > 0),
    document_number VARCHAR,
    document_date   DATE,
    report_section  VARCHAR,
    working_paper   VARCHAR,
    file_sha256     VARCHAR,
    file_name       VARCHAR,
    is_synthetic    BOOLEAN NOT NULL DEFAULT false,
    recorded_by     VARCHAR NOT NULL,
    recorded_at     TIMESTAMP NOT NULL,
    batch_id        INTEGER NOT NULL,
    CHECK (target <> 'puntaje' OR (period IS NOT NULL AND framework_code IS NOT NULL AND criterion_code IS NOT NULL)),
    CHECK (target <> 'hallazgo' OR (period IS NOT NULL AND framework_code IS NOT NULL AND finding_no IS NOT NULL)),
    CHECK (target <> 'seguimiento' OR (report_number IS NOT NULL AND rec_no IS NOT NULL AND status_date IS NOT NULL)),
    CHECK ((file_sha256 IS NULL) = (file_name IS NULL))
);
