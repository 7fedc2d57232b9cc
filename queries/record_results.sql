-- A report's results per supervision area, as issued, in the framework's order of areas.
SELECT x.area_code, ar.name_es AS area_name_es, ar.name_en AS area_name_en, x.text_es,
       coalesce(x.is_synthetic, false) AS is_synthetic
FROM report_result x
JOIN supervision_report r USING (entity_code, report_number)
LEFT JOIN area ar ON ar.framework_code = r.framework_code AND ar.area_code = x.area_code
WHERE x.entity_code = $entity AND x.report_number = $report
ORDER BY ar.sort_order NULLS LAST, x.area_code
