-- Assessments (entity, period, framework) already stored, with their report data.
SELECT entity_code, period, framework_code, report_number, issue_date FROM assessment
