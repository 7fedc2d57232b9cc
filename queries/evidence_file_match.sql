-- The stored files whose SHA-256 starts with $prefix (lower-case hex), without their content.
SELECT sha256, media_type, size_bytes
FROM evidence_file
WHERE starts_with(sha256, $prefix)
ORDER BY sha256
