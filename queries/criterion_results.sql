-- Every criterion of a framework for every assessment in scope, with its
-- result: an explicit score, or, for a criterion tied to an e-government
-- tool, the tool's adoption status (ninguna=0, planificada=1, propia=2,
-- plataforma=3) placed on the criterion's scale. An explicit score wins.
-- Criteria with no result are kept (status 'sin_dato') so coverage is honest.
-- Only the criteria of the version the assessment was scored under count
-- (criterion_version, migration 009; a criterion without recorded versions
-- counts in all of them).
-- Two sources (migration 007): the supervisor's record (criterion_score, or the
-- tool adoption it recorded) is the verified source and wins; the entity's own
-- declaration (criterion_declaration) counts where the supervisor recorded
-- nothing. `source` says which one each result used; declared_* keep the
-- declaration beside it whatever the official result is (NULL: none), and
-- own_* are the entity's own view: its declaration where it gave one, the
-- official result elsewhere (what the declared index is computed from).
WITH scope AS (
    SELECT a.entity_code, a.period, a.framework_code, a.framework_version
    FROM assessment a
    WHERE a.framework_code = $framework
      AND (CAST($period AS VARCHAR) IS NULL OR a.period = $period)
),
status_rank (status, status_value) AS (
    VALUES ('ninguna', 0), ('planificada', 1), ('propia', 2), ('plataforma', 3)
),
from_tools AS (
    SELECT ta.entity_code, ta.period, c.criterion_code,
           'evaluado' AS status,
           c.scale_min + (c.scale_max - c.scale_min) * sr.status_value / 3.0 AS score,
           'Estado de adopción: ' || ta.status
               || coalesce(' — ' || ta.scope, '') AS evidence
    FROM tool_adoption ta
    JOIN status_rank sr USING (status)
    JOIN criterion c ON c.framework_code = ta.framework_code AND c.tool_code = ta.tool_code
    WHERE ta.framework_code = $framework
)
SELECT s.entity_code, s.period, c.area_code, c.criterion_code, c.name_es, c.name_en,
       c.weight, c.scale_min, c.scale_max, c.sort_order, c.tool_code,
       coalesce(cs.status, ft.status, cd.status, 'sin_dato') AS status,
       CASE WHEN cs.status IS NOT NULL THEN cs.score WHEN ft.status IS NOT NULL THEN ft.score ELSE cd.score END
           AS score,
       (CASE WHEN cs.status IS NOT NULL THEN cs.score WHEN ft.status IS NOT NULL THEN ft.score ELSE cd.score END
           - c.scale_min) / (c.scale_max - c.scale_min) AS normalised,
       CASE WHEN cs.status IS NOT NULL THEN cs.evidence WHEN ft.status IS NOT NULL THEN ft.evidence
            ELSE cd.evidence END AS evidence,
       cs.status IS NULL AND ft.status IS NOT NULL AS derived_from_tool,
       CASE WHEN cs.status IS NOT NULL OR ft.status IS NOT NULL THEN 'verificado'
            WHEN cd.status IS NOT NULL THEN 'declarado' END AS source,
       cd.status AS declared_status, cd.score AS declared_score,
       (cd.score - c.scale_min) / (c.scale_max - c.scale_min) AS declared_normalised,
       cd.evidence AS declared_evidence,
       coalesce(cd.status, cs.status, ft.status, 'sin_dato') AS own_status,
       (CASE WHEN cd.status IS NOT NULL THEN cd.score WHEN cs.status IS NOT NULL THEN cs.score ELSE ft.score END
           - c.scale_min) / (c.scale_max - c.scale_min) AS own_normalised
FROM scope s
JOIN criterion c ON c.framework_code = s.framework_code
 AND (s.framework_version IS NULL
      OR EXISTS (SELECT 1 FROM criterion_version cv
                 WHERE cv.framework_code = c.framework_code AND cv.criterion_code = c.criterion_code
                   AND cv.version = s.framework_version)
      OR NOT EXISTS (SELECT 1 FROM criterion_version cv
                     WHERE cv.framework_code = c.framework_code AND cv.criterion_code = c.criterion_code))
LEFT JOIN criterion_score cs
       ON cs.entity_code = s.entity_code AND cs.period = s.period
      AND cs.framework_code = s.framework_code AND cs.criterion_code = c.criterion_code
LEFT JOIN criterion_declaration cd
       ON cd.entity_code = s.entity_code AND cd.period = s.period
      AND cd.framework_code = s.framework_code AND cd.criterion_code = c.criterion_code
LEFT JOIN from_tools ft
       ON ft.entity_code = s.entity_code AND ft.period = s.period AND ft.criterion_code = c.criterion_code
