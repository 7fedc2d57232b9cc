-- 009: which criteria belong to which version of a framework. The store keeps
-- one definition per framework code and imports upsert, so a criterion retired
-- by a new version (2025.1 drops HERR.5 and HERR.8 of 2024.1) stayed in the
-- store and kept being scored. From here, importing a framework file with its
-- 'marco' row records the criteria that file lists as that version's members;
-- an assessment counts only the criteria of the version it was scored under
-- (assessment.framework_version, migration 002), so assessments under the old
-- version keep their criteria and those under the new one lose the retired
-- ones. A criterion with no recorded membership (written by a file without a
-- 'marco' row) counts in every version, as before.
-- Existing stores: every stored criterion is a member of the framework's
-- current version and of every version an assessment carries — exactly what
-- was scored until now (the store cannot tell what an earlier file listed).
-- Re-importing the current framework file then retires what it no longer lists.
CREATE TABLE criterion_version (
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    version        VARCHAR NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, criterion_code, version)
);
INSERT INTO criterion_version (framework_code, criterion_code, version, batch_id)
SELECT DISTINCT c.framework_code, c.criterion_code, v.version, c.batch_id
FROM criterion c
JOIN (SELECT framework_code, version FROM framework WHERE version IS NOT NULL
      UNION
      SELECT framework_code, framework_version FROM assessment WHERE framework_version IS NOT NULL) v
  ON v.framework_code = c.framework_code;
