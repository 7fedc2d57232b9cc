-- Every gestión the store holds an assessment for (any framework): a file bringing another one is
-- a new gestión and waits for confirmation (a typo such as 2024a must not start a round of its own).
SELECT DISTINCT period FROM assessment ORDER BY period
