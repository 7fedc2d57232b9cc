-- The dates at which the compliance index is read for its evolution: the issue date of every follow-up
-- report (informe de seguimiento) of the chosen entities ($entities: a list, or NULL for all), oldest first.
SELECT DISTINCT f.issue_date
FROM followup_report f
WHERE (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, f.entity_code))
  AND (NOT CAST($real_only AS BOOLEAN) OR NOT coalesce(f.is_synthetic, false))
ORDER BY f.issue_date
