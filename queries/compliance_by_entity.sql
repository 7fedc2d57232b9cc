-- The index of compliance with recommendations, one row per entity with recommendations in scope, as of
-- $as_of (egov/compliance.py explains the choices; the Metodología page shows the same formula):
--   credit     = 1 for cumplida, $partial_credit for parcialmente cumplida, 0 for no cumplida and for an open
--                recommendation whose agreed deadline has passed (plazo vencido); no aplicable is left out
--   counted    = the recommendations with a credit; those not yet due (en plazo, sin cronograma,
--                sin aceptación) and those not accepted are counted apart, never as zero
--   degree     = 100 * sum(credit) / counted                     (NULL when nothing is counted)
--   timeliness = 100 * (met on or before the agreed deadline) / (met with an agreed deadline)
--                (NULL when no met recommendation has a schedule: a deadline is never invented)
--   index      = $degree_weight * degree + (1 - $degree_weight) * timeliness, or the degree alone when the
--                timeliness is NULL
-- The date a recommendation was met is the start of its current run of «cumplida» statuses: the earliest
-- «cumplida» after its last other status (a progress note «cumplida» dated before the follow-up report's
-- rating counts from its own date).
WITH recs AS ({{ recommendation_current }}),
runs AS (
    SELECT entity_code, report_number, rec_no,
           max(status_date) FILTER (WHERE status <> 'cumplida') AS last_other
    FROM recommendation_status
    WHERE status_date <= CAST($as_of AS DATE)
    GROUP BY ALL
),
met_since AS (
    SELECT s.entity_code, s.report_number, s.rec_no, min(s.status_date) AS met_date
    FROM recommendation_status s
    LEFT JOIN runs r USING (entity_code, report_number, rec_no)
    WHERE s.status = 'cumplida' AND s.status_date <= CAST($as_of AS DATE)
      AND (r.last_other IS NULL OR s.status_date > r.last_other)
    GROUP BY ALL
),
credited AS (
    SELECT recs.*,
           CASE WHEN status = 'cumplida' THEN 1.0
                WHEN status = 'parcialmente_cumplida' THEN CAST($partial_credit AS DOUBLE)
                WHEN status = 'no_cumplida' OR is_overdue THEN 0.0 END AS credit,
           is_met AND due_date IS NOT NULL AS met_with_deadline,
           is_met AND due_date IS NOT NULL AND m.met_date <= due_date AS met_on_time
    FROM recs
    LEFT JOIN met_since m USING (entity_code, report_number, rec_no)
),
per_entity AS (
    SELECT entity_code, any_value(entity_name) AS entity_name, any_value(acronym) AS acronym,
           any_value(sector) AS sector, any_value(gov_level) AS gov_level,
           count(*) AS total,
           count(*) FILTER (WHERE status = 'no_aplicable') AS not_applicable,
           count(*) FILTER (WHERE credit IS NOT NULL) AS counted,
           count(*) FILTER (WHERE credit IS NULL AND is_applicable AND stage <> 'no_aceptada') AS not_yet_due,
           -- the two kinds of not yet due, said apart: a deadline exists only once a schedule gives it
           count(*) FILTER (WHERE credit IS NULL AND is_applicable AND stage <> 'no_aceptada'
                                  AND due_date IS NOT NULL) AS in_time,
           count(*) FILTER (WHERE credit IS NULL AND is_applicable AND stage <> 'no_aceptada'
                                  AND due_date IS NULL) AS without_deadline,
           count(*) FILTER (WHERE stage = 'no_aceptada') AS not_accepted,
           count(*) FILTER (WHERE status = 'cumplida') AS met,
           count(*) FILTER (WHERE status = 'parcialmente_cumplida') AS partly_met,
           count(*) FILTER (WHERE status = 'no_cumplida') AS not_met,
           count(*) FILTER (WHERE credit = 0 AND status <> 'no_cumplida') AS overdue_open,
           sum(credit) AS credit,
           count(*) FILTER (WHERE met_with_deadline) AS met_with_deadline,
           count(*) FILTER (WHERE met_on_time) AS met_on_time,
           count(*) FILTER (WHERE is_met AND due_date IS NULL) AS met_without_deadline,
           coalesce(bool_or(is_synthetic), false) AS any_synthetic
    FROM credited
    GROUP BY entity_code
),
indexed AS (
    SELECT *,
           100 * credit / nullif(counted, 0) AS degree,
           100 * met_on_time / nullif(met_with_deadline, 0) AS timeliness
    FROM per_entity
)
SELECT *,
       CASE WHEN degree IS NULL THEN NULL
            WHEN timeliness IS NULL THEN degree
            ELSE CAST($degree_weight AS DOUBLE) * degree + (1 - CAST($degree_weight AS DOUBLE)) * timeliness
       END AS compliance_index
FROM indexed
ORDER BY compliance_index DESC NULLS LAST, entity_code
