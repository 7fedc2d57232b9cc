-- The e-government tools of a framework, in the framework's order.
SELECT tool_code, name_es, name_en, sort_order
FROM tool
WHERE framework_code = $framework
ORDER BY sort_order, tool_code
