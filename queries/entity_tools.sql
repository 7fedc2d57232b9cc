-- The e-government tools of the chosen entities ($entities, a list) in one
-- round: one row per entity assessed in that round and tool of the
-- framework, with the adoption status (NULL when nothing was recorded), the
-- number of procedures, the scope and the evidence. Rows in the shape the
-- tool matrix (egov.charts.grids.tool_matrix) reads.
SELECT e.entity_code, e.name, e.acronym, t.tool_code, t.name_es AS tool_name_es, t.name_en AS tool_name_en,
       t.sort_order, ta.status, ta.procedures_count, ta.scope, ta.evidence
FROM assessment a
JOIN entity e USING (entity_code)
JOIN tool t ON t.framework_code = a.framework_code
LEFT JOIN tool_adoption ta
       ON ta.entity_code = a.entity_code AND ta.period = a.period
      AND ta.framework_code = a.framework_code AND ta.tool_code = t.tool_code
WHERE a.framework_code = $framework AND a.period = $period
  AND list_contains($entities, a.entity_code)
ORDER BY list_position($entities, a.entity_code), t.sort_order
