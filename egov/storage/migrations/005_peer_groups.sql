-- 005: peer groups. An entity can carry the complexity group the institution
-- gives it (in the spirit of Costa Rica's groups A–D) and, when known, its size
-- (staff, budget), from which a group is computed when none is given (see
-- queries/entity_peer_groups.sql). Existing entities get no value: nothing is
-- known about them yet, and undoing an earlier batch restores them as empty.
ALTER TABLE entity ADD COLUMN complexity_group VARCHAR;
ALTER TABLE entity ADD COLUMN staff_count INTEGER;
ALTER TABLE entity ADD COLUMN budget DOUBLE;  -- PostgreSQL runs the twin 005_peer_groups.postgres.sql
