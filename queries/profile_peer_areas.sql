-- One entity's area scores in one round beside the mean of its peer group:
-- the OTHER entities assessed in that round with the same sector
-- ($peer_by = 'sector') or the same level of government ($peer_by = 'level').
-- A peer that has no score in an area does not count in that area's mean
-- (peer_n says how many did); an area the entity has no score in stays NULL.
WITH area_rows AS ({{ area_scores }}),
me AS (SELECT entity_code, sector, gov_level FROM entity WHERE entity_code = $entity),
peers AS (
    SELECT e.entity_code
    FROM entity e CROSS JOIN me
    WHERE e.entity_code <> me.entity_code
      AND CASE WHEN $peer_by = 'sector' THEN e.sector = me.sector ELSE e.gov_level = me.gov_level END
)
SELECT a.area_code, a.area_name_es, a.area_name_en, a.area_order, a.area_weight,
       max(a.area_score) FILTER (WHERE a.entity_code = $entity) AS entity_score,
       max(a.coverage) FILTER (WHERE a.entity_code = $entity) AS entity_coverage,
       avg(a.area_score) FILTER (WHERE a.entity_code IN (SELECT entity_code FROM peers)) AS peer_score,
       count(a.area_score) FILTER (WHERE a.entity_code IN (SELECT entity_code FROM peers)) AS peer_n
FROM area_rows a
GROUP BY a.area_code, a.area_name_es, a.area_name_en, a.area_order, a.area_weight
ORDER BY a.area_order
