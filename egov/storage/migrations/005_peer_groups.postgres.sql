-- 005 on PostgreSQL (see 005_peer_groups.sql): DuckDB's attach writes its DOUBLE as "double",
-- a type PostgreSQL does not have, so this twin runs natively.
ALTER TABLE entity ADD COLUMN complexity_group VARCHAR;
ALTER TABLE entity ADD COLUMN staff_count INTEGER;
ALTER TABLE entity ADD COLUMN budget DOUBLE PRECISION;
