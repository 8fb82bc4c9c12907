-- SPDX-License-Identifier: Apache-2.0
-- ticket/moved.sql: the ticket moved in already from the same place (its "moved" event's note
-- names the origin and the id there), if any.
SELECT ticket FROM ticket_event WHERE kind = 'moved' AND note = :note;
