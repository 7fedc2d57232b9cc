-- 002: each assessment records the framework version it was scored under.
-- Rules change between rounds (DS 5340, DS 5519): when a framework is
-- re-imported with a new version, assessments scored afterwards carry the new
-- version and the trends mark the series break. Existing assessments get the
-- version their framework has now, the only one the store kept until here.
ALTER TABLE assessment ADD COLUMN framework_version VARCHAR;
UPDATE assessment SET framework_version = f.version
FROM framework f
WHERE f.framework_code = assessment.framework_code;
-- Undo restores before-images: give the stored images of assessment rows the
-- same version, so undoing a batch written before this migration does not
-- blank it.
UPDATE batch_change SET before_row = json_merge_patch(before_row, json_object('framework_version', f.version))
FROM framework f
WHERE batch_change.table_name = 'assessment' AND batch_change.before_row IS NOT NULL
  AND f.framework_code = json_extract_string(batch_change.before_row, '$.framework_code');
UPDATE batch_change SET after_row = json_merge_patch(after_row, json_object('framework_version', f.version))
FROM framework f
WHERE batch_change.table_name = 'assessment'
  AND f.framework_code = json_extract_string(batch_change.after_row, '$.framework_code');
