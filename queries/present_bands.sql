-- The maturity bands of one framework (lowest first): names and index limits,
-- for colouring bars and drawing the band limits on slides and exports.
SELECT band_code, name_es, name_en, lower_bound, upper_bound, sort_order
FROM band
WHERE framework_code = $framework
ORDER BY sort_order
