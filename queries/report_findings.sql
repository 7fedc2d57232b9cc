-- The findings of one assessment (entity, period, framework), in the order
-- of the framework's areas, then by number: the "Resultados" of a report.
SELECT f.finding_no, f.area_code, ar.name_es AS area_name_es, ar.name_en AS area_name_en,
       ar.sort_order AS area_order, f.text_es
FROM finding f
LEFT JOIN area ar ON ar.framework_code = f.framework_code AND ar.area_code = f.area_code
WHERE f.entity_code = $entity AND f.period = $period AND f.framework_code = $framework
ORDER BY ar.sort_order NULLS LAST, f.finding_no
