-- The audit log, newest first: every change (import, undo, follow-up, framework,
-- users, backups, restores) with who, their role, when and what.
-- Filters ($actions: list of action names, $user, $since/$until: dates,
-- inclusive; NULL = all) only choose which rows come back; $limit caps them.
-- kind: the kind of batch an import wrote (registro = a follow-up status, marco = a framework).
SELECT seq, logged_at, user_name, user_role, action, json_extract_string(detail, '$.kind') AS kind,
       CAST(detail AS VARCHAR) AS detail, batch_id
FROM audit_log
WHERE ($actions IS NULL OR list_contains(CAST($actions AS VARCHAR[]), action))
  AND ($user IS NULL OR user_name = CAST($user AS VARCHAR))
  AND ($since IS NULL OR logged_at >= CAST($since AS DATE))
  AND ($until IS NULL OR logged_at < CAST($until AS DATE) + INTERVAL 1 DAY)
ORDER BY seq DESC
LIMIT coalesce(CAST($limit AS INTEGER), 1000000)
