-- Recommendations a follow-up file may update.
SELECT entity_code, report_number, rec_no FROM recommendation
