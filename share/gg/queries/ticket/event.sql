-- SPDX-License-Identifier: Apache-2.0
-- ticket/event.sql: one entry of a ticket's history: what happened (:kind: accepted, escalated,
-- overdue, …), who did it and when, the status and level the ticket has after it, a note, and
-- what moved (:data, JSON: from and to, the deadline missed, the department summoned, …).
INSERT INTO ticket_event (ticket, at, actor, kind, status, level, note, data)
VALUES (:ticket, :at, :actor, :kind, :status, :level, :note, :data);
