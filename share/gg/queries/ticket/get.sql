-- SPDX-License-Identifier: Apache-2.0
-- ticket/get.sql: ticket :id with every column its record shows (show, and every step's output);
-- its street and community are those its grid (or its building's grid) stands in, a parent or
-- two up by key, as in the view ticket_local; the street is the community's parent, read off
-- the community's row (the sweep reads this for every ticket it moves: each lookup counts).
SELECT t.id, t.external_id, t.source, t.category, t.title, t.description, community.parent AS street,
       community.code AS community, t.unit, t.address, t.priority, t.status, t.start_level, t.level, t.assignee,
       t.reporter_name, t.reporter_phone, t.reported_at, t.respond_by, t.due_at, t.first_accepted_at, t.accepted_at,
       t.resolved_at, t.closed_at, t.overdue_at, t.missed, t.first_satisfaction, t.satisfaction, t.duplicate_of,
       t.lat, t.long, CASE WHEN t.provisional_deadline THEN t.provisional_deadline END AS provisional_deadline, t.unmapped
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit community ON community.code = CASE WHEN u.level = 'building'
	THEN (SELECT grid.parent FROM unit grid WHERE grid.code = u.parent) ELSE u.parent END
WHERE t.id = :id;
