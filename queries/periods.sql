-- The rounds assessed with a framework, latest first.
SELECT DISTINCT period FROM assessment WHERE framework_code = $framework ORDER BY period DESC
