-- SPDX-License-Identifier: Apache-2.0
-- ticket/events.sql: the events of ticket :id as stored, in order (its history after the row).
SELECT id, at, actor, kind, status, level, note, data FROM ticket_event WHERE ticket = :id ORDER BY id;
