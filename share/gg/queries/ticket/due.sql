-- SPDX-License-Identifier: Apache-2.0
-- ticket/due.sql: the tickets the sweep moves at :now: open (ticket_status) and not suspended
-- (open work whose clock stands still), past their deadline, and not yet marked overdue at the
-- top of the ladder; the earliest deadline first.
SELECT id FROM ticket
WHERE due_at <= :now AND overdue_at IS NULL AND status <> 'suspended'
  AND status IN (SELECT status FROM ticket_status WHERE open)
ORDER BY due_at, id;
