-- 012: the audit log digests its biggest tables a part at a time (egov/storage/audit.py, PARTS):
-- criterion_score and assessment by entity, batch_change by blocks of a batch. An entry recomputes only the parts its change
-- wrote and takes the others from here, once they reproduce the digest the entry before recorded;
-- `egov audit verify` never reads this table, it recomputes every part from the data.
CREATE TABLE audit_part (
    table_name VARCHAR NOT NULL,
    part       VARCHAR NOT NULL,
    row_count  BIGINT NOT NULL,
    digest     VARCHAR NOT NULL,
    PRIMARY KEY (table_name, part)
);
