-- The criteria of a framework with their area, weight and share of their
-- area (weight / sum of the area's weights, when every criterion is
-- assessed), scale and, for a tool-derived criterion, the tool it reads.
-- Only the criteria of the framework's current version (criterion_version, migration 009).
SELECT c.area_code, ar.name_es AS area_name_es, ar.name_en AS area_name_en, ar.sort_order AS area_order,
       c.criterion_code, c.name_es, c.name_en, c.description_es, c.description_en,
       c.weight, c.weight / sum(c.weight) OVER (PARTITION BY c.area_code) AS weight_share_in_area,
       c.scale_min, c.scale_max, c.tool_code, t.name_es AS tool_name_es, t.name_en AS tool_name_en,
       c.sort_order
FROM criterion c
JOIN area ar ON ar.framework_code = c.framework_code AND ar.area_code = c.area_code
LEFT JOIN tool t ON t.framework_code = c.framework_code AND t.tool_code = c.tool_code
WHERE c.framework_code = $framework
  AND (EXISTS (SELECT 1 FROM criterion_version cv JOIN framework f USING (framework_code)
               WHERE cv.framework_code = c.framework_code AND cv.criterion_code = c.criterion_code
                 AND cv.version = f.version)
       OR NOT EXISTS (SELECT 1 FROM criterion_version cv
                      WHERE cv.framework_code = c.framework_code AND cv.criterion_code = c.criterion_code))
ORDER BY ar.sort_order, c.sort_order, c.criterion_code
