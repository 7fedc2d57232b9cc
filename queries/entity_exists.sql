-- Whether an entity code is registered at all (to tell "unknown entity" from "not assessed").
SELECT count(*) > 0 AS known FROM entity WHERE entity_code = $entity
