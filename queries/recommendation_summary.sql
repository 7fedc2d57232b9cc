-- The follow-up in one row: how many recommendations are in scope, open,
-- overdue, met... as of $as_of, and the share met among the applicable ones
-- (no_aplicable is excluded from the denominator). The Resumen page and the
-- Seguimiento page read their counts from here, so they always agree.
WITH recs AS ({{ recommendation_current }})
SELECT count(*) AS total,
       count(*) FILTER (WHERE is_open) AS open,
       count(*) FILTER (WHERE is_overdue) AS overdue,
       count(*) FILTER (WHERE is_met) AS met,
       count(*) FILTER (WHERE status = 'pendiente') AS pendiente,
       count(*) FILTER (WHERE status = 'en_proceso') AS en_proceso,
       count(*) FILTER (WHERE status = 'cumplida') AS cumplida,
       count(*) FILTER (WHERE status = 'parcialmente_cumplida') AS parcialmente_cumplida,
       count(*) FILTER (WHERE status = 'no_cumplida') AS no_cumplida,
       count(*) FILTER (WHERE status = 'no_aplicable') AS no_aplicable,
       count(*) FILTER (WHERE is_applicable) AS applicable,
       count(*) FILTER (WHERE is_met) / nullif(count(*) FILTER (WHERE is_applicable), 0) AS share_met,
       count(*) FILTER (WHERE is_overdue) / nullif(count(*) FILTER (WHERE is_open), 0) AS share_open_overdue,
       max(days_overdue) AS max_days_overdue,
       count(DISTINCT entity_code) AS entities,
       count(DISTINCT entity_code) FILTER (WHERE is_overdue) AS entities_with_overdue,
       coalesce(bool_or(is_synthetic), false) AS any_synthetic
FROM recs
