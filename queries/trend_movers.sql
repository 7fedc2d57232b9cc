-- Every entity in scope assessed with an index in both rounds, with its index
-- in $from_period and in $to_period and the change (points, rounded to two
-- decimals as the index is), largest rise first. Pass $period NULL; built on
-- entity_scores.sql (so the scope filters $sectors, $levels, $entities apply). Only the two rounds
-- are scored (ranks are within a round, so theirs are unchanged): every round's scores would cost
-- three times the rest at national size.
WITH every_score AS ({{ entity_scores }}),
scores AS (SELECT * FROM every_score WHERE period IN ($from_period, $to_period))
SELECT f.entity_code, f.name, f.acronym, f.sector, f.gov_level,
       f.index_value AS index_from, t.index_value AS index_to,
       round(t.index_value - f.index_value, 2) AS change,
       f.rank_in_period AS rank_from, t.rank_in_period AS rank_to,
       f.band_name_es AS band_from_es, f.band_name_en AS band_from_en,
       t.band_name_es AS band_to_es, t.band_name_en AS band_to_en
FROM scores f
JOIN scores t ON t.entity_code = f.entity_code AND t.period = $to_period
WHERE f.period = $from_period AND f.index_value IS NOT NULL AND t.index_value IS NOT NULL
ORDER BY change DESC, f.entity_code
