-- One entity's area scores in one round beside the mean of its peer group:
-- the OTHER entities assessed in that round with the same sector
-- ($peer_by = 'sector'), level of government ('level'), department
-- ('department') or complexity group ('complexity', see entity_peer_groups.sql).
-- A peer that has no score in an area does not count in that area's mean
-- (peer_n says how many did); an area the entity has no score in stays NULL.
-- An entity without a department or complexity group has no peers by it.
-- $real_only (true on an official page: the deck about one entity) leaves out
-- the peers whose assessment of the round comes from a synthetic batch.
WITH area_rows AS ({{ area_scores }}),
groups AS ({{ entity_peer_groups }}),
me AS (SELECT * FROM groups WHERE entity_code = $entity),
synthetic AS (
    SELECT a.entity_code
    FROM assessment a
    JOIN import_batch ib ON ib.batch_id = a.batch_id
    WHERE a.framework_code = $framework AND a.period = $period AND ib.is_synthetic
),
peers AS (
    SELECT g.entity_code
    FROM groups g CROSS JOIN me
    WHERE g.entity_code <> me.entity_code
      AND (NOT coalesce(CAST($real_only AS BOOLEAN), false)
           OR g.entity_code NOT IN (SELECT entity_code FROM synthetic))
      AND CASE $peer_by WHEN 'sector' THEN g.sector = me.sector
                        WHEN 'level' THEN g.gov_level = me.gov_level
                        WHEN 'department' THEN g.department = me.department
                        WHEN 'complexity' THEN g.complexity_group = me.complexity_group END
)
SELECT a.area_code, a.area_name_es, a.area_name_en, a.area_order, a.area_weight,
       max(a.area_score) FILTER (WHERE a.entity_code = $entity) AS entity_score,
       max(a.coverage) FILTER (WHERE a.entity_code = $entity) AS entity_coverage,
       avg(a.area_score) FILTER (WHERE a.entity_code IN (SELECT entity_code FROM peers)) AS peer_score,
       count(a.area_score) FILTER (WHERE a.entity_code IN (SELECT entity_code FROM peers)) AS peer_n,
       count(DISTINCT a.entity_code) FILTER (WHERE a.entity_code IN (SELECT entity_code FROM peers)) AS group_n,
       (SELECT CASE $peer_by WHEN 'sector' THEN sector WHEN 'level' THEN gov_level
                             WHEN 'department' THEN department ELSE complexity_group END FROM me) AS group_value,
       (SELECT $peer_by = 'complexity' AND complexity_computed FROM me) AS group_computed
FROM area_rows a
GROUP BY a.area_code, a.area_name_es, a.area_name_en, a.area_order, a.area_weight
ORDER BY a.area_order
