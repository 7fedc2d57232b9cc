-- One recommendation, with its report's issue date and the dates that
-- already hold a status: what recording a new status is checked against.
SELECT r.entity_code, r.report_number, r.rec_no, r.period, r.framework_code, r.area_code,
       (SELECT arg_max(x.deadline, x.revision) FROM implementation_schedule x
         WHERE x.entity_code = r.entity_code AND x.report_number = r.report_number AND x.rec_no = r.rec_no)
           AS due_date,
       (SELECT c.decision FROM recommendation_acceptance c
         WHERE c.entity_code = r.entity_code AND c.report_number = r.report_number AND c.rec_no = r.rec_no)
           AS acceptance,
       a.issue_date,
       (SELECT list(s.status_date ORDER BY s.status_date) FROM recommendation_status s
         WHERE s.entity_code = r.entity_code AND s.report_number = r.report_number
           AND s.rec_no = r.rec_no) AS recorded_dates
FROM recommendation r
LEFT JOIN assessment a
       ON a.entity_code = r.entity_code AND a.period = r.period AND a.framework_code = r.framework_code
WHERE r.entity_code = $entity AND r.report_number = $report AND r.rec_no = $rec_no
