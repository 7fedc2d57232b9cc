-- Level descriptors already stored: a criterion's new scale must still hold them.
SELECT framework_code, criterion_code, level FROM criterion_level
