-- Follow-ups that fall due between $start and $end: open recommendations whose agreed deadline (the latest
-- revision of their implementation schedule) lies in that window, as of $as_of. A recommendation without a
-- schedule has no deadline and never appears here. Days overdue as of $as_of when the deadline has passed.
WITH recs AS ({{ recommendation_current }})
SELECT entity_code, entity_name, acronym, sector, gov_level, report_number, rec_no, area_code,
       area_name_es, area_name_en, text_es, due_date, status, stage, is_overdue, days_overdue, is_synthetic
FROM recs
WHERE is_open AND due_date IS NOT NULL
  AND due_date >= CAST($start AS DATE) AND due_date <= CAST($end AS DATE)
ORDER BY due_date, entity_code, report_number, rec_no
