-- One assessment's criteria with their result and the name and descriptor of
-- the level reached (0 Inexistente ... 4 Optimizado), for the report's area tables.
-- A score between two levels takes the level at or below it.
WITH results AS ({{ criterion_results }})
SELECT r.area_code, r.criterion_code, r.name_es, r.name_en, r.sort_order, r.status, r.score,
       r.scale_min, r.scale_max, r.normalised, r.evidence, r.derived_from_tool,
       (SELECT l.label_es FROM criterion_level l
         WHERE l.framework_code = $framework AND l.criterion_code = r.criterion_code AND l.level <= r.score
         ORDER BY l.level DESC LIMIT 1) AS level_label_es,
       (SELECT l.label_en FROM criterion_level l
         WHERE l.framework_code = $framework AND l.criterion_code = r.criterion_code AND l.level <= r.score
         ORDER BY l.level DESC LIMIT 1) AS level_label_en,
       (SELECT l.descriptor_es FROM criterion_level l
         WHERE l.framework_code = $framework AND l.criterion_code = r.criterion_code AND l.level <= r.score
         ORDER BY l.level DESC LIMIT 1) AS level_descriptor_es,
       (SELECT coalesce(l.descriptor_en, l.descriptor_es) FROM criterion_level l
         WHERE l.framework_code = $framework AND l.criterion_code = r.criterion_code AND l.level <= r.score
         ORDER BY l.level DESC LIMIT 1) AS level_descriptor_en
FROM results r
JOIN area ar ON ar.framework_code = $framework AND ar.area_code = r.area_code
WHERE r.entity_code = $entity
ORDER BY ar.sort_order, r.sort_order
