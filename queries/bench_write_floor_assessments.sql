-- Benchmark floor, with bench_write_floor_scores.sql: DuckDB alone writing a score file's rows
-- (no check, no preview, no before-image, no audit entry, no backup), in one transaction.
-- bench/bench_import.py compares the importer's end-to-end time with it.
INSERT INTO assessment (entity_code, period, framework_code, report_number, issue_date, batch_id)
SELECT DISTINCT entidad, CAST(periodo AS VARCHAR), marco, informe, fecha_emision, $batch
FROM read_csv($path, header = true, dateformat = '%d/%m/%Y')
