-- The rules of a score file checked row by row, as one set: every offending row of the staged
-- file (_score_rows, registered by egov.ingest.bulk) with the rule it breaks.
-- `step` orders a row's problems as the row-by-row checker reports them (egov.ingest.validate).
-- Codes are already resolved (stored spelling; fw is NULL when the framework is unknown) and
-- known_criterion says whether (fw, criterio) names a stored criterion, with its scale.
WITH rows_ AS (
    SELECT * FROM _score_rows
),
score_rule AS (
    SELECT idx, 3 AS step,
           CASE
               WHEN estado = 'evaluado' AND puntaje IS NULL AND puntaje_blank THEN 'score_missing'
               WHEN estado IN ('desconocido', 'no_aplica', 'limitacion') AND puntaje IS NOT NULL
                   THEN 'score_with_status'
               WHEN puntaje IS NOT NULL AND known_criterion AND NOT (scale_min <= puntaje AND puntaje <= scale_max)
                   THEN 'out_of_scale'
           END AS code,
           'puntaje' AS column_name
    FROM rows_
),
flat_rules AS (
    SELECT idx, step, code, column_name FROM score_rule WHERE code IS NOT NULL
    UNION ALL
    -- «no aplica» needs its reason (evidence is NULL or already stripped and non-empty)
    SELECT idx, 4, 'not_applicable_reason', 'evidencia' FROM rows_ WHERE estado = 'no_aplica' AND evidencia IS NULL
    UNION ALL
    SELECT idx, 5, 'declared_limitation', 'estado' FROM rows_ WHERE estado = 'limitacion' AND fuente = 'declarado'
    UNION ALL
    SELECT idx, 6, 'request_without_limitation', 'solicitud' FROM rows_
    WHERE estado IS DISTINCT FROM 'limitacion' AND solicitud IS NOT NULL
    UNION ALL
    SELECT idx, 7, 'request_without_limitation', 'fecha_solicitud' FROM rows_
    WHERE estado IS DISTINCT FROM 'limitacion' AND fecha_solicitud IS NOT NULL
),
-- One assessment, one report: the first row of an assessment (with readable report cells) sets its
-- report number and date; a later row that differs contradicts it. (The first row by a grouped
-- min, not a window: an aggregate and a join spill to disk on a national file, a window does not.)
assessment_rows AS (
    SELECT idx, number, entidad, gestion, marco, informe, fecha_emision
    FROM rows_
    WHERE entidad IS NOT NULL AND gestion IS NOT NULL AND marco IS NOT NULL AND criterio IS NOT NULL
      AND NOT informe_unreadable AND NOT fecha_emision_unreadable
),
firsts AS (
    SELECT entidad, gestion, marco, min(idx) AS first_idx FROM assessment_rows GROUP BY entidad, gestion, marco
),
contradictions AS (
    SELECT r.idx, 8 AS step, 'assessment_contradiction' AS code,
           CASE WHEN f.informe IS DISTINCT FROM r.informe THEN 'informe' ELSE 'fecha_emision' END AS column_name,
           f.number AS other
    FROM assessment_rows r
    JOIN firsts k ON k.entidad = r.entidad AND k.gestion = r.gestion AND k.marco = r.marco
    JOIN assessment_rows f ON f.idx = k.first_idx
    WHERE r.idx <> k.first_idx
      AND (f.informe IS DISTINCT FROM r.informe OR f.fecha_emision IS DISTINCT FROM r.fecha_emision)
)
SELECT p.idx, p.step, p.code, p.column_name, p.other,
       r.estado AS status, r.scale_min, r.scale_max, r.criterio
FROM (SELECT idx, step, code, column_name, NULL::INTEGER AS other FROM flat_rules
      UNION ALL
      SELECT idx, step, code, column_name, other FROM contradictions) p
JOIN rows_ r USING (idx)
ORDER BY p.idx, p.step
