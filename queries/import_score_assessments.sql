-- The assessments a staged score file (_score_rows) writes: one per entity, gestión and framework,
-- with the report data of its first row; empty report cells keep what is stored, and the
-- assessment is scored under its framework's current version.
WITH first_rows AS (  -- a grouped min, not a window: on a national file it spills to disk
    SELECT min(idx) AS idx FROM _score_rows GROUP BY entidad, gestion, marco
),
firsts AS (
    SELECT s.idx, s.entidad, s.gestion, s.marco, s.informe, s.fecha_emision
    FROM _score_rows s JOIN first_rows USING (idx)
)
SELECT f.entidad AS entity_code, f.gestion AS period, f.marco AS framework_code,
       coalesce(f.informe, a.report_number) AS report_number,
       coalesce(f.fecha_emision, a.issue_date) AS issue_date,
       fw.version AS framework_version
FROM firsts f
LEFT JOIN assessment a
       ON a.entity_code = f.entidad AND a.period = f.gestion AND a.framework_code = f.marco
LEFT JOIN framework fw ON fw.framework_code = f.marco
ORDER BY f.idx
