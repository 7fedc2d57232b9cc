-- 010: the supervision programme (issue 17): which entities the Contraloría programmes to supervise in
-- each gestión, and where each of those supervisions stands.
--
-- * One row per entity, gestión programmed (period) and kind of work (work_kind): a supervision of
--   e-government ('supervision') or a follow-up of its recommendations programmed as its own work
--   ('seguimiento'). Programming the same entity twice for the same kind of work in one gestión is refused
--   (the primary key); a supervision and a follow-up of one entity in one gestión are two rows.
-- * state: programada -> en_ejecucion -> informe_emitido -> seguimiento_programado. Once a report is issued
--   (informe_emitido, seguimiento_programado) the row names it (report_number, e.g. K3/GP445/S24-G1).
-- * Responsible office, planned start and end, and notes are optional: what the programme does not say
--   stays empty, nothing is invented. The end is never before the start.
-- * The current state is the row; each change is its own batch (an import or a record made on the page),
--   so the before-image in batch_change keeps the earlier state and undo restores it.
-- * References are checked by queries/integrity_orphans.sql (the entity must exist), as everywhere.
--
-- import_batch: the new kind of file 'programa' (a CHECK cannot be altered in DuckDB: the table is rebuilt
-- with the same rows and sequence, as 003 did).
CREATE TABLE import_batch_010 (
    batch_id      INTEGER PRIMARY KEY DEFAULT nextval('import_batch_id'),
    kind          VARCHAR NOT NULL CHECK (kind IN
                  ('entidades', 'marco', 'puntajes', 'herramientas', 'recomendaciones', 'seguimiento', 'registro',
                   'informes', 'resultados', 'hallazgos', 'aceptacion', 'cronograma', 'programa')),
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL CHECK (length(sha256) = 64),
    live_sha256   VARCHAR UNIQUE,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false,
    rows_total    INTEGER NOT NULL CHECK (rows_total >= 0),
    rows_new      INTEGER NOT NULL CHECK (rows_new >= 0),
    rows_changed  INTEGER NOT NULL CHECK (rows_changed >= 0),
    rows_unchanged INTEGER NOT NULL CHECK (rows_unchanged >= 0),
    user_name     VARCHAR NOT NULL,
    user_role     VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    undone_at     TIMESTAMP,
    undone_by     VARCHAR,
    CHECK (rows_new + rows_changed + rows_unchanged = rows_total),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL)),
    CHECK ((undone_at IS NULL) = (live_sha256 IS NOT NULL) AND coalesce(live_sha256 = sha256, true))
);
INSERT INTO import_batch_010 SELECT * FROM import_batch;
DROP TABLE import_batch;
ALTER TABLE import_batch_010 RENAME TO import_batch;

CREATE TABLE supervision_programme (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL CHECK (length(trim(period)) > 0),
    work_kind      VARCHAR NOT NULL CHECK (work_kind IN ('supervision', 'seguimiento')),
    state          VARCHAR NOT NULL CHECK (state IN
                   ('programada', 'en_ejecucion', 'informe_emitido', 'seguimiento_programado')),
    office         VARCHAR,
    planned_start  DATE,
    planned_end    DATE,
    report_number  VARCHAR,
    notes          VARCHAR,
    is_synthetic   BOOLEAN NOT NULL DEFAULT false,
    recorded_by    VARCHAR NOT NULL,
    recorded_at    TIMESTAMP NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, work_kind),
    CHECK (planned_start IS NULL OR planned_end IS NULL OR planned_end >= planned_start),
    CHECK (state NOT IN ('informe_emitido', 'seguimiento_programado')
           OR length(trim(coalesce(report_number, ''))) > 0)
);
