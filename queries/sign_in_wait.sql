-- Seconds (scope, subject) must still wait: > 0 only while its window is full.
SELECT CASE WHEN attempts >= $limit AND window_start > $now - to_seconds($window_seconds)
            THEN ceil(epoch(window_start + to_seconds($window_seconds)) - epoch($now::TIMESTAMP))
            ELSE 0 END AS wait_seconds
FROM sign_in_throttle
WHERE scope = $scope AND subject = $subject
