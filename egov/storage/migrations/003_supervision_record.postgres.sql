-- 003 on PostgreSQL: the same change as 003_supervision_record.sql in PostgreSQL's own SQL, run
-- natively. PostgreSQL alters CHECK constraints in place, so nothing is rebuilt; the JSON images of
-- batch_change are TEXT here (see 001_initial.postgres.sql) and are patched through jsonb.

-- 1. The new kinds of file.
ALTER TABLE import_batch DROP CONSTRAINT IF EXISTS import_batch_kind_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check CHECK (kind IN
    ('entidades', 'marco', 'puntajes', 'herramientas', 'recomendaciones', 'seguimiento', 'registro',
     'informes', 'resultados', 'hallazgos', 'aceptacion', 'cronograma'));

-- 2. criterion_score: the scope limitation status and its request.
ALTER TABLE criterion_score DROP CONSTRAINT IF EXISTS criterion_score_status_check;
ALTER TABLE criterion_score ADD CONSTRAINT criterion_score_status_check
    CHECK (status IN ('evaluado', 'desconocido', 'no_aplica', 'limitacion'));
ALTER TABLE criterion_score ADD COLUMN request_note VARCHAR;
ALTER TABLE criterion_score ADD COLUMN request_date DATE;
ALTER TABLE criterion_score ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
ALTER TABLE criterion_score ADD CONSTRAINT criterion_score_request_check
    CHECK (status = 'limitacion' OR (request_note IS NULL AND request_date IS NULL));

-- 3. recommendation: grouping and correction beside the text (the due date goes below).
ALTER TABLE recommendation ADD COLUMN group_heading_es VARCHAR;
ALTER TABLE recommendation ADD COLUMN corrected_text_es VARCHAR;
ALTER TABLE recommendation ADD COLUMN correction_note VARCHAR;
ALTER TABLE recommendation ADD COLUMN is_synthetic BOOLEAN DEFAULT false;

-- 4. The implementation schedule; today's due dates become entries of the earlier model.
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
INSERT INTO implementation_schedule (entity_code, report_number, rec_no, revision, deadline, source, batch_id)
SELECT entity_code, report_number, rec_no, 1, due_date, 'modelo_anterior', batch_id FROM recommendation;
INSERT INTO batch_change (batch_id, seq, table_name, row_key, before_row, after_row)
SELECT c.batch_id,
       (SELECT max(m.seq) FROM batch_change m WHERE m.batch_id = c.batch_id)
           + row_number() OVER (PARTITION BY c.batch_id ORDER BY c.seq),
       'implementation_schedule',
       (c.row_key::jsonb || jsonb_build_object('revision', 1))::text,
       CASE WHEN c.before_row IS NOT NULL AND (c.before_row::json ->> 'due_date') IS NOT NULL THEN
           jsonb_build_object('entity_code', c.before_row::json ->> 'entity_code',
                              'report_number', c.before_row::json ->> 'report_number',
                              'rec_no', (c.before_row::json ->> 'rec_no')::integer, 'revision', 1,
                              'deadline', c.before_row::json ->> 'due_date', 'source', 'modelo_anterior',
                              'batch_id', (c.before_row::json ->> 'batch_id')::integer,
                              'is_synthetic', coalesce((SELECT b.is_synthetic FROM import_batch b WHERE b.batch_id =
                                                        (c.before_row::json ->> 'batch_id')::integer), false))::text
       END,
       jsonb_build_object('entity_code', c.after_row::json ->> 'entity_code',
                          'report_number', c.after_row::json ->> 'report_number',
                          'rec_no', (c.after_row::json ->> 'rec_no')::integer, 'revision', 1,
                          'deadline', c.after_row::json ->> 'due_date', 'source', 'modelo_anterior',
                          'is_synthetic', coalesce((SELECT b.is_synthetic FROM import_batch b
                                                    WHERE b.batch_id = c.batch_id), false))::text
FROM batch_change c
WHERE c.table_name = 'recommendation';
ALTER TABLE recommendation DROP COLUMN due_date;

-- 5. The report as a record, and its results per area.
CREATE TABLE supervision_report (
    entity_code     VARCHAR NOT NULL,
    report_number   VARCHAR NOT NULL CHECK (length(trim(report_number)) > 0),
    period          VARCHAR NOT NULL,
    framework_code  VARCHAR NOT NULL,
    reference_es    VARCHAR,
    objective_es    VARCHAR,
    object_es       VARCHAR,
    scope_es        VARCHAR,
    period_examined VARCHAR,
    issue_date      DATE,
    issuing_office  VARCHAR,
    work_kind       VARCHAR,
    batch_id        INTEGER NOT NULL,
    is_synthetic    BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number)
);
CREATE TABLE report_result (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    area_code      VARCHAR NOT NULL,
    text_es        VARCHAR NOT NULL CHECK (length(trim(text_es)) > 0),
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, area_code)
);

-- 6. Findings: the NAG attributes and their report.
ALTER TABLE finding ADD COLUMN report_number VARCHAR;
ALTER TABLE finding ADD COLUMN criterion_es VARCHAR;
ALTER TABLE finding ADD COLUMN cause_es VARCHAR;
ALTER TABLE finding ADD COLUMN effect_es VARCHAR;
ALTER TABLE finding ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
UPDATE finding SET report_number = a.report_number
FROM assessment a
WHERE a.entity_code = finding.entity_code AND a.period = finding.period AND a.framework_code = finding.framework_code;
CREATE TABLE recommendation_finding (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL,
    finding_no     INTEGER NOT NULL,
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, rec_no, finding_no)
);

-- 7. Acceptance.
CREATE TABLE recommendation_acceptance (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL,
    received_date  DATE,
    decision       VARCHAR NOT NULL CHECK (decision IN ('aceptada', 'no_aceptada')),
    decision_date  DATE NOT NULL,
    reasons_es     VARCHAR,
    signatory      VARCHAR,
    signatory_post VARCHAR,
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, report_number, rec_no),
    CHECK (decision = 'aceptada' OR length(trim(coalesce(reasons_es, ''))) > 0)
);

-- 8. Follow-up reports; their ratings are recommendation_status rows with followup_number.
CREATE TABLE followup_report (
    entity_code     VARCHAR NOT NULL,
    followup_number VARCHAR NOT NULL CHECK (length(trim(followup_number)) > 0),
    issue_date      DATE NOT NULL,
    period          VARCHAR,
    batch_id        INTEGER NOT NULL,
    is_synthetic    BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, followup_number)
);
ALTER TABLE recommendation_status ADD COLUMN followup_number VARCHAR;
ALTER TABLE recommendation_status ADD COLUMN is_synthetic BOOLEAN DEFAULT false;

-- 9. Provenance from the batch that wrote each row, in the tables and in the stored images.
ALTER TABLE assessment ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
ALTER TABLE tool_adoption ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
ALTER TABLE interop_partner ADD COLUMN is_synthetic BOOLEAN DEFAULT false;
UPDATE assessment SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = assessment.batch_id;
UPDATE criterion_score SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = criterion_score.batch_id;
UPDATE tool_adoption SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = tool_adoption.batch_id;
UPDATE interop_partner SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = interop_partner.batch_id;
UPDATE finding SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = finding.batch_id;
UPDATE recommendation SET is_synthetic = b.is_synthetic FROM import_batch b WHERE b.batch_id = recommendation.batch_id;
UPDATE recommendation_status SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = recommendation_status.batch_id;
UPDATE implementation_schedule SET is_synthetic = b.is_synthetic FROM import_batch b
WHERE b.batch_id = implementation_schedule.batch_id;
UPDATE batch_change SET before_row = (before_row::jsonb || jsonb_build_object('is_synthetic', coalesce(
        (SELECT b.is_synthetic FROM import_batch b
         WHERE b.batch_id = (batch_change.before_row::json ->> 'batch_id')::integer), false)))::text
WHERE before_row IS NOT NULL AND table_name IN
      ('assessment', 'criterion_score', 'tool_adoption', 'interop_partner', 'finding', 'recommendation',
       'recommendation_status');
UPDATE batch_change SET after_row = (after_row::jsonb || jsonb_build_object('is_synthetic', coalesce(
        (SELECT b.is_synthetic FROM import_batch b WHERE b.batch_id = batch_change.batch_id), false)))::text
WHERE table_name IN
      ('assessment', 'criterion_score', 'tool_adoption', 'interop_partner', 'finding', 'recommendation',
       'recommendation_status');
UPDATE batch_change SET before_row = (before_row::jsonb || jsonb_build_object('report_number', a.report_number))::text
FROM assessment a
WHERE batch_change.table_name = 'finding' AND batch_change.before_row IS NOT NULL
  AND a.entity_code = batch_change.before_row::json ->> 'entity_code'
  AND a.period = batch_change.before_row::json ->> 'period'
  AND a.framework_code = batch_change.before_row::json ->> 'framework_code';
