-- Adoption-ladder steps already stored: a requirement names one.
SELECT framework_code, step FROM ladder_step
