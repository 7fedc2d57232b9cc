-- Stored evidence files whose bytes are not the ones their SHA-256 names (audit verify).
SELECT sha256
FROM evidence_file
WHERE sha256(content) <> sha256
ORDER BY sha256
