-- What the audit log holds: the actions and users that occur in it (for the page's filters).
SELECT 'action' AS facet, action AS value, count(*) AS entries FROM audit_log GROUP BY action
UNION ALL
SELECT 'user' AS facet, user_name AS value, count(*) AS entries FROM audit_log GROUP BY user_name
ORDER BY facet, value
