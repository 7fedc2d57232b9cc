-- An entity's findings with their NAG attributes (condición = text_es, criterio, causa, efecto: NULL when
-- the report does not say), their report, and the recommendations that answer each.
SELECT f.entity_code, f.period, f.framework_code, f.report_number, f.finding_no, f.area_code,
       ar.name_es AS area_name_es, ar.name_en AS area_name_en,
       f.text_es AS condition_es, f.criterion_es, f.cause_es, f.effect_es,
       (SELECT list(l.rec_no ORDER BY l.rec_no) FROM recommendation_finding l
         JOIN recommendation r ON r.entity_code = l.entity_code AND r.report_number = l.report_number
                              AND r.rec_no = l.rec_no
         WHERE l.entity_code = f.entity_code AND l.finding_no = f.finding_no AND r.period = f.period
           AND r.framework_code = f.framework_code) AS answered_by,
       coalesce(f.is_synthetic, false) AS is_synthetic
FROM finding f
LEFT JOIN area ar ON ar.framework_code = f.framework_code AND ar.area_code = f.area_code
WHERE f.entity_code = $entity
  AND (CAST($period AS VARCHAR) IS NULL OR f.period = $period)
ORDER BY f.period DESC, ar.sort_order NULLS LAST, f.finding_no
