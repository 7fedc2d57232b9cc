-- The staged rows of a streamed score file (_score_rows, egov.ingest.stream) that a rule found
-- wrong ($indexes): their spreadsheet row and their cells as written, which the report quotes.
SELECT s.*
FROM _score_rows s
JOIN (SELECT unnest($indexes::BIGINT[]) AS idx) wanted USING (idx)
ORDER BY s.idx
