-- Index bands already stored: a framework file's bands must not overlap them.
SELECT framework_code, band_code, lower_bound, upper_bound FROM band
