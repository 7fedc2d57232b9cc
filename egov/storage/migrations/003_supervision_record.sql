-- 003: the supervision record as the Contraloría keeps it.
--
-- * The report is a record of its own (supervision_report) with its results
--   per area as issued (report_result).
-- * Findings carry the NAG attributes (condición = text_es, criterio, causa,
--   efecto) and their report; each recommendation keeps its text as issued,
--   its group heading («En el marco de su RE-SOA:»), an editorial correction
--   BESIDE the original, and the findings it answers (recommendation_finding).
-- * The life cycle: acceptance (recommendation_acceptance), the
--   implementation schedule with its rescheduling history
--   (implementation_schedule), and the Contraloría's follow-up reports
--   (followup_report) whose ratings are recommendation_status rows carrying
--   the report's number; status rows without one are progress notes.
-- * A recommendation has no deadline until a schedule gives it one: the
--   compulsory due_date goes; today's due dates become schedule entries
--   marked source = 'modelo_anterior' (and so do the stored images undo
--   restores, so undoing a batch written before this migration still works).
-- * A criterion may be a scope limitation (a document requested and not
--   provided): status 'limitacion', with the request's note and date.
-- * Provenance on every record: is_synthetic, from the batch that wrote it.

-- 1. import_batch: the new kinds of file (a CHECK cannot be altered in
--    DuckDB: the table is rebuilt with the same rows and sequence).
CREATE TABLE import_batch_003 (
    batch_id      INTEGER PRIMARY KEY DEFAULT nextval('import_batch_id'),
    kind          VARCHAR NOT NULL CHECK (kind IN
                  ('entidades', 'marco', 'puntajes', 'herramientas', 'recomendaciones', 'seguimiento', 'registro',
                   'informes', 'resultados', 'hallazgos', 'aceptacion', 'cronograma')),
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
INSERT INTO import_batch_003 SELECT * FROM import_batch;
DROP TABLE import_batch;
ALTER TABLE import_batch_003 RENAME TO import_batch;

-- 2. criterion_score: a fourth status, 'limitacion' (scope limitation), with the request recorded.
CREATE TABLE criterion_score_003 (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('evaluado', 'desconocido', 'no_aplica', 'limitacion')),
    score          DOUBLE,
    evidence       VARCHAR,
    batch_id       INTEGER NOT NULL,
    -- Scope limitation: what was requested and not provided, and the request (note, date) when known.
    request_note   VARCHAR,
    request_date   DATE,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, period, framework_code, criterion_code),
    CHECK ((status = 'evaluado') = (score IS NOT NULL)),
    CHECK (status = 'limitacion' OR (request_note IS NULL AND request_date IS NULL))
);
INSERT INTO criterion_score_003 (entity_code, period, framework_code, criterion_code, status, score, evidence,
                                 batch_id)
SELECT entity_code, period, framework_code, criterion_code, status, score, evidence, batch_id
FROM criterion_score;
DROP TABLE criterion_score;
ALTER TABLE criterion_score_003 RENAME TO criterion_score;

-- 3. recommendation: no compulsory due date; group heading, editorial correction beside the text.
CREATE TABLE recommendation_003 (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL CHECK (rec_no > 0),
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    area_code      VARCHAR NOT NULL,
    text_es        VARCHAR NOT NULL CHECK (length(trim(text_es)) > 0),
    batch_id       INTEGER NOT NULL,
    group_heading_es  VARCHAR,       -- e.g. «En el marco de su RE-SOA:», as issued
    corrected_text_es VARCHAR,       -- an editorial correction, never over the original
    correction_note   VARCHAR,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, rec_no)
);
INSERT INTO recommendation_003 (entity_code, report_number, rec_no, period, framework_code, area_code, text_es,
                                batch_id)
SELECT entity_code, report_number, rec_no, period, framework_code, area_code, text_es, batch_id
FROM recommendation;

-- 4. The implementation schedule (cronograma): one row per recommendation and revision; revision 1 is the
--    schedule as filed, later revisions are reschedulings with their reason. The current deadline is the one
--    of the latest revision.
CREATE TABLE implementation_schedule (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL,
    revision       INTEGER NOT NULL CHECK (revision > 0),
    filed_date     DATE,
    actions_es     VARCHAR,
    responsible    VARCHAR,
    deadline       DATE NOT NULL,
    reason_es      VARCHAR,
    source         VARCHAR NOT NULL DEFAULT 'cronograma' CHECK (source IN ('cronograma', 'modelo_anterior')),
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, rec_no, revision)
);
-- Today's due dates, each written by the batch that wrote its recommendation.
INSERT INTO implementation_schedule (entity_code, report_number, rec_no, revision, deadline, source, batch_id)
SELECT entity_code, report_number, rec_no, 1, due_date, 'modelo_anterior', batch_id
FROM recommendation;
-- The same for the images undo restores: every recorded change of a recommendation gets the matching change
-- of its schedule entry, so undoing an old batch takes its due date away with its recommendation.
INSERT INTO batch_change (batch_id, seq, table_name, row_key, before_row, after_row)
SELECT c.batch_id,
       (SELECT max(seq) FROM batch_change m WHERE m.batch_id = c.batch_id)
           + row_number() OVER (PARTITION BY c.batch_id ORDER BY c.seq),
       'implementation_schedule',
       json_merge_patch(c.row_key, json_object('revision', 1)),
       CASE WHEN c.before_row IS NOT NULL AND json_extract_string(c.before_row, '$.due_date') IS NOT NULL THEN
           json_object('entity_code', json_extract_string(c.before_row, '$.entity_code'),
                       'report_number', json_extract_string(c.before_row, '$.report_number'),
                       'rec_no', CAST(json_extract(c.before_row, '$.rec_no') AS INTEGER), 'revision', 1,
                       'deadline', json_extract_string(c.before_row, '$.due_date'),
                       'source', 'modelo_anterior',
                       'batch_id', CAST(json_extract(c.before_row, '$.batch_id') AS INTEGER),
                       'is_synthetic', coalesce((SELECT b.is_synthetic FROM import_batch b WHERE b.batch_id =
                                                 CAST(json_extract(c.before_row, '$.batch_id') AS INTEGER)), false))
       END,
       json_object('entity_code', json_extract_string(c.after_row, '$.entity_code'),
                   'report_number', json_extract_string(c.after_row, '$.report_number'),
                   'rec_no', CAST(json_extract(c.after_row, '$.rec_no') AS INTEGER), 'revision', 1,
                   'deadline', json_extract_string(c.after_row, '$.due_date'), 'source', 'modelo_anterior',
                   'is_synthetic', coalesce((SELECT b.is_synthetic FROM import_batch b
                                             WHERE b.batch_id = c.batch_id), false))
FROM batch_change c
WHERE c.table_name = 'recommendation';
DROP TABLE recommendation;
ALTER TABLE recommendation_003 RENAME TO recommendation;

-- 5. The report as a record.
CREATE TABLE supervision_report (
    entity_code     VARCHAR NOT NULL,
    report_number   VARCHAR NOT NULL CHECK (length(trim(report_number)) > 0),
    period          VARCHAR NOT NULL,
    framework_code  VARCHAR NOT NULL,
    reference_es    VARCHAR,          -- Referencia: the supervision's title, as issued
    objective_es    VARCHAR,          -- Objetivo, as issued
    object_es       VARCHAR,          -- Objeto: the aspects examined, as issued
    scope_es        VARCHAR,          -- Alcance, when the report states it
    period_examined VARCHAR,          -- e.g. «2021 — 2025»
    issue_date      DATE,
    issuing_office  VARCHAR,
    work_kind       VARCHAR,          -- e.g. supervisión
    batch_id        INTEGER NOT NULL,
    is_synthetic    BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number)
);

-- The report's results per supervision area, as issued.
CREATE TABLE report_result (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    area_code      VARCHAR NOT NULL,
    text_es        VARCHAR NOT NULL CHECK (length(trim(text_es)) > 0),
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, area_code)
);

-- 6. Findings: the NAG attributes and their report (condición stays in text_es).
ALTER TABLE finding ADD COLUMN report_number VARCHAR;
ALTER TABLE finding ADD COLUMN criterion_es VARCHAR;
ALTER TABLE finding ADD COLUMN cause_es VARCHAR;
ALTER TABLE finding ADD COLUMN effect_es VARCHAR;
ALTER TABLE finding ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
UPDATE finding SET report_number = a.report_number
FROM assessment a
WHERE a.entity_code = finding.entity_code AND a.period = finding.period AND a.framework_code = finding.framework_code;

-- Which findings each recommendation answers (findings of the recommendation's own assessment).
CREATE TABLE recommendation_finding (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL,
    finding_no     INTEGER NOT NULL,
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, rec_no, finding_no)
);

-- 7. Acceptance: the date the entity received the report, and its decision on each recommendation.
CREATE TABLE recommendation_acceptance (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL,
    received_date  DATE,
    decision       VARCHAR NOT NULL CHECK (decision IN ('aceptada', 'no_aceptada')),
    decision_date  DATE NOT NULL,
    reasons_es     VARCHAR,
    signatory      VARCHAR,           -- who signed for the entity (the MAE)
    signatory_post VARCHAR,
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, rec_no),
    CHECK (decision = 'aceptada' OR length(trim(coalesce(reasons_es, ''))) > 0)
);

-- 8. The Contraloría's follow-up reports; their ratings are recommendation_status rows with followup_number.
CREATE TABLE followup_report (
    entity_code     VARCHAR NOT NULL,
    followup_number VARCHAR NOT NULL CHECK (length(trim(followup_number)) > 0),
    issue_date      DATE NOT NULL,
    period          VARCHAR,          -- the gestión of the follow-up
    batch_id        INTEGER NOT NULL,
    is_synthetic    BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, followup_number)
);
ALTER TABLE recommendation_status ADD COLUMN followup_number VARCHAR;
ALTER TABLE recommendation_status ADD COLUMN is_synthetic BOOLEAN DEFAULT false;

-- 9. Provenance on the remaining record tables, from the batch that wrote each row.
ALTER TABLE assessment ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
ALTER TABLE tool_adoption ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
ALTER TABLE interop_partner ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
UPDATE assessment SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = assessment.batch_id;
UPDATE criterion_score SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = criterion_score.batch_id;
UPDATE tool_adoption SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = tool_adoption.batch_id;
UPDATE interop_partner SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = interop_partner.batch_id;
UPDATE finding SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = finding.batch_id;
UPDATE recommendation SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = recommendation.batch_id;
UPDATE recommendation_status SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = recommendation_status.batch_id;
UPDATE implementation_schedule SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = implementation_schedule.batch_id;

-- The stored images of those tables get the provenance of the batch that wrote the row they show.
UPDATE batch_change SET before_row = json_merge_patch(before_row, json_object('is_synthetic', coalesce(
        (SELECT b.is_synthetic FROM import_batch b
         WHERE b.batch_id = CAST(json_extract(batch_change.before_row, '$.batch_id') AS INTEGER)), false)))
WHERE before_row IS NOT NULL AND table_name IN
      ('assessment', 'criterion_score', 'tool_adoption', 'interop_partner', 'finding', 'recommendation',
       'recommendation_status');
UPDATE batch_change SET after_row = json_merge_patch(after_row, json_object('is_synthetic', coalesce(
        (SELECT b.is_synthetic FROM import_batch b WHERE b.batch_id = batch_change.batch_id), false)))
WHERE table_name IN
      ('assessment', 'criterion_score', 'tool_adoption', 'interop_partner', 'finding', 'recommendation',
       'recommendation_status');
-- Findings' report number in their images, as above.
UPDATE batch_change SET before_row = json_merge_patch(before_row, json_object('report_number', a.report_number))
FROM assessment a
WHERE batch_change.table_name = 'finding' AND batch_change.before_row IS NOT NULL
  AND a.entity_code = json_extract_string(batch_change.before_row, '$.entity_code')
  AND a.period = json_extract_string(batch_change.before_row, '$.period')
  AND a.framework_code = json_extract_string(batch_change.before_row, '$.framework_code');
