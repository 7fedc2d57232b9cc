-- Benchmark baseline: DuckDB alone reading a whole CSV file (every column of every row is
-- parsed: the row hash touches them all). Compared with the importer in bench/bench_import.py.
SELECT count(*) AS rows_read, sum(hash(t)) AS checksum
FROM read_csv($path, header = true, all_varchar = $all_varchar) t
