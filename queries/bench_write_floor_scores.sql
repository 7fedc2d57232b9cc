-- Benchmark floor (see bench_write_floor_assessments.sql): the score rows themselves.
INSERT INTO criterion_score (entity_code, period, framework_code, criterion_code, status, score, evidence, batch_id)
SELECT entidad, CAST(periodo AS VARCHAR), marco, criterio, estado, CAST(puntaje AS DOUBLE), evidencia, $batch
FROM read_csv($path, header = true, dateformat = '%d/%m/%Y')
