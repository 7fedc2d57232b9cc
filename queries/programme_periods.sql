-- The gestiones that have a programmed supervision, newest first.
SELECT DISTINCT period FROM supervision_programme ORDER BY period DESC
