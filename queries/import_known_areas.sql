-- Areas of every framework: recommendations, findings and criteria name one.
SELECT framework_code, area_code FROM area
