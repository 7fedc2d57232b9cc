-- Status of the recommendations by supervision area as of $as_of: one
-- count per status, open, overdue and the share met among the applicable
-- ones (no_aplicable left out).
WITH recs AS ({{ recommendation_current }})
SELECT area_code, any_value(area_name_es) AS area_name_es, any_value(area_name_en) AS area_name_en,
       min(area_order) AS area_order,
       count(*) AS total,
       count(*) FILTER (WHERE status = 'pendiente') AS pendiente,
       count(*) FILTER (WHERE status = 'en_proceso') AS en_proceso,
       count(*) FILTER (WHERE status = 'cumplida') AS cumplida,
       count(*) FILTER (WHERE status = 'parcialmente_cumplida') AS parcialmente_cumplida,
       count(*) FILTER (WHERE status = 'no_cumplida') AS no_cumplida,
       count(*) FILTER (WHERE status = 'no_aplicable') AS no_aplicable,
       count(*) FILTER (WHERE is_open) AS open,
       count(*) FILTER (WHERE is_overdue) AS overdue,
       max(days_overdue) AS max_days_overdue,
       count(*) FILTER (WHERE is_met) / nullif(count(*) FILTER (WHERE is_applicable), 0) AS share_met,
       bool_or(is_synthetic) AS is_synthetic
FROM recs
GROUP BY area_code
ORDER BY area_order, area_code
