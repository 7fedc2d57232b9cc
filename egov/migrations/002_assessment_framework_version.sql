-- 002: each assessment records the framework version it was scored under.
-- Rules change between rounds (DS 5340, DS 5519): when a framework is
-- re-imported with a new version, assessments scored afterwards carry the new
-- version and the trends mark the series break. Existing assessments get the
-- version their framework has now, the only one the store kept until here.
ALTER TABLE assessment ADD COLUMN framework_version VARCHAR;
UPDATE assessment SET framework_version = f.version
FROM framework f
WHERE f.framework_code = assessment.framework_code;
