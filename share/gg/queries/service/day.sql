-- SPDX-License-Identifier: Apache-2.0
-- service/day.sql: the minutes of service :volunteer has in the ledger on :date, rows taken
-- back by a reversing row left out: a day holds at most 24 hours of them.
SELECT coalesce(sum(s.minutes), 0) FROM service s
WHERE s.volunteer = :volunteer AND s.date = :date AND s.entry = 'service'
	AND NOT EXISTS (SELECT 1 FROM service r WHERE r.ref = s.id AND r.entry = 'reverse');
