-- The life cycle of an entity's recommendations ($report NULL = every report) as dated events, oldest
-- first: the report's issue, the entity's receipt, its acceptance (or not), the implementation schedule and
-- each rescheduling, the Contraloría's ratings in its follow-up reports, and the progress notes (status rows
-- without a follow-up report). Only what the record holds: no event is inferred.
WITH recs AS (
    SELECT r.entity_code, r.report_number, r.rec_no, r.period, r.framework_code, r.is_synthetic
    FROM recommendation r
    WHERE r.entity_code = $entity AND (CAST($report AS VARCHAR) IS NULL OR r.report_number = $report)
),
events AS (
    SELECT r.entity_code, r.report_number, r.rec_no, a.issue_date AS event_date, 'emision' AS event,
           NULL AS status, NULL::DATE AS deadline, NULL AS detail, NULL AS followup_number, NULL AS source,
           r.is_synthetic, 0 AS event_order
    FROM recs r
    JOIN assessment a USING (entity_code, period, framework_code)
    WHERE a.issue_date IS NOT NULL
    UNION ALL
    SELECT c.entity_code, c.report_number, c.rec_no, c.received_date, 'recepcion', NULL, NULL, NULL, NULL, NULL,
           c.is_synthetic, 1
    FROM recommendation_acceptance c JOIN recs USING (entity_code, report_number, rec_no)
    WHERE c.received_date IS NOT NULL
    UNION ALL
    SELECT c.entity_code, c.report_number, c.rec_no, c.decision_date, c.decision, NULL, NULL,
           concat_ws(' — ', c.reasons_es, concat_ws(', ', c.signatory, c.signatory_post)), NULL, NULL,
           c.is_synthetic, 2
    FROM recommendation_acceptance c JOIN recs USING (entity_code, report_number, rec_no)
    UNION ALL
    SELECT x.entity_code, x.report_number, x.rec_no, x.filed_date,
           CASE WHEN x.revision = 1 THEN 'cronograma' ELSE 'reprogramacion' END, NULL, x.deadline,
           concat_ws(' — ', x.actions_es, x.responsible, x.reason_es), NULL, x.source, x.is_synthetic,
           3 + x.revision
    FROM implementation_schedule x JOIN recs USING (entity_code, report_number, rec_no)
    UNION ALL
    SELECT s.entity_code, s.report_number, s.rec_no, s.status_date,
           CASE WHEN s.followup_number IS NOT NULL THEN 'calificacion' ELSE 'avance' END, s.status, NULL,
           s.evidence, s.followup_number, NULL, s.is_synthetic, 100
    FROM recommendation_status s JOIN recs USING (entity_code, report_number, rec_no)
)
SELECT entity_code, report_number, rec_no, event_date, event, status, deadline, detail, followup_number, source,
       coalesce(is_synthetic, false) AS is_synthetic
FROM events
ORDER BY report_number, rec_no, event_date NULLS LAST, event_order
