-- SPDX-License-Identifier: Apache-2.0
-- signup/list.sql: the sign-ups to the service day :activity, as signup/get.sql gives one, in
-- the order they were made (those of one second by volunteer).
SELECT s.activity, s.volunteer, p.name, s.status, s.signed_at, s.checkin_at, s.checkout_at, v.minutes, s.service,
	s.changed_at
FROM signup s JOIN person p ON p.code = s.volunteer LEFT JOIN service v ON v.id = s.service
WHERE s.activity = :activity ORDER BY s.signed_at, s.volunteer;
