-- The stored spelling of an entity code, matched ignoring case (as an import file's codes are).
SELECT entity_code FROM entity WHERE lower(entity_code) = lower($entity) ORDER BY entity_code LIMIT 1
