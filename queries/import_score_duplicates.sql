-- Rows of the staged score file (_score_rows) that repeat an earlier row's key (entity, gestión,
-- framework, criterion, source: a declaration is no duplicate of a verification). Identical in
-- every cell: a duplicate; otherwise the two contradict each other. `other` is the first row.
WITH keyed AS (
    SELECT *, coalesce(fuente, 'verificado') AS source_key
    FROM _score_rows
    WHERE entidad IS NOT NULL AND gestion IS NOT NULL AND marco IS NOT NULL AND criterio IS NOT NULL
),
-- the first row of each key by a grouped min, not a window: on a national file it spills to disk
firsts AS (
    SELECT entidad, gestion, marco, criterio, source_key, min(idx) AS first_idx, count(*) AS rows_
    FROM keyed GROUP BY entidad, gestion, marco, criterio, source_key
),
repeated AS (
    SELECT r.*, k.first_idx
    FROM keyed r
    JOIN firsts k ON k.entidad = r.entidad AND k.gestion = r.gestion AND k.marco = r.marco
                 AND k.criterio = r.criterio AND k.source_key = r.source_key
    WHERE k.rows_ > 1
)
SELECT r.idx, f.number AS other,
       (r.entidad IS NOT DISTINCT FROM f.entidad AND r.gestion IS NOT DISTINCT FROM f.gestion
        AND r.marco IS NOT DISTINCT FROM f.marco AND r.criterio IS NOT DISTINCT FROM f.criterio
        AND r.puntaje IS NOT DISTINCT FROM f.puntaje AND r.estado IS NOT DISTINCT FROM f.estado
        AND r.evidencia IS NOT DISTINCT FROM f.evidencia AND r.fuente IS NOT DISTINCT FROM f.fuente
        AND r.informe IS NOT DISTINCT FROM f.informe AND r.fecha_emision IS NOT DISTINCT FROM f.fecha_emision
        AND r.solicitud IS NOT DISTINCT FROM f.solicitud
        AND r.fecha_solicitud IS NOT DISTINCT FROM f.fecha_solicitud) AS same
FROM repeated r JOIN keyed f ON f.idx = r.first_idx
WHERE r.idx <> r.first_idx
ORDER BY r.idx
