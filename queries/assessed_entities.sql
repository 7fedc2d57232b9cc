-- The entities assessed with a framework (in any round), with what the
-- sidebar filters choose by: sector and level of government; and the criticality group the
-- institution gave it (NULL = not recorded), which the profile states.
SELECT DISTINCT e.entity_code, e.name, e.acronym, e.sector, e.gov_level, e.department, e.criticality
FROM entity e
JOIN assessment a ON a.entity_code = e.entity_code AND a.framework_code = $framework
ORDER BY e.name
