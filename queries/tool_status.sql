-- The recorded adoption status of every tool for the entities in scope in one
-- round (rows of the entities × tools matrix). A tool with no row was not
-- recorded for that entity: the matrix shows it as «sin dato».
SELECT ta.entity_code, e.name, e.acronym, e.sector, e.gov_level, ta.period,
       ta.tool_code, t.name_es AS tool_name_es, t.name_en AS tool_name_en, t.sort_order AS tool_order,
       ta.status, ta.procedures_count, ta.scope
FROM tool_adoption ta
JOIN assessment a
  ON a.entity_code = ta.entity_code AND a.period = ta.period AND a.framework_code = ta.framework_code
JOIN entity e ON e.entity_code = ta.entity_code
JOIN tool t ON t.framework_code = ta.framework_code AND t.tool_code = ta.tool_code
WHERE ta.framework_code = $framework
  AND (CAST($period AS VARCHAR) IS NULL OR ta.period = $period)
  AND (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
ORDER BY ta.entity_code, t.sort_order
