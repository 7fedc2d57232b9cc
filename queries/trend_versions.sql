-- The framework version(s) each round's assessments in scope were scored under,
-- so that the trends can mark where the methodology changed (a series break).
SELECT a.period, list(DISTINCT a.framework_version ORDER BY a.framework_version) AS versions
FROM assessment a
JOIN entity e USING (entity_code)
WHERE a.framework_code = $framework AND a.framework_version IS NOT NULL
  AND (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
GROUP BY a.period
ORDER BY a.period
