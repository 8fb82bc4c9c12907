-- SPDX-License-Identifier: Apache-2.0
-- ticket/move-event.sql: an event of a ticket moved in (ticket/move.sql), as it stands there.
INSERT INTO ticket_event (ticket, at, actor, kind, status, level, note, data)
VALUES (:ticket, :at, :actor, :kind, :status, :level, :note, :data);
