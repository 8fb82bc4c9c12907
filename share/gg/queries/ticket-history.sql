-- ticket-history.sql: a ticket's history. The first entry, its creation, is read off the
-- ticket row (event 0); every later one is a row of ticket_event.
SELECT 0 AS event, created_at AS at, created_by AS actor, 'created' AS kind,
       CASE WHEN start_level IN ('street', 'department') THEN 'assigned' ELSE 'new' END AS status,
       start_level AS level, NULL AS note,
       json_object('source', source, 'external_id', external_id) AS data
FROM ticket WHERE id = ?1
UNION ALL
SELECT id, at, actor, kind, status, level, note, data FROM ticket_event WHERE ticket = ?1
ORDER BY 1;
