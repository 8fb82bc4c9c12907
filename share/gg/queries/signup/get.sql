-- SPDX-License-Identifier: Apache-2.0
-- signup/get.sql: the volunteer :volunteer's sign-up to the service day :activity, with their
-- name (the person's) and the minutes its check-out put in the hours ledger.
SELECT s.activity, s.volunteer, p.name, s.status, s.signed_at, s.checkin_at, s.checkout_at, v.minutes, s.service,
	s.changed_at
FROM signup s JOIN person p ON p.code = s.volunteer LEFT JOIN service v ON v.id = s.service
WHERE s.activity = :activity AND s.volunteer = :volunteer;
