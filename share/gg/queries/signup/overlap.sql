-- SPDX-License-Identifier: Apache-2.0
-- signup/overlap.sql: another service day on :date whose hours overlap :start_min to :end_min
-- (minutes of the day) that the volunteer :volunteer holds a sign-up for (not withdrawn, the
-- day not called off); the first, if any.
SELECT a.id, a.title, a.date, a.hours
FROM signup s JOIN activity a ON a.id = s.activity
WHERE s.volunteer = :volunteer AND s.status <> 'cancelled' AND a.status = 'open' AND a.id <> :activity
	AND a.date = :date AND a.start_min < :end_min AND a.end_min > :start_min
ORDER BY a.start_min, a.id LIMIT 1;
