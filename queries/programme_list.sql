-- The supervision programme: one row per programmed supervision (entity, gestión, kind of work) with its
-- current state, office and planned dates as recorded (NULL where the programme gives none), the report it
-- names and, when that report is stored for the entity (its record, else the assessment it scored), its
-- issue date as recorded (never invented).
-- Who recorded the row and in which batch come with it; is_synthetic marks demonstration rows.
-- Filters ($period, $offices, $states, $entities, $sectors, $levels: NULL = all) only choose rows.
SELECT p.entity_code, e.name AS entity_name, e.acronym, e.sector, e.gov_level,
       p.period, p.work_kind, p.state, p.office, p.planned_start, p.planned_end,
       p.report_number, coalesce(r.issue_date, a.issue_date) AS report_issue_date, p.notes,
       p.recorded_by, p.recorded_at, p.batch_id,
       coalesce(p.is_synthetic, false) AS is_synthetic
FROM supervision_programme p
JOIN entity e ON e.entity_code = p.entity_code
LEFT JOIN supervision_report r ON r.entity_code = p.entity_code AND r.report_number = p.report_number
LEFT JOIN (SELECT entity_code, report_number, min(issue_date) AS issue_date FROM assessment
           WHERE report_number IS NOT NULL GROUP BY ALL) a
       ON a.entity_code = p.entity_code AND a.report_number = p.report_number
WHERE (CAST($period AS VARCHAR) IS NULL OR p.period = $period)
  AND (CAST($offices AS VARCHAR[]) IS NULL OR list_contains($offices, p.office))
  AND (CAST($states AS VARCHAR[]) IS NULL OR list_contains($states, p.state))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, p.entity_code))
  AND (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
ORDER BY p.period, coalesce(p.planned_start, DATE '9999-12-31'), p.entity_code, p.work_kind
