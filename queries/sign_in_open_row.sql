-- The counter row of (scope, subject), created empty when it does not exist yet.
INSERT INTO sign_in_throttle (scope, subject, window_start, attempts)
VALUES ($scope, $subject, $now, 0)
ON CONFLICT DO NOTHING
