-- Findings a recommendation may answer: (entity, period, framework, finding number).
SELECT entity_code, period, framework_code, finding_no FROM finding
