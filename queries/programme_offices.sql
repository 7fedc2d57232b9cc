-- The responsible offices named in the programme (empty ones left out), in alphabetical order.
SELECT DISTINCT office FROM supervision_programme WHERE office IS NOT NULL AND length(trim(office)) > 0
ORDER BY office
