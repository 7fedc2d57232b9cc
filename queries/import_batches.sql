-- The history of import batches, newest first, for the "Cargar datos" page and `egov batches`.
SELECT batch_id, kind, file_name, sha256, is_synthetic, rows_total, rows_new, rows_changed,
       rows_unchanged, user_name, user_role, created_at, undone_at, undone_by
FROM import_batch
ORDER BY batch_id DESC
