-- The current version of every framework: what a newly written assessment records.
SELECT framework_code, version FROM framework
