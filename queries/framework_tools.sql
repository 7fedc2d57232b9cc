-- The e-government tools of a framework, with the criterion (if any) whose
-- score derives from each tool's adoption status.
SELECT t.tool_code, t.name_es, t.name_en, t.description_es, t.sort_order,
       string_agg(c.criterion_code, ', ' ORDER BY c.criterion_code) AS criteria
FROM tool t
LEFT JOIN criterion c ON c.framework_code = t.framework_code AND c.tool_code = t.tool_code
WHERE t.framework_code = $framework
GROUP BY t.tool_code, t.name_es, t.name_en, t.description_es, t.sort_order
ORDER BY t.sort_order, t.tool_code
