-- SPDX-License-Identifier: Apache-2.0
-- ticket/history.pg.sql: ticket/history.sql on PostgreSQL, whose json_build_object is SQLite's
-- json_object. The history of ticket :id. The first entry, its creation, is read off the
-- ticket row (event 0): taken in at its start level, and assigned there when that is street
-- level or above, where the category's department is summoned; every later one is a row of
-- ticket_event.
SELECT 0 AS event, t.created_at AS at, t.created_by AS actor, 'created' AS kind,
       CASE WHEN l.rank >= street.rank THEN 'assigned' ELSE 'new' END AS status,
       t.start_level AS level, NULL AS note,
       json_build_object('source', t.source, 'external_id', t.external_id) AS data
FROM ticket t
JOIN level l ON l.ladder = 'ticket' AND l.name = t.start_level
JOIN level street ON street.ladder = 'ticket' AND street.name = 'street'
WHERE t.id = :id
UNION ALL
SELECT id, at, actor, kind, status, level, note, data FROM ticket_event WHERE ticket = :id
ORDER BY 1;
