-- The criterion rows a staged score file (_score_rows) writes, verified or declared ($declared):
-- the status defaults to «evaluado» when there is a score and «desconocido» when not; only an
-- assessed criterion keeps its score, only a scope limitation its request.
WITH typed AS (
    SELECT *, coalesce(estado, CASE WHEN puntaje IS NOT NULL THEN 'evaluado' ELSE 'desconocido' END) AS status
    FROM _score_rows
)
SELECT entidad AS entity_code, gestion AS period, marco AS framework_code, criterio AS criterion_code, status,
       CASE WHEN status = 'evaluado' THEN puntaje END AS score,
       evidencia AS evidence,
       CASE WHEN status = 'limitacion' THEN solicitud END AS request_note,
       CASE WHEN status = 'limitacion' THEN fecha_solicitud END AS request_date
FROM typed
WHERE (fuente IS NOT DISTINCT FROM 'declarado') = $declared
ORDER BY idx
