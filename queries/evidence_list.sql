-- The evidence references, with their file's detected media type and size
-- (NULL when the reference has no file). $entity, $period, $framework: NULL = all.
-- A follow-up rating has no gestión of its own: it is listed under its recommendation's.
SELECT e.evidence_id, e.target, e.entity_code,
       coalesce(e.period, r.period) AS period,
       coalesce(e.framework_code, r.framework_code) AS framework_code,
       e.criterion_code, e.finding_no, e.report_number, e.rec_no, e.status_date,
       e.document_name, e.document_number, e.document_date, e.report_section, e.working_paper,
       e.file_sha256, e.file_name, f.media_type, f.size_bytes,
       e.is_synthetic, e.recorded_by, e.recorded_at, e.batch_id
FROM evidence e
LEFT JOIN evidence_file f ON f.sha256 = e.file_sha256
LEFT JOIN recommendation r ON e.target = 'seguimiento' AND r.entity_code = e.entity_code
     AND r.report_number = e.report_number AND r.rec_no = e.rec_no
WHERE (CAST($entity AS VARCHAR) IS NULL OR e.entity_code = $entity)
  AND (CAST($period AS VARCHAR) IS NULL OR coalesce(e.period, r.period) = $period)
  AND (CAST($framework AS VARCHAR) IS NULL OR coalesce(e.framework_code, r.framework_code) = $framework)
ORDER BY e.entity_code, period, e.target, e.criterion_code, e.finding_no, e.report_number, e.rec_no,
         e.status_date, e.recorded_at, e.evidence_id
