-- The adoption-ladder steps of a framework, step 0 first.
SELECT step, name_es, name_en
FROM ladder_step
WHERE framework_code = $framework
ORDER BY step
