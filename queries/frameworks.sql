-- Frameworks in the store, the most used first.
SELECT f.framework_code, f.version, f.name_es, f.name_en, f.description_es,
       count(a.entity_code) AS assessments
FROM framework f
LEFT JOIN assessment a USING (framework_code)
GROUP BY ALL
ORDER BY assessments DESC, f.framework_code
