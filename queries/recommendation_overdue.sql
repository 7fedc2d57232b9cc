-- Overdue recommendations (open and past their due date as of $as_of),
-- most days overdue first.
WITH recs AS ({{ recommendation_current }})
SELECT entity_code, entity_name, acronym, sector, gov_level, report_number, rec_no, period,
       area_code, area_name_es, area_name_en, text_es, due_date, status, status_date,
       days_overdue, is_synthetic
FROM recs
WHERE is_overdue
ORDER BY days_overdue DESC, entity_code, report_number, rec_no
