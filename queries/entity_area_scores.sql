-- Area scores (0–100) of the chosen entities ($entities, a list) in one round
-- ($period) or in every round ($period NULL), with the entity's name: the
-- comparison by area and one entity's history. Built on area_scores.sql.
WITH area_rows AS ({{ area_scores }})
SELECT e.entity_code, e.name, e.acronym, a.period, a.area_code, a.area_name_es, a.area_name_en,
       a.area_order, a.area_weight, a.area_score, a.coverage, a.criteria_assessed, a.criteria_total,
       a.declared_area_score, a.criteria_verified
FROM area_rows a
JOIN entity e USING (entity_code)
WHERE list_contains($entities, a.entity_code)
ORDER BY a.period, list_position($entities, a.entity_code), a.area_order
