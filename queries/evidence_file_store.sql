-- Store a file once: nothing happens when a file with this SHA-256 is already there.
INSERT INTO evidence_file (sha256, media_type, size_bytes, content, stored_at, batch_id)
SELECT $sha256, $media_type, $size_bytes, $content, CAST(current_timestamp AS TIMESTAMP), $batch
WHERE NOT EXISTS (SELECT 1 FROM evidence_file WHERE sha256 = $sha256)
