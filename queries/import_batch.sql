-- One batch, read back after its transaction committed (COMMIT returning is not proof).
SELECT batch_id, kind, file_name, sha256, rows_total, rows_new, rows_changed, rows_unchanged,
       created_at, user_name,
       (SELECT count(*) FROM batch_change c WHERE c.batch_id = b.batch_id) AS changes_recorded
FROM import_batch b
WHERE batch_id = $batch_id
