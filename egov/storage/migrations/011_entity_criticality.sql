-- 011: the criticality group the institution gives an entity (issue 17): alta, media or baja, a judgement of
-- how much its failures would cost citizens and the State, recorded by the Contraloría in the `entidades`
-- file (column `grupo_criticidad`). It weighs in the supervision priorities (egov/priorities.py). Existing
-- entities get no value: nothing is known yet, and an unknown criticality is never read as low.
ALTER TABLE entity ADD COLUMN criticality VARCHAR;
