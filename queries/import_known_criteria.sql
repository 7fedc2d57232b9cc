-- Criteria with their scale: a score must lie within [scale_min, scale_max].
SELECT framework_code, criterion_code, area_code, scale_min, scale_max FROM criterion
