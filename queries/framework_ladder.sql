-- The adoption ladder of a framework: each step with its requirements, one
-- row per requirement group (one tool of the group at its minimum status or
-- higher is enough; every group must be met). A step without requirements
-- has one row with req_group NULL.
SELECT s.step, s.name_es, s.name_en, s.description_es, r.req_group,
       list(r.tool_code ORDER BY t.sort_order) FILTER (WHERE r.tool_code IS NOT NULL) AS tool_codes,
       list(t.name_es ORDER BY t.sort_order) FILTER (WHERE r.tool_code IS NOT NULL) AS tools_es,
       list(t.name_en ORDER BY t.sort_order) FILTER (WHERE r.tool_code IS NOT NULL) AS tools_en,
       list(r.min_status ORDER BY t.sort_order) FILTER (WHERE r.tool_code IS NOT NULL) AS min_statuses
FROM ladder_step s
LEFT JOIN ladder_requirement r ON r.framework_code = s.framework_code AND r.step = s.step
LEFT JOIN tool t ON t.framework_code = r.framework_code AND t.tool_code = r.tool_code
WHERE s.framework_code = $framework
GROUP BY s.step, s.name_es, s.name_en, s.description_es, r.req_group
ORDER BY s.step, r.req_group NULLS FIRST
