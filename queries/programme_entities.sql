-- Every registered entity (code, acronym, name), for choosing one to programme: the register, not only the
-- entities assessed (an entity never supervised may be the first to programme).
SELECT entity_code, acronym, name, sector, gov_level FROM entity ORDER BY coalesce(acronym, entity_code), entity_code
