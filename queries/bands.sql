-- The maturity bands of a framework, lowest first (names and index limits).
SELECT band_code, name_es, name_en, lower_bound, upper_bound, sort_order
FROM band
WHERE framework_code = $framework
ORDER BY sort_order
