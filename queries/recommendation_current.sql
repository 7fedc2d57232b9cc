-- One row per recommendation in scope with its CURRENT status as of $as_of,
-- derived from the history (recommendation_status), never stored:
--   current status = the status with the latest status_date on or before
--   $as_of (ties: latest recorded_at, then latest batch); a recommendation
--   with no status yet is 'pendiente' (status_implied = true), since the
--   report issued it.
--   open     = current status in (pendiente, en_proceso, parcialmente_cumplida, no_cumplida)
--   due_date = the deadline of the latest revision of its implementation schedule (cronograma);
--              NULL until a schedule gives one: the report itself sets no deadline
--   overdue  = open and due_date < $as_of; days_overdue = $as_of - due_date
--              (never without a schedule: such a recommendation is «sin cronograma», not overdue)
--   stage    = where the recommendation is in the follow-up practice (see egov/followup.py STAGES):
--              a Contraloría rating (cumplida, parcialmente_cumplida, no_cumplida, no_aplicable) when the
--              current status is one; else no_aceptada, sin_aceptar (no acceptance and no schedule),
--              sin_cronograma (accepted, no schedule), en_plazo (pendiente de implementación, deadline not
--              passed) or plazo_vencido.
--   met      = cumplida; no_aplicable is left out of shares (applicable = false)
-- Filters ($framework, $period, $sectors, $levels, $entities, $areas,
-- $statuses, $report: NULL = all) only choose which rows come back. The gestión and the entities are
-- also applied to the history and the schedules before their window and aggregate (whole
-- recommendations are kept or left, so nothing about a kept one changes): at national size the
-- history of every gestión costs more than the rest of the query.
WITH history AS (
    SELECT s.entity_code, s.report_number, s.rec_no, s.status, s.status_date, s.evidence,
           s.recorded_by, s.recorded_at, s.batch_id, s.followup_number, s.is_synthetic,
           row_number() OVER (PARTITION BY s.entity_code, s.report_number, s.rec_no
                              ORDER BY s.status_date DESC, s.recorded_at DESC, s.batch_id DESC) AS recency,
           count(*) OVER (PARTITION BY s.entity_code, s.report_number, s.rec_no) AS updates,
           min(s.status_date) OVER (PARTITION BY s.entity_code, s.report_number, s.rec_no) AS first_status_date
    FROM recommendation_status s
    WHERE s.status_date <= CAST($as_of AS DATE)
      AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, s.entity_code))
      AND (CAST($period AS VARCHAR) IS NULL OR (s.entity_code, s.report_number) IN (
               SELECT entity_code, report_number FROM recommendation WHERE period = $period))
),
latest AS (
    SELECT * FROM history WHERE recency = 1
),
schedule AS (
    SELECT entity_code, report_number, rec_no,
           arg_max(deadline, revision) AS due_date,
           arg_max(source, revision) AS schedule_source,
           max(revision) AS schedule_revision,
           bool_or(is_synthetic) AS schedule_synthetic
    FROM implementation_schedule
    WHERE (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, entity_code))
      AND (CAST($period AS VARCHAR) IS NULL OR (entity_code, report_number) IN (
               SELECT entity_code, report_number FROM recommendation WHERE period = $period))
    GROUP BY ALL
),
derived AS (
    SELECT r.entity_code, e.name AS entity_name, e.acronym, e.sector, e.gov_level,
           r.report_number, r.rec_no, r.period, r.framework_code, r.area_code,
           ar.name_es AS area_name_es, ar.name_en AS area_name_en, ar.sort_order AS area_order,
           r.text_es, r.group_heading_es, r.corrected_text_es, s.due_date, s.schedule_source, s.schedule_revision,
           a.issue_date, acc.decision AS acceptance, acc.decision_date AS acceptance_date,
           acc.received_date, l.followup_number,
           coalesce(l.status, 'pendiente') AS status,
           l.status IS NULL AS status_implied,
           l.status_date, l.evidence, l.recorded_by, l.recorded_at,
           coalesce(l.updates, 0) AS updates,
           l.first_status_date,
           coalesce(r.is_synthetic, rb.is_synthetic, false) OR coalesce(l.is_synthetic, sb.is_synthetic, false)
               OR coalesce(acc.is_synthetic, false) OR coalesce(s.schedule_synthetic, false) AS is_synthetic
    FROM recommendation r
    JOIN entity e ON e.entity_code = r.entity_code
    LEFT JOIN area ar ON ar.framework_code = r.framework_code AND ar.area_code = r.area_code
    LEFT JOIN assessment a
           ON a.entity_code = r.entity_code AND a.period = r.period AND a.framework_code = r.framework_code
    LEFT JOIN latest l
           ON l.entity_code = r.entity_code AND l.report_number = r.report_number AND l.rec_no = r.rec_no
    LEFT JOIN schedule s
           ON s.entity_code = r.entity_code AND s.report_number = r.report_number AND s.rec_no = r.rec_no
    LEFT JOIN recommendation_acceptance acc
           ON acc.entity_code = r.entity_code AND acc.report_number = r.report_number AND acc.rec_no = r.rec_no
          AND acc.decision_date <= CAST($as_of AS DATE)
    LEFT JOIN import_batch rb ON rb.batch_id = r.batch_id
    LEFT JOIN import_batch sb ON sb.batch_id = l.batch_id
    WHERE (CAST($framework AS VARCHAR) IS NULL OR r.framework_code = $framework)
      AND (CAST($period AS VARCHAR) IS NULL OR r.period = $period)
      AND (CAST($report AS VARCHAR) IS NULL OR r.report_number = $report)
      AND (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
      AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
      AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, r.entity_code))
      AND (CAST($areas AS VARCHAR[]) IS NULL OR list_contains($areas, r.area_code))
),
flagged AS (
    SELECT *,
           status IN ('pendiente', 'en_proceso', 'parcialmente_cumplida', 'no_cumplida') AS is_open,
           status = 'cumplida' AS is_met,
           status <> 'no_aplicable' AS is_applicable,
           CASE WHEN status IN ('cumplida', 'parcialmente_cumplida', 'no_cumplida', 'no_aplicable') THEN status
                WHEN acceptance = 'no_aceptada' THEN 'no_aceptada'
                WHEN acceptance IS NULL AND due_date IS NULL THEN 'sin_aceptar'
                WHEN due_date IS NULL THEN 'sin_cronograma'
                WHEN due_date >= CAST($as_of AS DATE) THEN 'en_plazo'
                ELSE 'plazo_vencido' END AS stage
    FROM derived
)
SELECT *,
       coalesce(is_open AND due_date < CAST($as_of AS DATE), false) AS is_overdue,
       CASE WHEN is_open AND due_date < CAST($as_of AS DATE)
            THEN date_diff('day', due_date, CAST($as_of AS DATE)) END AS days_overdue,
       date_diff('day', due_date, CAST($as_of AS DATE)) AS days_since_due
FROM flagged
WHERE (CAST($statuses AS VARCHAR[]) IS NULL OR list_contains($statuses, status))
  AND (CAST($stages AS VARCHAR[]) IS NULL OR list_contains($stages, stage))
  AND (NOT CAST($real_only AS BOOLEAN) OR NOT is_synthetic)
ORDER BY entity_code, report_number, rec_no
