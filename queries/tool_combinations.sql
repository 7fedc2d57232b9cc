-- The sets of tools the entities in scope use through the state platforms in
-- one round, most common first. Only entities with tool data recorded count;
-- an entity using none through a platform forms the empty set (tools_count 0).
-- share = entities / all entities with tool data in scope (column total).
WITH status AS ({{ tool_status }}),
per_entity AS (
    SELECT entity_code,
           coalesce(list(tool_code ORDER BY tool_order) FILTER (WHERE status = 'plataforma'), []) AS tool_codes,
           coalesce(list(tool_name_es ORDER BY tool_order) FILTER (WHERE status = 'plataforma'), []) AS tools_es,
           coalesce(list(tool_name_en ORDER BY tool_order) FILTER (WHERE status = 'plataforma'), []) AS tools_en
    FROM status
    GROUP BY entity_code
)
SELECT tool_codes, tools_es, tools_en, len(tool_codes) AS tools_count,
       array_to_string(tool_codes, '+') AS combination_key,
       count(*) AS entities,
       count(*) / sum(count(*)) OVER () AS share,
       CAST(sum(count(*)) OVER () AS INTEGER) AS total,
       list(entity_code ORDER BY entity_code) AS entity_codes
FROM per_entity
GROUP BY ALL
ORDER BY entities DESC, tools_count DESC, combination_key
