-- What the follow-up rules of an import check against, per recommendation: the acceptance recorded (NULL =
-- none), the current agreed deadline (the latest schedule revision; NULL = no schedule yet), where that
-- deadline comes from, and the findings of the recommendation's assessment.
WITH schedule AS (
    SELECT entity_code, report_number, rec_no,
           arg_max(deadline, revision) AS deadline, arg_max(source, revision) AS source,
           max(revision) AS last_revision
    FROM implementation_schedule
    GROUP BY ALL
)
SELECT r.entity_code, r.report_number, r.rec_no, a.decision, s.deadline, s.source, s.last_revision
FROM recommendation r
LEFT JOIN recommendation_acceptance a USING (entity_code, report_number, rec_no)
LEFT JOIN schedule s USING (entity_code, report_number, rec_no)
