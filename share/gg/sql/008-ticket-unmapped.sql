-- SPDX-License-Identifier: Apache-2.0
-- 008-ticket-unmapped.sql: what an import's --unmapped=category:CODE keeps of a ticket whose
-- category the catalogue did not know (the hotline's own, 市政设施/路灯 say): the ticket
-- stands in CODE, and unmapped holds the value it came with, for an analyst to map it later.

ALTER TABLE ticket ADD COLUMN unmapped TEXT;

DROP VIEW ticket_local;
-- As 006-ticket-fields.sql has it, with unmapped.
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
       t.missed, t.provisional_deadline, t.first_satisfaction, t.satisfaction, t.duplicate_of, t.reporter_name,
       t.unmapped
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit grid ON grid.code = CASE WHEN u.level = 'building' THEN u.parent ELSE u.code END
LEFT JOIN unit community ON community.code = grid.parent
LEFT JOIN unit street ON street.code = community.parent;
