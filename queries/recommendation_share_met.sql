-- The share met per round (the period of the report that issued the
-- recommendations), as of $as_of: met / applicable, where no_aplicable is
-- left out of the denominator; with open and overdue counts beside it.
WITH recs AS ({{ recommendation_current }})
SELECT period,
       count(*) AS total,
       count(*) FILTER (WHERE is_applicable) AS applicable,
       count(*) FILTER (WHERE is_met) AS met,
       count(*) FILTER (WHERE status = 'parcialmente_cumplida') AS partially_met,
       count(*) FILTER (WHERE is_open) AS open,
       count(*) FILTER (WHERE is_overdue) AS overdue,
       count(*) FILTER (WHERE status = 'no_aplicable') AS not_applicable,
       count(*) FILTER (WHERE is_met) / nullif(count(*) FILTER (WHERE is_applicable), 0) AS share_met,
       bool_or(is_synthetic) AS is_synthetic
FROM recs
GROUP BY period
ORDER BY period
