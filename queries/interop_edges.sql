-- The interoperability links of the entities in scope in one round: one row
-- per entity and partner institution, with the channel (the state platform or
-- a bilateral agreement). A partner that is itself a registered entity (by its
-- code, its name, its acronym, or a name ending in «(ACRONYM)») is keyed by
-- that entity's code, so both ends of a link meet on one node.
WITH links AS (
    SELECT p.entity_code, p.partner_name, p.partner_code, p.channel
    FROM interop_partner p
    JOIN assessment a
      ON a.entity_code = p.entity_code AND a.period = p.period AND a.framework_code = p.framework_code
    JOIN entity e ON e.entity_code = p.entity_code
    WHERE p.framework_code = $framework
      AND (CAST($period AS VARCHAR) IS NULL OR p.period = $period)
      AND (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
      AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
      AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
),
matched AS (
    SELECT l.*,
           (SELECT min(m.entity_code) FROM entity m
             WHERE m.entity_code = l.partner_code
                OR lower(trim(m.name)) = lower(trim(l.partner_name))
                OR lower(trim(m.acronym)) = lower(trim(l.partner_name))
                OR lower(trim(m.acronym)) = lower(regexp_extract(l.partner_name, '\(([^()]+)\)\s*$', 1))
           ) AS target_code
    FROM links l
)
SELECT DISTINCT
       m.entity_code AS source_code,
       coalesce(nullif(trim(s.acronym), ''), s.entity_code) AS source_label,
       s.name AS source_name,
       coalesce(m.target_code, lower(trim(m.partner_name))) AS target_key,
       coalesce(nullif(trim(te.acronym), ''),
                nullif(regexp_extract(m.partner_name, '\(([^()]+)\)\s*$', 1), ''),
                m.partner_name) AS target_label,
       coalesce(te.name, m.partner_name) AS target_name,
       m.target_code,
       m.channel
FROM matched m
JOIN entity s ON s.entity_code = m.entity_code
LEFT JOIN entity te ON te.entity_code = m.target_code
ORDER BY source_code, target_key, channel
