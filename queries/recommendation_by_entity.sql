-- Status of the recommendations by entity as of $as_of: one count per
-- status, open, overdue, the most days overdue, and the share met among the
-- applicable ones (no_aplicable left out).
WITH recs AS ({{ recommendation_current }})
SELECT entity_code, any_value(entity_name) AS entity_name, any_value(acronym) AS acronym,
       any_value(sector) AS sector, any_value(gov_level) AS gov_level,
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
GROUP BY entity_code
ORDER BY overdue DESC, open DESC, entity_code
