-- The areas of a framework with their weight, their share of the index
-- (weight / sum of weights) and how many criteria the current version gives each.
SELECT ar.area_code, ar.name_es, ar.name_en, ar.weight, ar.sort_order,
       ar.weight / sum(ar.weight) OVER () AS weight_share,
       (SELECT count(*) FROM criterion c
         WHERE c.framework_code = ar.framework_code AND c.area_code = ar.area_code
           AND (EXISTS (SELECT 1 FROM criterion_version cv JOIN framework f USING (framework_code)
                   WHERE cv.framework_code = c.framework_code AND cv.criterion_code = c.criterion_code
                     AND cv.version = f.version)
           OR NOT EXISTS (SELECT 1 FROM criterion_version cv
                          WHERE cv.framework_code = c.framework_code AND cv.criterion_code = c.criterion_code))) AS criteria
FROM area ar
WHERE ar.framework_code = $framework
ORDER BY ar.sort_order, ar.area_code
