-- One programmed supervision by its key (no row: not programmed).
SELECT entity_code, period, work_kind, state, office, planned_start, planned_end, report_number, notes,
       coalesce(is_synthetic, false) AS is_synthetic, batch_id
FROM supervision_programme
WHERE entity_code = $entity AND period = $period AND work_kind = $work_kind
