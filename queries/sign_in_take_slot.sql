-- Take one sign-in slot for (scope, subject) unless the window is full.
-- Returns one row (the slots now taken) when the attempt may be evaluated,
-- none when it is refused. An expired window starts again at $now.
-- Run after sign_in_open_row, inside one transaction.
UPDATE sign_in_throttle
SET window_start = CASE WHEN window_start <= $now - to_seconds($window_seconds) THEN $now ELSE window_start END,
    attempts     = CASE WHEN window_start <= $now - to_seconds($window_seconds) THEN 1 ELSE attempts + 1 END
WHERE scope = $scope AND subject = $subject
  AND (window_start <= $now - to_seconds($window_seconds) OR attempts < $limit)
RETURNING attempts
