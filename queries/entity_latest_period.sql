-- The latest round in which an entity was assessed with a framework (NULL when never).
SELECT max(period) AS period
FROM assessment
WHERE framework_code = $framework AND entity_code = $entity
