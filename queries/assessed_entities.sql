-- The entities assessed with a framework (in any round), with what the
-- sidebar filters choose by: sector and level of government.
SELECT DISTINCT e.entity_code, e.name, e.acronym, e.sector, e.gov_level, e.department
FROM entity e
JOIN assessment a ON a.entity_code = e.entity_code AND a.framework_code = $framework
ORDER BY e.name
