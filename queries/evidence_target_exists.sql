-- Whether the score, finding or follow-up rating a reference would back exists
-- (1 when it does). $target is 'puntaje', 'hallazgo' or 'seguimiento'.
SELECT count(*) > 0
FROM (
    SELECT 1 FROM criterion_score s
    WHERE $target = 'puntaje' AND s.entity_code = $entity_code AND s.period = $period
      AND s.framework_code = $framework_code AND s.criterion_code = $criterion_code
    UNION ALL
    SELECT 1 FROM finding f
    WHERE $target = 'hallazgo' AND f.entity_code = $entity_code AND f.period = $period
      AND f.framework_code = $framework_code AND f.finding_no = CAST($finding_no AS INTEGER)
    UNION ALL
    SELECT 1 FROM recommendation_status r
    WHERE $target = 'seguimiento' AND r.entity_code = $entity_code AND r.report_number = $report_number
      AND r.rec_no = CAST($rec_no AS INTEGER) AND r.status_date = CAST($status_date AS DATE)
) found
