-- SPDX-License-Identifier: Apache-2.0
-- 008-ticket-unmapped.pg.sql: 008-ticket-unmapped.sql for the PostgreSQL store: unmapped
-- holds the category a ticket came with that the catalogue did not know. Only ticket_local
-- differs, its times made as 005-time.pg.sql makes them.

ALTER TABLE ticket ADD COLUMN unmapped TEXT;

DROP VIEW ticket_local;
-- As 006-ticket-fields.pg.sql has it, with unmapped.
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
       t.missed, t.provisional_deadline, t.first_satisfaction, t.satisfaction, t.duplicate_of, t.reporter_name,
       t.unmapped
FROM ticket t
LEFT JOIN unit u ON u.code = t.unit
LEFT JOIN unit grid ON grid.code = CASE WHEN u.level = 'building' THEN u.parent ELSE u.code END
LEFT JOIN unit community ON community.code = grid.parent
LEFT JOIN unit street ON street.code = community.parent;
