-- Area scores (0–100) of the entities in scope in one round, with the
-- entity's name, acronym, sector and level of government: the rows of the
-- entities × areas heatmap and of the spread chart. Filters ($sectors,
-- $levels, $entities: lists or NULL) only choose which rows come back.
WITH areas AS ({{ area_scores }})
SELECT a.entity_code, e.name, e.acronym, e.sector, e.gov_level, a.period,
       a.area_code, a.area_name_es, a.area_name_en, a.area_order, a.area_weight,
       a.area_score, a.criteria_assessed, a.criteria_total, a.coverage, a.declared_area_score
FROM areas a
JOIN entity e USING (entity_code)
WHERE (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
ORDER BY a.entity_code, a.area_order
