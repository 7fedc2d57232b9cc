-- Area score (0–100) of every assessment in scope: the weighted mean of the
-- criteria assessed in the area. Coverage = assessed / (criteria − not
-- applicable); an area with nothing assessed has no score (never zero).
WITH results AS ({{ criterion_results }})
SELECT r.entity_code, r.period, ar.area_code, ar.name_es AS area_name_es, ar.name_en AS area_name_en,
       ar.weight AS area_weight, ar.sort_order AS area_order,
       100 * sum(r.weight * r.normalised) FILTER (WHERE r.status = 'evaluado')
           / sum(r.weight) FILTER (WHERE r.status = 'evaluado') AS area_score,
       count(*) FILTER (WHERE r.status = 'evaluado') AS criteria_assessed,
       count(*) FILTER (WHERE r.status = 'no_aplica') AS criteria_not_applicable,
       count(*) AS criteria_total,
       count(*) FILTER (WHERE r.status = 'evaluado' AND r.source = 'verificado') AS criteria_verified,
       count(r.declared_status) AS criteria_declared,
       -- The entity's own view (its declaration where it gave one, the official result elsewhere);
       -- declared_area_score is the same, NULL where it declared nothing in the area.
       100 * sum(r.weight * r.own_normalised) FILTER (WHERE r.own_status = 'evaluado')
           / sum(r.weight) FILTER (WHERE r.own_status = 'evaluado') AS own_area_score,
       CASE WHEN count(r.declared_status) > 0
            THEN 100 * sum(r.weight * r.own_normalised) FILTER (WHERE r.own_status = 'evaluado')
                 / sum(r.weight) FILTER (WHERE r.own_status = 'evaluado') END AS declared_area_score,
       count(*) FILTER (WHERE r.status = 'evaluado')
           / nullif(count(*) - count(*) FILTER (WHERE r.status = 'no_aplica'), 0) AS coverage
FROM results r
JOIN area ar ON ar.framework_code = $framework AND ar.area_code = r.area_code
GROUP BY ALL
ORDER BY r.entity_code, r.period, ar.sort_order
