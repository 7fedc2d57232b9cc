-- Whether any assessment in the current view (framework, round, filters)
-- comes from synthetic demonstration data: the "Datos de demostración"
-- badge is shown exactly when this is true.
SELECT coalesce(bool_or(b.is_synthetic), false) AS any_synthetic
FROM assessment a
JOIN entity e USING (entity_code)
JOIN import_batch b ON b.batch_id = a.batch_id
WHERE a.framework_code = $framework
  AND (CAST($period AS VARCHAR) IS NULL OR a.period = $period)
  AND (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
