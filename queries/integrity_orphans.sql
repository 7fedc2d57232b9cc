-- Rows whose parent row is missing. Runs inside every write transaction,
-- before COMMIT: any row here rolls the change back (see egov/store.py).
SELECT 'area' AS child_table, 'framework' AS missing_parent, a.framework_code || '/' || a.area_code AS row_key
FROM area a ANTI JOIN framework f USING (framework_code)
UNION ALL
SELECT 'criterion', 'area', c.framework_code || '/' || c.criterion_code
FROM criterion c ANTI JOIN area a USING (framework_code, area_code)
UNION ALL
SELECT 'criterion_level', 'criterion', l.framework_code || '/' || l.criterion_code || '/' || l.level
FROM criterion_level l ANTI JOIN criterion c USING (framework_code, criterion_code)
UNION ALL
SELECT 'band', 'framework', b.framework_code || '/' || b.band_code
FROM band b ANTI JOIN framework f USING (framework_code)
UNION ALL
SELECT 'tool', 'framework', t.framework_code || '/' || t.tool_code
FROM tool t ANTI JOIN framework f USING (framework_code)
UNION ALL
SELECT 'ladder_step', 'framework', s.framework_code || '/' || s.step
FROM ladder_step s ANTI JOIN framework f USING (framework_code)
UNION ALL
SELECT 'ladder_requirement', 'ladder_step/tool', r.framework_code || '/' || r.step || '/' || r.tool_code
FROM ladder_requirement r
WHERE NOT EXISTS (SELECT 1 FROM ladder_step s WHERE s.framework_code = r.framework_code AND s.step = r.step)
   OR NOT EXISTS (SELECT 1 FROM tool t WHERE t.framework_code = r.framework_code AND t.tool_code = r.tool_code)
UNION ALL
SELECT 'assessment', 'entity/framework', a.entity_code || '/' || a.period || '/' || a.framework_code
FROM assessment a
WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.entity_code = a.entity_code)
   OR NOT EXISTS (SELECT 1 FROM framework f WHERE f.framework_code = a.framework_code)
UNION ALL
SELECT 'criterion_score', 'assessment/criterion', s.entity_code || '/' || s.period || '/' || s.criterion_code
FROM criterion_score s
WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.entity_code = s.entity_code AND a.period = s.period
                  AND a.framework_code = s.framework_code)
   OR NOT EXISTS (SELECT 1 FROM criterion c WHERE c.framework_code = s.framework_code
                  AND c.criterion_code = s.criterion_code)
UNION ALL
SELECT 'criterion_declaration', 'assessment/criterion', s.entity_code || '/' || s.period || '/' || s.criterion_code
FROM criterion_declaration s
WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.entity_code = s.entity_code AND a.period = s.period
                  AND a.framework_code = s.framework_code)
   OR NOT EXISTS (SELECT 1 FROM criterion c WHERE c.framework_code = s.framework_code
                  AND c.criterion_code = s.criterion_code)
UNION ALL
SELECT 'tool_adoption', 'assessment/tool', t.entity_code || '/' || t.period || '/' || t.tool_code
FROM tool_adoption t
WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.entity_code = t.entity_code AND a.period = t.period
                  AND a.framework_code = t.framework_code)
   OR NOT EXISTS (SELECT 1 FROM tool x WHERE x.framework_code = t.framework_code AND x.tool_code = t.tool_code)
UNION ALL
SELECT 'interop_partner', 'assessment', p.entity_code || '/' || p.period || '/' || p.partner_name
FROM interop_partner p ANTI JOIN assessment a USING (entity_code, period, framework_code)
UNION ALL
SELECT 'finding', 'assessment/area', f.entity_code || '/' || f.period || '/' || f.finding_no
FROM finding f
WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.entity_code = f.entity_code AND a.period = f.period
                  AND a.framework_code = f.framework_code)
   OR NOT EXISTS (SELECT 1 FROM area x WHERE x.framework_code = f.framework_code AND x.area_code = f.area_code)
UNION ALL
SELECT 'recommendation', 'assessment/area', r.entity_code || '/' || r.report_number || '/' || r.rec_no
FROM recommendation r
WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.entity_code = r.entity_code AND a.period = r.period
                  AND a.framework_code = r.framework_code)
   OR NOT EXISTS (SELECT 1 FROM area x WHERE x.framework_code = r.framework_code AND x.area_code = r.area_code)
UNION ALL
SELECT 'recommendation_status', 'recommendation', s.entity_code || '/' || s.report_number || '/' || s.rec_no
FROM recommendation_status s ANTI JOIN recommendation r USING (entity_code, report_number, rec_no)
UNION ALL
SELECT 'supervision_report', 'assessment', r.entity_code || '/' || r.report_number
FROM supervision_report r ANTI JOIN assessment a USING (entity_code, period, framework_code)
UNION ALL
SELECT 'report_result', 'supervision_report/area', x.entity_code || '/' || x.report_number || '/' || x.area_code
FROM report_result x
WHERE NOT EXISTS (SELECT 1 FROM supervision_report r WHERE r.entity_code = x.entity_code
                  AND r.report_number = x.report_number)
   OR NOT EXISTS (SELECT 1 FROM supervision_report r JOIN area ar ON ar.framework_code = r.framework_code
                  WHERE r.entity_code = x.entity_code AND r.report_number = x.report_number
                    AND ar.area_code = x.area_code)
UNION ALL
SELECT 'recommendation_finding', 'recommendation/finding',
       l.entity_code || '/' || l.report_number || '/' || l.rec_no || '/' || l.finding_no
FROM recommendation_finding l
WHERE NOT EXISTS (SELECT 1 FROM recommendation r JOIN finding f
                    ON f.entity_code = r.entity_code AND f.period = r.period AND f.framework_code = r.framework_code
                  WHERE r.entity_code = l.entity_code AND r.report_number = l.report_number
                    AND r.rec_no = l.rec_no AND f.finding_no = l.finding_no)
UNION ALL
SELECT 'recommendation_acceptance', 'recommendation', x.entity_code || '/' || x.report_number || '/' || x.rec_no
FROM recommendation_acceptance x ANTI JOIN recommendation r USING (entity_code, report_number, rec_no)
UNION ALL
SELECT 'implementation_schedule', 'recommendation', x.entity_code || '/' || x.report_number || '/' || x.rec_no
FROM implementation_schedule x ANTI JOIN recommendation r USING (entity_code, report_number, rec_no)
UNION ALL
SELECT 'followup_report', 'entity', x.entity_code || '/' || x.followup_number
FROM followup_report x ANTI JOIN entity e USING (entity_code)
UNION ALL
SELECT 'recommendation_status', 'followup_report', s.entity_code || '/' || s.followup_number
FROM recommendation_status s
WHERE s.followup_number IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM followup_report f WHERE f.entity_code = s.entity_code
                  AND f.followup_number = s.followup_number)
UNION ALL
SELECT 'evidence', 'criterion_score', e.entity_code || '/' || e.period || '/' || e.criterion_code
FROM evidence e
WHERE e.target = 'puntaje'
  AND NOT EXISTS (SELECT 1 FROM criterion_score s WHERE s.entity_code = e.entity_code AND s.period = e.period
                  AND s.framework_code = e.framework_code AND s.criterion_code = e.criterion_code)
UNION ALL
SELECT 'evidence', 'finding', e.entity_code || '/' || e.period || '/' || e.finding_no
FROM evidence e
WHERE e.target = 'hallazgo'
  AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.entity_code = e.entity_code AND f.period = e.period
                  AND f.framework_code = e.framework_code AND f.finding_no = e.finding_no)
UNION ALL
SELECT 'evidence', 'recommendation_status', e.entity_code || '/' || e.report_number || '/' || e.rec_no
FROM evidence e
WHERE e.target = 'seguimiento'
  AND NOT EXISTS (SELECT 1 FROM recommendation_status s WHERE s.entity_code = e.entity_code
                  AND s.report_number = e.report_number AND s.rec_no = e.rec_no
                  AND s.status_date = e.status_date)
UNION ALL
SELECT 'evidence', 'evidence_file', e.evidence_id || '/' || e.file_sha256
FROM evidence e
WHERE e.file_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence_file f WHERE f.sha256 = e.file_sha256)
UNION ALL
SELECT 'supervision_programme', 'entity', p.entity_code || '/' || p.period || '/' || p.work_kind
FROM supervision_programme p ANTI JOIN entity e USING (entity_code)
