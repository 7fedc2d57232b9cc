-- One entity's supervision reports as recorded ($report NULL = all), newest first, with the provenance of
-- the record. The texts are as issued.
SELECT r.entity_code, r.report_number, r.period, r.framework_code, r.reference_es, r.objective_es, r.object_es,
       r.scope_es, r.period_examined, r.issue_date, r.issuing_office, r.work_kind,
       coalesce(r.is_synthetic, false) AS is_synthetic
FROM supervision_report r
WHERE r.entity_code = $entity
  AND (CAST($report AS VARCHAR) IS NULL OR r.report_number = $report)
  AND (CAST($period AS VARCHAR) IS NULL OR r.period = $period)
ORDER BY r.issue_date DESC NULLS LAST, r.report_number
