-- One row per recommendation in scope with its CURRENT status as of $as_of,
-- derived from the history (recommendation_status), never stored:
--   current status = the status with the latest status_date on or before
--   $as_of (ties: latest recorded_at, then latest batch); a recommendation
--   with no status yet is 'pendiente' (status_implied = true), since the
--   report issued it.
--   open     = current status in (pendiente, en_proceso, parcialmente_cumplida, no_cumplida)
--   overdue  = open and due_date < $as_of; days_overdue = $as_of - due_date
--   met      = cumplida; no_aplicable is left out of shares (applicable = false)
-- Filters ($framework, $period, $sectors, $levels, $entities, $areas,
-- $statuses, $report: NULL = all) only choose which rows come back.
WITH history AS (
    SELECT s.entity_code, s.report_number, s.rec_no, s.status, s.status_date, s.evidence,
           s.recorded_by, s.recorded_at, s.batch_id,
           row_number() OVER (PARTITION BY s.entity_code, s.report_number, s.rec_no
                              ORDER BY s.status_date DESC, s.recorded_at DESC, s.batch_id DESC) AS recency,
           count(*) OVER (PARTITION BY s.entity_code, s.report_number, s.rec_no) AS updates,
           min(s.status_date) OVER (PARTITION BY s.entity_code, s.report_number, s.rec_no) AS first_status_date
    FROM recommendation_status s
    WHERE s.status_date <= CAST($as_of AS DATE)
),
latest AS (
    SELECT * FROM history WHERE recency = 1
),
derived AS (
    SELECT r.entity_code, e.name AS entity_name, e.acronym, e.sector, e.gov_level,
           r.report_number, r.rec_no, r.period, r.framework_code, r.area_code,
           ar.name_es AS area_name_es, ar.name_en AS area_name_en, ar.sort_order AS area_order,
           r.text_es, r.due_date, a.issue_date,
           coalesce(l.status, 'pendiente') AS status,
           l.status IS NULL AS status_implied,
           l.status_date, l.evidence, l.recorded_by, l.recorded_at,
           coalesce(l.updates, 0) AS updates,
           l.first_status_date,
           coalesce(rb.is_synthetic, false) OR coalesce(sb.is_synthetic, false) AS is_synthetic
    FROM recommendation r
    JOIN entity e ON e.entity_code = r.entity_code
    LEFT JOIN area ar ON ar.framework_code = r.framework_code AND ar.area_code = r.area_code
    LEFT JOIN assessment a
           ON a.entity_code = r.entity_code AND a.period = r.period AND a.framework_code = r.framework_code
    LEFT JOIN latest l
           ON l.entity_code = r.entity_code AND l.report_number = r.report_number AND l.rec_no = r.rec_no
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
           status <> 'no_aplicable' AS is_applicable
    FROM derived
)
SELECT *,
       is_open AND due_date < CAST($as_of AS DATE) AS is_overdue,
       CASE WHEN is_open AND due_date < CAST($as_of AS DATE)
            THEN date_diff('day', due_date, CAST($as_of AS DATE)) END AS days_overdue,
       date_diff('day', due_date, CAST($as_of AS DATE)) AS days_since_due
FROM flagged
WHERE CAST($statuses AS VARCHAR[]) IS NULL OR list_contains($statuses, status)
ORDER BY entity_code, report_number, rec_no
