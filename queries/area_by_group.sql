-- Mean area score by group of entities (by sector or by level of
-- government: $dimension = 'sector' | 'gov_level'), over the entities in
-- scope in one round. An entity without a score in an area does not count
-- in that area's mean (never as zero); `entities` says how many do.
-- mean_index is the group's mean composite index, for ordering the groups.
WITH areas AS ({{ area_scores }}),
scored AS (
    SELECT a.*, CASE WHEN $dimension = 'sector' THEN e.sector ELSE e.gov_level END AS group_value
    FROM areas a
    JOIN entity e USING (entity_code)
    WHERE (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
      AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
      AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
),
-- An entity under the framework's minimum coverage (entity_scores.sql) has no index to average.
indexed AS (
    SELECT group_value, entity_code,
           CASE WHEN coalesce(sum(criteria_assessed)
                              / nullif(sum(criteria_total) - sum(criteria_not_applicable), 0), 0)
                     >= (SELECT coalesce(min(min_coverage), 0) FROM framework WHERE framework_code = $framework)
                THEN sum(area_weight * area_score) FILTER (WHERE area_score IS NOT NULL)
                     / sum(area_weight) FILTER (WHERE area_score IS NOT NULL) END AS index_value
    FROM scored
    GROUP BY group_value, entity_code
),
group_index AS (
    SELECT group_value, avg(index_value) AS mean_index, count(index_value) AS entities_indexed
    FROM indexed
    GROUP BY ALL
)
SELECT s.group_value, s.area_code, s.area_name_es, s.area_name_en, s.area_order,
       avg(s.area_score) AS mean_score, count(s.area_score) AS entities,
       gi.mean_index, gi.entities_indexed
FROM scored s
JOIN group_index gi USING (group_value)
GROUP BY ALL
ORDER BY gi.mean_index DESC NULLS LAST, s.group_value, s.area_order
