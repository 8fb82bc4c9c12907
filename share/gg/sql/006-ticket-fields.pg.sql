-- SPDX-License-Identifier: Apache-2.0
-- 006-ticket-fields.pg.sql: 006-ticket-fields.sql for the PostgreSQL store: the first
-- acceptance and return visit, missed, the reporter, a category's urgent SLA. missed is a
-- boolean (its CHECK of 0 or 1 goes, as in 005-time.pg.sql) and set to true; a value is read
-- out of an event's data with ->>, which gives text where json_extract gives the JSON type's
-- own: satisfaction is a string, and missed is only tested for NULL, so both read the same.
-- ticket_local's times as 005-time.pg.sql makes them.

ALTER TABLE ticket ADD COLUMN first_accepted_at BIGINT;
ALTER TABLE ticket ADD COLUMN first_satisfaction TEXT
	CHECK (first_satisfaction = 'satisfied' OR first_satisfaction = 'basic' OR first_satisfaction = 'unsatisfied');
ALTER TABLE ticket ADD COLUMN missed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE ticket ADD COLUMN reporter_name TEXT;
ALTER TABLE ticket ADD COLUMN reporter_phone TEXT;
ALTER TABLE category ADD COLUMN urgent json; -- {grid: 4h, community: 8h, …}: deadlines of urgent tickets

-- What the history already tells of the tickets stored before these columns.
UPDATE ticket SET first_accepted_at = (SELECT min(at) FROM ticket_event e WHERE e.ticket = ticket.id AND e.kind = 'accepted')
WHERE accepted_at IS NOT NULL;
UPDATE ticket SET first_satisfaction = (SELECT e.data ->> 'satisfaction' FROM ticket_event e
	WHERE e.ticket = ticket.id AND e.kind IN ('visited', 'returned') ORDER BY e.id LIMIT 1)
WHERE id IN (SELECT ticket FROM ticket_event WHERE kind IN ('visited', 'returned'));
UPDATE ticket SET missed = true
WHERE overdue_at IS NOT NULL
   OR id IN (SELECT ticket FROM ticket_event WHERE kind = 'escalated' AND data ->> 'missed' IS NOT NULL);

-- closed_at is the time a ticket was closed, after a return visit. A rejection and a merge
-- set it too, which counted them as closed work; their time stays in their event
-- (rejected, merged).
UPDATE ticket SET closed_at = NULL WHERE status = 'rejected' OR status = 'duplicate';

-- A suspended ticket is open work whose clock stands still: list --status open shows it, and
-- the sweep (queries/ticket/due.sql) and the overdue filters leave it out by name.
UPDATE ticket_status SET open = true WHERE status = 'suspended';

DROP VIEW ticket_local;
-- As 005-time.pg.sql has it, with the fields this migration adds (the reporter's phone left out:
-- personal data is read through gg, masked).
CREATE VIEW ticket_local AS
SELECT t.id, t.external_id, t.source, t.category, t.title, t.description,
       street.code AS street, community.code AS community, t.unit, t.address, t.priority, t.status,
       t.start_level, t.level, t.assignee,
       to_char(to_timestamp(t.reported_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS reported_at,
       to_char(to_timestamp(t.respond_by + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS respond_by,
       to_char(to_timestamp(t.due_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS due_at,
       to_char(to_timestamp(t.first_accepted_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS first_accepted_at,
       to_char(to_timestamp(t.accepted_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS accepted_at,
       to_char(to_timestamp(t.resolved_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS resolved_at,
       to_char(to_timestamp(t.closed_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS closed_at,
       to_char(to_timestamp(t.overdue_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS overdue_at,
       t.missed, t.provisional_deadline, t.first_satisfaction, t.satisfaction, t.duplicate_of, t.reporter_name
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit grid ON grid.code = CASE WHEN u.level = 'building' THEN u.parent ELSE u.code END
LEFT JOIN unit community ON community.code = grid.parent
LEFT JOIN unit street ON street.code = community.parent;
