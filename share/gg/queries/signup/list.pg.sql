-- SPDX-License-Identifier: Apache-2.0
-- signup/list.pg.sql: signup/list.sql on PostgreSQL, which has no rowid: sign-ups made in the
-- same second come in the order of the volunteers' codes, not in the order they were made.
SELECT s.activity, s.volunteer, p.name, s.status, s.signed_at, s.checkin_at, s.checkout_at, v.minutes, s.service,
	s.changed_at
FROM signup s JOIN person p ON p.code = s.volunteer LEFT JOIN service v ON v.id = s.service
WHERE s.activity = CAST(:activity AS BIGINT) ORDER BY s.signed_at, s.volunteer;
