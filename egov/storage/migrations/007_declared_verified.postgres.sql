-- 007 on PostgreSQL (see 007_declared_verified.sql): DuckDB's attach writes its DOUBLE as "double",
-- a type PostgreSQL does not have, so this twin runs natively.
CREATE TABLE criterion_declaration (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('evaluado', 'desconocido', 'no_aplica')),
    score          DOUBLE PRECISION,
    evidence       VARCHAR,
    batch_id       INTEGER NOT NULL,
    is_synthetic   BOOLEAN DEFAULT false,
    PRIMARY KEY (entity_code, period, framework_code, criterion_code),
    CHECK ((status = 'evaluado') = (score IS NOT NULL))
);
ALTER TABLE framework ADD COLUMN min_coverage DOUBLE PRECISION;
