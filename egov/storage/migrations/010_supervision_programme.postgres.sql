-- 010 on PostgreSQL (see 010_supervision_programme.sql): PostgreSQL alters the kind CHECK of import_batch
-- in place, so nothing is rebuilt; the programme table is the same.
ALTER TABLE import_batch DROP CONSTRAINT IF EXISTS import_batch_kind_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check CHECK (kind IN
    ('entidades', 'marco', 'puntajes', 'herramientas', 'recomendaciones', 'seguimiento', 'registro',
     'informes', 'resultados', 'hallazgos', 'aceptacion', 'cronograma', 'programa'));

CREATE TABLE supervision_programme (
    entity_code    VARCHAR NOT NULL,
    period         VARCHAR NOT NULL CHECK (length(trim(period)) > 0),
    work_kind      VARCHAR NOT NULL CHECK (work_kind IN ('supervision', 'seguimiento')),
    state          VARCHAR NOT NULL CHECK (state IN
                   ('programada', 'en_ejecucion', 'informe_emitido', 'seguimiento_programado')),
    office         VARCHAR,
    planned_start  DATE,
    planned_end    DATE,
    report_number  VARCHAR,
    notes          VARCHAR,
    is_synthetic   BOOLEAN NOT NULL DEFAULT false,
    recorded_by    VARCHAR NOT NULL,
    recorded_at    TIMESTAMP NOT NULL,
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (entity_code, period, work_kind),
    CHECK (planned_start IS NULL OR planned_end IS NULL OR planned_end >= planned_start),
    CHECK (state NOT IN ('informe_emitido', 'seguimiento_programado')
           OR length(trim(coalesce(report_number, ''))) > 0)
);
