-- The adoption-ladder step of every assessment in scope: the highest step
-- whose every requirement group is met (one tool of the group at least at
-- its minimum status). Step 0 has no requirement. Own mechanisms ('propia')
-- and planned tools are listed beside the step, never hidden.
WITH scope AS (
    SELECT a.entity_code, a.period
    FROM assessment a
    WHERE a.framework_code = $framework
      AND (CAST($period AS VARCHAR) IS NULL OR a.period = $period)
),
status_rank (status, status_value) AS (
    VALUES ('ninguna', 0), ('planificada', 1), ('propia', 2), ('plataforma', 3)
),
adoption AS (
    SELECT ta.entity_code, ta.period, ta.tool_code, ta.status, sr.status_value
    FROM tool_adoption ta JOIN status_rank sr USING (status)
    WHERE ta.framework_code = $framework
),
requirement AS (
    SELECT lr.step, lr.req_group, lr.tool_code, sr.status_value AS min_value
    FROM ladder_requirement lr JOIN status_rank sr ON sr.status = lr.min_status
    WHERE lr.framework_code = $framework
),
group_met AS (
    SELECT s.entity_code, s.period, q.step, q.req_group,
           bool_or(coalesce(ad.status_value, 0) >= q.min_value) AS met
    FROM scope s
    CROSS JOIN requirement q
    LEFT JOIN adoption ad
           ON ad.entity_code = s.entity_code AND ad.period = s.period AND ad.tool_code = q.tool_code
    GROUP BY ALL
),
steps_met AS (
    SELECT entity_code, period, step FROM group_met GROUP BY ALL HAVING bool_and(met)
    UNION ALL
    SELECT s.entity_code, s.period, ls.step
    FROM scope s CROSS JOIN ladder_step ls
    WHERE ls.framework_code = $framework
      AND NOT EXISTS (SELECT 1 FROM requirement q WHERE q.step = ls.step)
),
best AS (
    SELECT entity_code, period, max(step) AS step FROM steps_met GROUP BY ALL
),
tool_lists AS (
    SELECT ad.entity_code, ad.period,
           list(t.name_es ORDER BY t.sort_order) FILTER (WHERE ad.status = 'plataforma') AS platform_tools,
           list(t.name_es ORDER BY t.sort_order) FILTER (WHERE ad.status = 'propia') AS own_tools,
           list(t.name_es ORDER BY t.sort_order) FILTER (WHERE ad.status = 'planificada') AS planned_tools
    FROM adoption ad
    JOIN tool t ON t.framework_code = $framework AND t.tool_code = ad.tool_code
    GROUP BY ALL
)
SELECT e.entity_code, e.name, e.acronym, e.sector, e.gov_level, b.period, b.step,
       ls.name_es AS step_name_es, ls.name_en AS step_name_en,
       coalesce(tl.platform_tools, []) AS platform_tools,
       coalesce(tl.own_tools, []) AS own_tools,
       coalesce(tl.planned_tools, []) AS planned_tools
FROM best b
JOIN entity e USING (entity_code)
JOIN ladder_step ls ON ls.framework_code = $framework AND ls.step = b.step
LEFT JOIN tool_lists tl USING (entity_code, period)
WHERE (CAST($sectors AS VARCHAR[]) IS NULL OR list_contains($sectors, e.sector))
  AND (CAST($levels AS VARCHAR[]) IS NULL OR list_contains($levels, e.gov_level))
  AND (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, e.entity_code))
ORDER BY b.period, b.step DESC, e.entity_code
