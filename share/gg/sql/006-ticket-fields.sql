-- SPDX-License-Identifier: Apache-2.0
-- 006-ticket-fields.sql: what a ticket's record promises beside its current state. The first
-- acceptance and the first return visit are kept when a re-acceptance or a second visit
-- overwrites accepted_at and satisfaction; missed says a deadline was ever missed (the sweep
-- escalated it or marked it overdue), whatever happened after; the reporter is personal data
-- (gg masks the phone unless --reveal). A category may carry an urgent SLA beside its sla.

ALTER TABLE ticket ADD COLUMN first_accepted_at INTEGER;
ALTER TABLE ticket ADD COLUMN first_satisfaction TEXT
	CHECK (first_satisfaction = 'satisfied' OR first_satisfaction = 'basic' OR first_satisfaction = 'unsatisfied');
ALTER TABLE ticket ADD COLUMN missed BOOLEAN NOT NULL DEFAULT 0 CHECK (missed = 0 OR missed = 1);
ALTER TABLE ticket ADD COLUMN reporter_name TEXT;
ALTER TABLE ticket ADD COLUMN reporter_phone TEXT;
ALTER TABLE category ADD COLUMN urgent JSON; -- {grid: 4h, community: 8h, …}: deadlines of urgent tickets

-- What the history already tells of the tickets stored before these columns.
UPDATE ticket SET first_accepted_at = (SELECT min(at) FROM ticket_event e WHERE e.ticket = ticket.id AND e.kind = 'accepted')
WHERE accepted_at IS NOT NULL;
UPDATE ticket SET first_satisfaction = (SELECT json_extract(e.data, '$.satisfaction') FROM ticket_event e
	WHERE e.ticket = ticket.id AND e.kind IN ('visited', 'returned') ORDER BY e.id LIMIT 1)
WHERE id IN (SELECT ticket FROM ticket_event WHERE kind IN ('visited', 'returned'));
UPDATE ticket SET missed = 1
WHERE overdue_at IS NOT NULL
   OR id IN (SELECT ticket FROM ticket_event WHERE kind = 'escalated' AND json_extract(data, '$.missed') IS NOT NULL);

-- closed_at is the time a ticket was closed, after a return visit. A rejection and a merge
-- set it too, which counted them as closed work; their time stays in their event
-- (rejected, merged).
UPDATE ticket SET closed_at = NULL WHERE status = 'rejected' OR status = 'duplicate';

-- A suspended ticket is open work whose clock stands still: list --status open shows it, and
-- the sweep (queries/ticket/due.sql) and the overdue filters leave it out by name.
UPDATE ticket_status SET open = 1 WHERE status = 'suspended';

DROP VIEW ticket_local;
-- As 005-time.sql has it, with the fields this migration adds (the reporter's phone left out:
-- personal data is read through gg, masked).
CREATE VIEW ticket_local AS
SELECT t.id, t.external_id, t.source, t.category, t.title, t.description,
       street.code AS street, community.code AS community, t.unit, t.address, t.priority, t.status,
       t.start_level, t.level, t.assignee,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.reported_at, 'unixepoch', '+8 hours') AS reported_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.respond_by, 'unixepoch', '+8 hours') AS respond_by,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.due_at, 'unixepoch', '+8 hours') AS due_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.first_accepted_at, 'unixepoch', '+8 hours') AS first_accepted_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.accepted_at, 'unixepoch', '+8 hours') AS accepted_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.resolved_at, 'unixepoch', '+8 hours') AS resolved_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.closed_at, 'unixepoch', '+8 hours') AS closed_at,
       strftime('%Y-%m-%dT%H:%M:%S+08:00', t.overdue_at, 'unixepoch', '+8 hours') AS overdue_at,
       t.missed, t.provisional_deadline, t.first_satisfaction, t.satisfaction, t.duplicate_of, t.reporter_name
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit grid ON grid.code = CASE WHEN u.level = 'building' THEN u.parent ELSE u.code END
LEFT JOIN unit community ON community.code = grid.parent
LEFT JOIN unit street ON street.code = community.parent;
