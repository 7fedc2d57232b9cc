-- The status history of an entity's recommendations (or of one of them:
-- $report and $rec_no, NULL = all), oldest first, each row with the status
-- before it and whether it is the current one (same ordering as
-- recommendation_current: latest status_date, then latest recorded_at).
-- set_back marks a status at an earlier stage than the one before it
-- (e.g. cumplida -> en_proceso: a recommendation reopened).
WITH steps (status, stage) AS (
    VALUES ('pendiente', 0), ('en_proceso', 1), ('no_cumplida', 1), ('parcialmente_cumplida', 2),
           ('cumplida', 3), ('no_aplicable', NULL)
),
ordered AS (
    SELECT s.entity_code, s.report_number, s.rec_no, s.status_date, s.status, s.evidence,
           s.recorded_by, s.recorded_at, s.batch_id, s.followup_number, s.is_synthetic,
           row_number() OVER w_desc AS recency,
           lag(s.status) OVER w_asc AS previous_status
    FROM recommendation_status s
    WHERE s.entity_code = $entity
      AND (CAST($report AS VARCHAR) IS NULL OR s.report_number = $report)
      AND (CAST($rec_no AS INTEGER) IS NULL OR s.rec_no = $rec_no)
    WINDOW w_desc AS (PARTITION BY s.entity_code, s.report_number, s.rec_no
                      ORDER BY s.status_date DESC, s.recorded_at DESC, s.batch_id DESC),
           w_asc AS (PARTITION BY s.entity_code, s.report_number, s.rec_no
                     ORDER BY s.status_date, s.recorded_at, s.batch_id)
)
SELECT o.entity_code, o.report_number, o.rec_no, r.period, r.area_code, r.text_es,
       (SELECT arg_max(x.deadline, x.revision) FROM implementation_schedule x
         WHERE x.entity_code = o.entity_code AND x.report_number = o.report_number AND x.rec_no = o.rec_no)
           AS due_date,
       o.status_date, o.status, o.previous_status, o.evidence, o.recorded_by, o.recorded_at, o.batch_id,
       o.followup_number, b.kind AS batch_kind, coalesce(o.is_synthetic, b.is_synthetic) AS is_synthetic,
       o.recency = 1 AS is_current,
       coalesce(now_step.stage < before_step.stage, false) AS set_back
FROM ordered o
JOIN recommendation r USING (entity_code, report_number, rec_no)
LEFT JOIN import_batch b ON b.batch_id = o.batch_id
LEFT JOIN steps now_step ON now_step.status = o.status
LEFT JOIN steps before_step ON before_step.status = o.previous_status
ORDER BY o.report_number, o.rec_no, o.status_date, o.recorded_at, o.batch_id
