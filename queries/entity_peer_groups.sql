-- Every entity's peer groups: sector, level of government, department and
-- complexity group. The complexity group is the one the entidades file gives;
-- for an entity without one but with a size (staff, budget), it is computed:
-- each size measure becomes a percentile rank among the entities that have it,
-- their mean is the entity's size, and the sized entities are cut into four
-- groups of (nearly) equal count, A the largest to D the smallest, in the
-- spirit of Costa Rica's groups by complexity. No group and no size: no group.
WITH staff AS (
    SELECT entity_code, percent_rank() OVER (ORDER BY staff_count) AS share
    FROM entity WHERE staff_count IS NOT NULL
),
budget AS (
    SELECT entity_code, percent_rank() OVER (ORDER BY budget) AS share
    FROM entity WHERE budget IS NOT NULL
),
sized AS (
    SELECT e.entity_code,
           (coalesce(s.share, b.share) + coalesce(b.share, s.share)) / 2 AS size_share
    FROM entity e
    LEFT JOIN staff s USING (entity_code)
    LEFT JOIN budget b USING (entity_code)
    WHERE s.share IS NOT NULL OR b.share IS NOT NULL
),
computed AS (
    SELECT entity_code,
           ['A', 'B', 'C', 'D'][ntile(4) OVER (ORDER BY size_share DESC, entity_code)] AS complexity_group
    FROM sized
)
SELECT e.entity_code, e.sector, e.gov_level, e.department,
       coalesce(nullif(trim(e.complexity_group), ''), c.complexity_group) AS complexity_group,
       nullif(trim(e.complexity_group), '') IS NULL AND c.complexity_group IS NOT NULL AS complexity_computed
FROM entity e
LEFT JOIN computed c USING (entity_code)
