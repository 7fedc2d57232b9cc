-- One row per assessed entity and period: the composite index (0–100, the
-- weighted mean of the areas that have a score), its coverage, the maturity
-- band and the competition rank within the period (ties, compared at two
-- decimals, share the best rank). Rank is over all entities of the period;
-- the optional filters ($sectors, $levels, $entities: lists or NULL) only
-- choose which rows come back.
--
-- Minimum coverage (migration 007): an entity whose coverage is below its
-- framework's min_coverage (NULL = none set: no minimum; egov.kinds
-- DEFAULT_MIN_COVERAGE_PERCENT) has no index_value, band or rank: its
-- «cobertura insuficiente» (something scored, too little) keeps it out of positions, averages and charts of
-- the index; index_computed keeps what the arithmetic gives, for the note.
-- declared_index (only for an entity that declared) is the same arithmetic
-- over its own view: its declaration where it gave one, the official result
-- elsewhere, so the gap to the official index is what verification changed;
-- verified_share = criteria scored from the supervisor's record / criteria scored.
WITH areas AS ({{ area_scores }}),
computed AS (
    SELECT entity_code, period,
           round(sum(area_weight * area_score) FILTER (WHERE area_score IS NOT NULL)
                 / sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 2) AS index_computed,
           CASE WHEN sum(criteria_declared) > 0
                THEN round(sum(area_weight * own_area_score) FILTER (WHERE own_area_score IS NOT NULL)
                           / sum(area_weight) FILTER (WHERE own_area_score IS NOT NULL), 2) END AS declared_index,
           sum(criteria_verified) / nullif(sum(criteria_assessed), 0) AS verified_share,
           sum(criteria_assessed) AS criteria_assessed,
           sum(criteria_not_applicable) AS criteria_not_applicable,
           sum(criteria_total) AS criteria_total,
           count(*) FILTER (WHERE area_score IS NOT NULL) AS areas_scored,
           count(*) AS areas_total
    FROM areas
    GROUP BY entity_code, period
),
minimum AS (
    SELECT coalesce(min_coverage, 0) AS min_coverage FROM framework WHERE framework_code = $framework
),
indexed AS (
    SELECT c.*, m.min_coverage,
           -- nothing scored at all is «sin dato», not insufficient coverage
           c.criteria_assessed > 0
               AND c.criteria_assessed / nullif(c.criteria_total - c.criteria_not_applicable, 0) < m.min_coverage
               AS coverage_insufficient,
           CASE WHEN coalesce(c.criteria_assessed / nullif(c.criteria_total - c.criteria_not_applicable, 0), 0)
                     >= m.min_coverage THEN c.index_computed END AS index_value
    FROM computed c CROSS JOIN minimum m
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
       r.index_computed, r.coverage_insufficient, r.min_coverage, r.declared_index, r.verified_share,
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
