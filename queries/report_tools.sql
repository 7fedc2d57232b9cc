-- Every e-government tool of the framework with one entity's adoption in one
-- round: status (NULL when the report says nothing), procedures and scope.
-- Tools with no record are kept so the report shows what was not assessed.
SELECT t.tool_code, t.name_es, t.name_en, t.sort_order,
       ta.status, ta.procedures_count, ta.scope, ta.evidence
FROM tool t
LEFT JOIN tool_adoption ta
       ON ta.framework_code = t.framework_code AND ta.tool_code = t.tool_code
      AND ta.entity_code = $entity AND ta.period = $period
WHERE t.framework_code = $framework
ORDER BY t.sort_order
