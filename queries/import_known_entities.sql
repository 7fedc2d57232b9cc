-- Entity codes an import file may refer to (checked before anything is stored).
SELECT entity_code FROM entity
