-- Take one sign-in slot for (scope, subject); an expired window starts again at $now.
-- Run only once sign_in_slot_free has found a free slot, in the same transaction
-- (writers are serialised, so nobody takes it in between). No RETURNING: PostgreSQL
-- through DuckDB's attach does not carry it.
UPDATE sign_in_throttle
SET window_start = CASE WHEN window_start <= $now - to_seconds($window_seconds) THEN $now ELSE window_start END,
    attempts     = CASE WHEN window_start <= $now - to_seconds($window_seconds) THEN 1 ELSE attempts + 1 END
WHERE scope = $scope AND subject = $subject
