-- Supervision reports a results file may refer to, with the framework of their assessment.
SELECT entity_code, report_number, framework_code FROM supervision_report
