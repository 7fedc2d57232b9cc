-- The adoption-ladder steps of one framework (step 0 first), for the ladder chart.
SELECT step, name_es, name_en
FROM ladder_step
WHERE framework_code = $framework
ORDER BY step
