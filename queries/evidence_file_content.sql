-- One stored file's media type and bytes, by its full SHA-256.
SELECT media_type, content
FROM evidence_file
WHERE sha256 = $sha256
