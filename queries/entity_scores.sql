-- One row per assessed entity and period: the composite index (0–100, the
-- weighted mean of the areas that have a score), its coverage, the maturity
-- band and the competition rank within the period (ties, compared at two
-- decimals, share the best rank). Rank is over all entities of the period;
-- the optional filters ($sectors, $levels, $entities: lists or NULL) only
-- choose which rows come back.
WITH areas AS ({{ area_scores }}),
indexed AS (
    SELECT entity_code, period,
           round(sum(area_weight * area_score) FILTER (WHERE area_score IS NOT NULL)
                 / sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 2) AS index_value,
           sum(criteria_assessed) AS criteria_assessed,
           sum(criteria_not_applicable) AS criteria_not_applicable,
           sum(criteria_total) AS criteria_total,
           count(*) FILTER (WHERE area_score IS NOT NULL) AS areas_scored,
           count(*) AS areas_total
    FROM areas
    GROUP BY entity_code, period
),
ranked AS (
    SELECT *, CASE WHEN index_value IS NOT NULL
                   THEN rank() OVER (PARTITION BY period, index_value IS NULL ORDER BY index_value DESC) END
              AS rank_in_period,
           count(index_value) OVER (PARTITION BY period) AS ranked_in_period
    FROM indexed
),
top_band AS (SELECT max(upper_bound) AS top FROM band WHERE framework_code = $framework)
SELECT e.entity_code, e.name, e.acronym, e.sector, e.gov_level, e.department,
       r.period, r.index_value, r.rank_in_period, r.ranked_in_period,
       b.band_code, b.name_es AS band_name_es, b.name_en AS band_name_en, b.sort_order AS band_order,
       r.criteria_assessed, r.criteria_not_applicable, r.criteria_total,
       r.criteria_assessed / nullif(r.criteria_total - r.criteria_not_applicable, 0) AS coverage,
       r.areas_scored, r.areas_total,
       a.report_number, a.issue_date, ib.is_synthetic
FROM ranked r
CROSS JOIN top_band tb
JOIN entity e USING (entity_code)
JOIN assessment a ON a.entity_code = r.entity_code AND a.period = r.period AND a.framework_code = $framework
LEFT JOIN import_batch ib ON ib.batch_id = a.batch_id
LEFT JOIN band b
       ON b.framework_code = $framework AND r.index_value >= b.lower_bound
      AND (r.index_value < b.upper_bound OR (r.index_value = b.upper_bound AND b.upper_bound = tb.top))
WHERE (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
ORDER BY r.period, r.rank_in_period NULLS LAST, e.entity_code
