-- The criteria the entities in scope most often fall short of in one round:
-- for each criterion, how many entities were assessed on it and how many
-- scored below $threshold of its scale (normalised 0–1; 0.75 = level 3
-- «Establecido» on the 0–4 scale). Unknown, not-applicable and missing
-- results are neither failing nor assessed. Most failed first.
WITH results AS ({{ criterion_results }})
SELECT r.criterion_code, r.name_es, r.name_en, r.area_code,
       ar.name_es AS area_name_es, ar.name_en AS area_name_en, ar.sort_order AS area_order,
       count(*) FILTER (WHERE r.status = 'evaluado') AS assessed,
       count(*) FILTER (WHERE r.status = 'evaluado' AND r.normalised < $threshold) AS failing,
       count(*) FILTER (WHERE r.status = 'evaluado' AND r.normalised < $threshold)
           / nullif(count(*) FILTER (WHERE r.status = 'evaluado'), 0) AS share_failing
FROM results r
JOIN entity e USING (entity_code)
JOIN area ar ON ar.framework_code = $framework AND ar.area_code = r.area_code
WHERE (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
GROUP BY ALL
ORDER BY share_failing DESC NULLS LAST, failing DESC, ar.sort_order, r.criterion_code
