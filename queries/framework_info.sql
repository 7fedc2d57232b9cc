-- One framework as stored: code, version, names and description.
SELECT framework_code, version, name_es, name_en, description_es, description_en
FROM framework
WHERE framework_code = $framework
