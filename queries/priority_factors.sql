-- What the priorities are made of (egov/priorities.py weighs them): one row per entity of the register,
-- for the gestión $gestion of framework $framework, as of the date $as_of.
--   the entity's round = its latest assessment in $gestion or before; the previous round = the one before it
--   index_now / index_before and the weakest area (lowest area score) of the entity's round
--   overdue      = open recommendations whose agreed deadline passed before $as_of (never without a schedule)
--   last_supervision = the latest issue date of its supervision reports or assessments on or before $as_of,
--                      in $gestion or before; NULL = never supervised
--   limitations  = criteria recorded as scope limitations ('limitacion') in the entity's round
--   procedures   = procedures served through e-government tools in the entity's round (NULL when not recorded)
--   criticality  = the criticality group the institution gave the entity (alta, media, baja; NULL = not recorded)
-- Every parameter the composed queries declare ($period, $sectors, ...) is given as NULL by the caller.
WITH scores AS ({{ entity_scores }}),
areas AS ({{ area_scores }}),
recs AS ({{ recommendation_current }}),
rounds AS (
    SELECT entity_code, period, index_value, is_synthetic,
           row_number() OVER (PARTITION BY entity_code ORDER BY period DESC) AS back
    FROM scores
    WHERE period <= $gestion
),
weakest AS (
    SELECT entity_code, period, arg_min(area_code, area_score) AS weakest_area, min(area_score) AS weakest_score
    FROM areas
    WHERE area_score IS NOT NULL
    GROUP BY ALL
),
overdue AS (
    SELECT entity_code, count(*) FILTER (WHERE is_overdue) AS overdue,
           coalesce(bool_or(is_synthetic), false) AS recs_synthetic
    FROM recs
    GROUP BY entity_code
),
supervised AS (
    SELECT entity_code, max(issue_date) AS last_supervision
    FROM (SELECT entity_code, issue_date, period FROM assessment WHERE framework_code = $framework
          UNION ALL
          SELECT entity_code, issue_date, period FROM supervision_report WHERE framework_code = $framework)
    WHERE issue_date <= CAST($as_of AS DATE) AND period <= $gestion
    GROUP BY entity_code
),
limitations AS (
    SELECT c.entity_code, c.period, count(*) AS limitations
    FROM criterion_score c
    WHERE c.framework_code = $framework AND c.status = 'limitacion'
    GROUP BY ALL
),
procedures AS (
    SELECT entity_code, period, sum(procedures_count) AS procedures
    FROM tool_adoption
    WHERE framework_code = $framework
    GROUP BY ALL
)
SELECT e.entity_code, e.name, e.acronym, e.sector, e.gov_level, e.criticality,
       now.period AS round, now.index_value AS index_now,
       before.period AS previous_round, before.index_value AS index_before,
       w.weakest_area, ar.name_es AS weakest_area_es, ar.name_en AS weakest_area_en, w.weakest_score,
       coalesce(o.overdue, 0) AS overdue,
       s.last_supervision,
       CASE WHEN now.period IS NOT NULL THEN coalesce(l.limitations, 0) END AS limitations,
       p.procedures,
       coalesce(now.is_synthetic, false) OR coalesce(o.recs_synthetic, false) AS is_synthetic
FROM entity e
LEFT JOIN rounds now ON now.entity_code = e.entity_code AND now.back = 1
LEFT JOIN rounds before ON before.entity_code = e.entity_code AND before.back = 2
LEFT JOIN weakest w ON w.entity_code = e.entity_code AND w.period = now.period
LEFT JOIN area ar ON ar.framework_code = $framework AND ar.area_code = w.weakest_area
LEFT JOIN overdue o ON o.entity_code = e.entity_code
LEFT JOIN supervised s ON s.entity_code = e.entity_code
LEFT JOIN limitations l ON l.entity_code = e.entity_code AND l.period = now.period
LEFT JOIN procedures p ON p.entity_code = e.entity_code AND p.period = now.period
ORDER BY e.entity_code
