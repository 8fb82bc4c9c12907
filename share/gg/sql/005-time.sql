-- SPDX-License-Identifier: Apache-2.0
-- 005-time.sql: time as the calendar counts it. A ticket whose deadline was counted in
-- working days past the years the holiday calendar covers (where only weekends are known) is
-- marked provisional_deadline, for analysts to find. ticket_local shows times at the shipped
-- calendar's fixed offset, +08:00 (China keeps no daylight saving), instead of SQLite's
-- 'localtime', which is the zone of whichever host runs the query.

ALTER TABLE ticket ADD COLUMN provisional_deadline BOOLEAN NOT NULL DEFAULT 0
	CHECK (provisional_deadline = 0 OR provisional_deadline = 1);

DROP VIEW ticket_local;
-- Tickets as a person reads them in sqlite3: times in ISO 8601 at +08:00, and the street and
-- community the ticket's grid or building stands in. A unit sits exactly one level below its
-- parent (lib/org-kind.c), so they are two parents up from the grid: three lookups by key,
-- where unit_path would be built whole, for every unit of the city, by each query.
CREATE VIEW ticket_local AS
SELECT t.id, t.external_id, t.source, t.category, t.title, t.description,
       street.code AS street, community.code AS community, t.unit, t.address, t.priority, t.status,
       t.start_level, t.level, t.assignee,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.reported_at, 'unixepoch', '+8 hours') AS reported_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.respond_by, 'unixepoch', '+8 hours') AS respond_by,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.due_at, 'unixepoch', '+8 hours') AS due_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.accepted_at, 'unixepoch', '+8 hours') AS accepted_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.resolved_at, 'unixepoch', '+8 hours') AS resolved_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.closed_at, 'unixepoch', '+8 hours') AS closed_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.overdue_at, 'unixepoch', '+8 hours') AS overdue_at,
       t.provisional_deadline, t.satisfaction, t.duplicate_of
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit grid ON grid.code = CASE WHEN u.level = 'building' THEN u.parent ELSE u.code END
LEFT JOIN unit community ON community.code = grid.parent
LEFT JOIN unit street ON street.code = community.parent;
