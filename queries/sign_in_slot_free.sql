-- One row when (scope, subject) may take a sign-in slot now: its window has
-- expired (it starts again at $now) or holds fewer than $limit slots.
-- Run after sign_in_open_row, inside the transaction that then takes the slot.
SELECT 1 AS free
FROM sign_in_throttle
WHERE scope = $scope AND subject = $subject
  AND (window_start <= $now - to_seconds($window_seconds) OR attempts < $limit)
