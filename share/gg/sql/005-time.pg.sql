-- SPDX-License-Identifier: Apache-2.0
-- 005-time.pg.sql: 005-time.sql for the PostgreSQL store: a ticket whose deadline was counted
-- in working days past the years the holiday calendar covers is marked provisional_deadline,
-- and ticket_local shows times at the shipped calendar's fixed offset, +08:00. The flag is a
-- boolean, so its CHECK of 0 or 1 has nothing left to check (and PostgreSQL will not compare a
-- boolean with 1). The times are the seconds plus eight hours read at UTC, as SQLite's
-- '+8 hours' on 'unixepoch' reads them: the same text whatever zone the session is in.

ALTER TABLE ticket ADD COLUMN provisional_deadline BOOLEAN NOT NULL DEFAULT false;

DROP VIEW ticket_local;
-- Tickets as a person reads them in sqlite3: times in ISO 8601 at +08:00, and the street and
-- community the ticket's grid or building stands in. A unit sits exactly one level below its
-- parent (lib/org-kind.c), so they are two parents up from the grid: three lookups by key,
-- where unit_path would be built whole, for every unit of the city, by each query.
CREATE VIEW ticket_local AS
SELECT t.id, t.external_id, t.source, t.category, t.title, t.description,
       street.code AS street, community.code AS community, t.unit, t.address, t.priority, t.status,
       t.start_level, t.level, t.assignee,
       to_char(to_timestamp(t.reported_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS reported_at,
       to_char(to_timestamp(t.respond_by + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS respond_by,
       to_char(to_timestamp(t.due_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS due_at,
       to_char(to_timestamp(t.accepted_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS accepted_at,
       to_char(to_timestamp(t.resolved_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS resolved_at,
       to_char(to_timestamp(t.closed_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS closed_at,
       to_char(to_timestamp(t.overdue_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS overdue_at,
       t.provisional_deadline, t.satisfaction, t.duplicate_of
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit grid ON grid.code = CASE WHEN u.level = 'building' THEN u.parent ELSE u.code END
LEFT JOIN unit community ON community.code = grid.parent
LEFT JOIN unit street ON street.code = community.parent;
