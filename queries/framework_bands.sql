-- The maturity bands of a framework: lower bound included, upper bound
-- excluded except for the top band.
SELECT band_code, name_es, name_en, lower_bound, upper_bound, sort_order,
       upper_bound = max(upper_bound) OVER () AS is_top
FROM band
WHERE framework_code = $framework
ORDER BY sort_order, lower_bound
