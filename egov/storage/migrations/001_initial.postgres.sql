-- 001 on PostgreSQL: the same schema as 001_initial.sql in PostgreSQL's own
-- SQL, run natively (DuckDB cannot create a sequence through the attach).
-- Keep the two files in step: same tables, columns, keys and checks; only the
-- type names differ: DOUBLE -> DOUBLE PRECISION, and JSON -> TEXT checked to
-- parse as JSON (DuckDB writes a PostgreSQL json column by COPY but cannot
-- UPDATE it: PostgreSQL has no implicit cast from varchar to json).

CREATE SEQUENCE import_batch_id START 1;

CREATE TABLE import_batch (
    batch_id      INTEGER PRIMARY KEY DEFAULT nextval('import_batch_id'),
    kind          VARCHAR NOT NULL CHECK (kind IN
                  ('entidades', 'marco', 'puntajes', 'herramientas', 'recomendaciones', 'seguimiento', 'registro')),
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL CHECK (length(sha256) = 64),
    -- The checksum while the batch is live, NULL once undone: two uploads of
    -- one file at the same moment end as one batch, and an undone file may
    -- come in again.
    live_sha256   VARCHAR UNIQUE,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false,
    rows_total    INTEGER NOT NULL CHECK (rows_total >= 0),
    rows_new      INTEGER NOT NULL CHECK (rows_new >= 0),
    rows_changed  INTEGER NOT NULL CHECK (rows_changed >= 0),
    rows_unchanged INTEGER NOT NULL CHECK (rows_unchanged >= 0),
    user_name     VARCHAR NOT NULL,
    user_role     VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    undone_at     TIMESTAMP,
    undone_by     VARCHAR,
    CHECK (rows_new + rows_changed + rows_unchanged = rows_total),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL)),
    CHECK ((undone_at IS NULL) = (live_sha256 IS NOT NULL) AND coalesce(live_sha256 = sha256, true))
);

-- Before-images of every row a batch wrote, so that undo restores exactly
-- what was there. before_row NULL = the row did not exist.
CREATE TABLE batch_change (
    batch_id    INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    table_name  VARCHAR NOT NULL,
    row_key     TEXT NOT NULL CHECK (row_key::json IS NOT NULL),
    before_row  TEXT CHECK (before_row IS NULL OR before_row::json IS NOT NULL),
    after_row   TEXT NOT NULL CHECK (after_row::json IS NOT NULL),
    PRIMARY KEY (batch_id, seq)
);

CREATE TABLE entity (
    entity_code  VARCHAR PRIMARY KEY CHECK (length(trim(entity_code)) > 0),
    name         VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
    acronym      VARCHAR,
    sector       VARCHAR NOT NULL,
    gov_level    VARCHAR NOT NULL CHECK (gov_level IN
                 ('central', 'departamental', 'regional', 'municipal', 'indigena',
                  'descentralizada', 'universidad', 'empresa_publica', 'otro')),
    entity_type  VARCHAR,
    department   VARCHAR,
    parent_body  VARCHAR,
    source       VARCHAR,
    batch_id     INTEGER NOT NULL
);

CREATE TABLE framework (
    framework_code VARCHAR PRIMARY KEY CHECK (length(trim(framework_code)) > 0),
    version        VARCHAR NOT NULL,
    name_es        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    description_es VARCHAR,
    description_en VARCHAR,
    batch_id       INTEGER NOT NULL
);

CREATE TABLE area (
    framework_code VARCHAR NOT NULL,
    area_code      VARCHAR NOT NULL,
    name_es        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    weight         DOUBLE PRECISION NOT NULL CHECK (weight > 0),
    sort_order     INTEGER NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, area_code)
);

CREATE TABLE criterion (
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    area_code      VARCHAR NOT NULL,
    name_es        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    description_es VARCHAR,
    description_en VARCHAR,
    weight         DOUBLE PRECISION NOT NULL CHECK (weight > 0),
    scale_min      DOUBLE PRECISION NOT NULL,
    scale_max      DOUBLE PRECISION NOT NULL,
    -- A criterion tied to an e-government tool is scored from the tool's
    -- adoption status (ninguna=0 ... plataforma=3) unless scored explicitly.
    tool_code      VARCHAR,
    sort_order     INTEGER NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, criterion_code),
    CHECK (scale_max > scale_min)
);

-- What each level of a criterion's scale means (0 Inexistente ... 4 Optimizado).
CREATE TABLE criterion_level (
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    level          DOUBLE PRECISION NOT NULL,
    label_es       VARCHAR NOT NULL,
    label_en       VARCHAR NOT NULL,
    descriptor_es  VARCHAR NOT NULL,
    descriptor_en  VARCHAR,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, criterion_code, level)
);

-- Bands name ranges of the composite index (0-100): lower <= index < upper,
-- the top band includes its upper bound.
CREATE TABLE band (
    framework_code VARCHAR NOT NULL,
    band_code      VARCHAR NOT NULL,
    name_es        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    lower_bound    DOUBLE PRECISION NOT NULL CHECK (lower_bound >= 0),
    upper_bound    DOUBLE PRECISION NOT NULL CHECK (upper_bound <= 100),
    sort_order     INTEGER NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, band_code),
    CHECK (upper_bound > lower_bound)
);

CREATE TABLE tool (
    framework_code VARCHAR NOT NULL,
    tool_code      VARCHAR NOT NULL,
    name_es        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    description_es VARCHAR,
    sort_order     INTEGER NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, tool_code)
);

CREATE TABLE ladder_step (
    framework_code VARCHAR NOT NULL,
    step           INTEGER NOT NULL CHECK (step >= 0),
    name_es        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    description_es VARCHAR,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, step)
);

-- A step is met when, for every requirement group, at least one tool of the
-- group has at least min_status. Step 0 has no requirement.
CREATE TABLE ladder_requirement (
    framework_code VARCHAR NOT NULL,
    step           INTEGER NOT NULL,
    req_group      INTEGER NOT NULL,
    tool_code      VARCHAR NOT NULL,
    min_status     VARCHAR NOT NULL CHECK (min_status IN ('planificada', 'propia', 'plataforma')),
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (framework_code, step, req_group, tool_code)
);

CREATE TABLE assessment (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL CHECK (length(trim(period)) > 0),
    framework_code VARCHAR NOT NULL,
    report_number  VARCHAR,
    issue_date     DATE,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, framework_code)
);

-- status keeps "assessed", "unknown" and "not applicable" apart: only an
-- assessed criterion has a score, and only it counts in the index.
CREATE TABLE criterion_score (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('evaluado', 'desconocido', 'no_aplica')),
    score          DOUBLE PRECISION,
    evidence       VARCHAR,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, framework_code, criterion_code),
    CHECK ((status = 'evaluado') = (score IS NOT NULL))
);

CREATE TABLE tool_adoption (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    tool_code      VARCHAR NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('ninguna', 'planificada', 'propia', 'plataforma')),
    procedures_count INTEGER CHECK (procedures_count >= 0),
    scope          VARCHAR,
    evidence       VARCHAR,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, framework_code, tool_code)
);

CREATE TABLE interop_partner (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    partner_name   VARCHAR NOT NULL CHECK (length(trim(partner_name)) > 0),
    partner_code   VARCHAR,
    channel        VARCHAR NOT NULL CHECK (channel IN ('plataforma', 'bilateral')),
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, framework_code, partner_name)
);

CREATE TABLE finding (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    finding_no     INTEGER NOT NULL CHECK (finding_no > 0),
    area_code      VARCHAR NOT NULL,
    text_es        VARCHAR NOT NULL CHECK (length(trim(text_es)) > 0),
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, framework_code, finding_no)
);

CREATE TABLE recommendation (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL CHECK (rec_no > 0),
    period         VARCHAR NOT NULL,
    framework_code VARCHAR NOT NULL,
    area_code      VARCHAR NOT NULL,
    text_es        VARCHAR NOT NULL CHECK (length(trim(text_es)) > 0),
    due_date       DATE NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, report_number, rec_no)
);

-- The follow-up history. The current status is derived (latest status_date,
-- then latest recorded_at), never stored.
CREATE TABLE recommendation_status (
    entity_code    VARCHAR NOT NULL,
    report_number  VARCHAR NOT NULL,
    rec_no         INTEGER NOT NULL,
    status_date    DATE NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN
                   ('pendiente', 'en_proceso', 'cumplida', 'parcialmente_cumplida', 'no_cumplida', 'no_aplicable')),
    evidence       VARCHAR,
    recorded_by    VARCHAR NOT NULL,
    recorded_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, report_number, rec_no, status_date)
);

CREATE TABLE app_user (
    user_name     VARCHAR PRIMARY KEY CHECK (length(trim(user_name)) > 0),
    display_name  VARCHAR NOT NULL,
    user_role     VARCHAR NOT NULL CHECK (user_role IN ('viewer', 'analyst', 'admin')),
    password_hash VARCHAR,
    disabled      BOOLEAN NOT NULL DEFAULT false,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Append-only, hash-chained: entry_hash = sha256(prev_hash || canonical entry).
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    logged_at   TIMESTAMP NOT NULL,
    user_name   VARCHAR NOT NULL,
    user_role   VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    detail      TEXT NOT NULL CHECK (detail::json IS NOT NULL),
    batch_id    INTEGER,
    prev_hash   VARCHAR NOT NULL,
    entry_hash  VARCHAR NOT NULL UNIQUE
);
