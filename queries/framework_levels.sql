-- What each level of each criterion's scale means (label and descriptor).
SELECT l.criterion_code, l.level, l.label_es, l.label_en, l.descriptor_es,
       coalesce(l.descriptor_en, l.descriptor_es) AS descriptor_en
FROM criterion_level l
JOIN criterion c ON c.framework_code = l.framework_code AND c.criterion_code = l.criterion_code
JOIN area ar ON ar.framework_code = c.framework_code AND ar.area_code = c.area_code
WHERE l.framework_code = $framework
ORDER BY ar.sort_order, c.sort_order, l.criterion_code, l.level
