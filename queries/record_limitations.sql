-- Scope limitations of an entity's assessments: criteria whose document was requested and not provided,
-- with the request (note, date) as recorded.
SELECT s.period, s.framework_code, s.criterion_code, c.name_es AS criterion_name_es,
       c.name_en AS criterion_name_en, c.area_code, s.evidence, s.request_note, s.request_date,
       coalesce(s.is_synthetic, false) AS is_synthetic
FROM criterion_score s
LEFT JOIN criterion c USING (framework_code, criterion_code)
WHERE s.entity_code = $entity AND s.status = 'limitacion'
  AND (CAST($period AS VARCHAR) IS NULL OR s.period = $period)
ORDER BY s.period DESC, c.sort_order
