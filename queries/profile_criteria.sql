-- One entity's criteria in one round: the result (explicit score, derived
-- from a tool's adoption status, unknown, not applicable or no data), the
-- level of the scale it reached with that level's descriptor, and the
-- evidence. A score between two levels takes the level at or below it; a
-- criterion without a score reaches no level (never "0").
WITH results AS ({{ criterion_results }}),
reached AS (
    SELECT r.criterion_code,
           max(l.level) FILTER (WHERE l.level <= r.score) AS level
    FROM results r
    LEFT JOIN criterion_level l ON l.framework_code = $framework AND l.criterion_code = r.criterion_code
    WHERE r.entity_code = $entity
    GROUP BY r.criterion_code
)
SELECT r.area_code, ar.name_es AS area_name_es, ar.name_en AS area_name_en, ar.sort_order AS area_order,
       r.criterion_code, r.name_es, r.name_en, r.weight, r.scale_min, r.scale_max, r.sort_order,
       r.tool_code, r.status, r.score, r.normalised, r.evidence, r.derived_from_tool,
       r.source, r.declared_status, r.declared_score, r.declared_evidence,
       rc.level, l.label_es AS level_label_es, l.label_en AS level_label_en,
       l.descriptor_es AS level_descriptor_es, coalesce(l.descriptor_en, l.descriptor_es) AS level_descriptor_en
FROM results r
JOIN area ar ON ar.framework_code = $framework AND ar.area_code = r.area_code
LEFT JOIN reached rc ON rc.criterion_code = r.criterion_code
LEFT JOIN criterion_level l
       ON l.framework_code = $framework AND l.criterion_code = r.criterion_code AND l.level = rc.level
WHERE r.entity_code = $entity
ORDER BY ar.sort_order, r.sort_order, r.criterion_code
