-- A right password gives its slot back (earlier failures stay until their window ends).
UPDATE sign_in_throttle
SET attempts = greatest(attempts - 1, 0)
WHERE scope = $scope AND subject = $subject AND window_start > $now - to_seconds($window_seconds)
