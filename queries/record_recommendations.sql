-- A report's recommendations as issued: the text, the heading the report groups them under, the editorial
-- correction kept beside the text (never over it), and the findings each answers.
SELECT r.rec_no, r.area_code, r.text_es, r.group_heading_es, r.corrected_text_es, r.correction_note,
       (SELECT list(l.finding_no ORDER BY l.finding_no) FROM recommendation_finding l
         WHERE l.entity_code = r.entity_code AND l.report_number = r.report_number AND l.rec_no = r.rec_no)
           AS findings,
       coalesce(r.is_synthetic, false) AS is_synthetic
FROM recommendation r
WHERE r.entity_code = $entity AND r.report_number = $report
ORDER BY r.rec_no
