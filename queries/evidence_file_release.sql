-- After an undo: drop the stored files no reference uses any more.
DELETE FROM evidence_file
WHERE sha256 NOT IN (SELECT file_sha256 FROM evidence WHERE file_sha256 IS NOT NULL)
