-- The index and each area across rounds: the mean over the entities in scope
-- ($sectors, $levels, $entities: lists or NULL) assessed in each round, with
-- n, the number of entities behind each mean (a score that is missing does
-- not count: never as zero). series_code 'INDEX' is the composite index.
-- Pass $period NULL (every round); built on entity_scores.sql and area_scores.sql.
WITH scores AS ({{ entity_scores }}),
area_rows AS ({{ area_scores }})
SELECT period, 'INDEX' AS series_code, NULL AS area_name_es, NULL AS area_name_en, 0 AS series_order,
       avg(index_value) AS value, count(index_value) AS n
FROM scores
GROUP BY period
UNION ALL
SELECT a.period, a.area_code, a.area_name_es, a.area_name_en, a.area_order,
       avg(a.area_score), count(a.area_score)
FROM area_rows a
SEMI JOIN scores s ON s.entity_code = a.entity_code AND s.period = a.period
GROUP BY a.period, a.area_code, a.area_name_es, a.area_name_en, a.area_order
ORDER BY period, series_order
