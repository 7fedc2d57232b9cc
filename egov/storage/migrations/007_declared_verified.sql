-- 007: what the entity declares beside what the supervisor verified, and the
-- framework's minimum coverage (issue 16, part A).
--
-- criterion_score stays what it has always been: the supervisor's score (the
-- verified source, what every file imported until here holds).
-- criterion_declaration keeps the entity's own self-assessment (autoevaluación)
-- for the same key; importing a verification never touches it. Who recorded
-- each and when come from its batch (import_batch.user_name, created_at).
-- The official index takes the verified score where there is one and the
-- declared score otherwise (queries/criterion_results.sql).
CREATE TABLE criterion_declaration (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('evaluado', 'desconocido', 'no_aplica')),
    score          DOUBLE,
    evidence       VARCHAR,
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, period, framework_code, criterion_code),
    CHECK ((status = 'evaluado') = (score IS NOT NULL))
);

-- Minimum coverage (share of applicable criteria with a score, 0–1) below which
-- an entity's index is «cobertura insuficiente». NULL = none set, no minimum
-- (queries/entity_scores.sql), so frameworks stored before this migration
-- and undo of their earlier batches need no value written.
ALTER TABLE framework ADD COLUMN min_coverage DOUBLE;  -- PostgreSQL runs the twin 007_declared_verified.postgres.sql
