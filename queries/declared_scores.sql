-- The entities' own declarations (autoevaluación) as stored, with who recorded
-- each and when (its batch): what a verification never overwrites.
SELECT d.entity_code, d.period, d.framework_code, d.criterion_code, d.status, d.score, d.evidence,
       d.batch_id, b.user_name AS recorded_by, b.created_at AS recorded_at, d.is_synthetic
FROM criterion_declaration d
JOIN import_batch b ON b.batch_id = d.batch_id
WHERE d.framework_code = $framework
  AND (CAST($period AS VARCHAR) IS NULL OR d.period = $period)
ORDER BY d.entity_code, d.period, d.criterion_code
