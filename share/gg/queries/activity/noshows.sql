-- SPDX-License-Identifier: Apache-2.0
-- activity/noshows.sql: how reliable the volunteer :volunteer has been at service days held
-- from :from to before :to (YYYY-MM-DD; NULL for no bound), activities called off left out:
-- noshows, the sign-ups marked no-shows; attended, those checked in (and out); signed, every
-- sign-up not withdrawn, those still to come included.
SELECT coalesce(sum(CASE WHEN s.status = 'noshow' THEN 1 ELSE 0 END), 0) AS noshows,
	coalesce(sum(CASE WHEN s.status IN ('checked_in', 'done') THEN 1 ELSE 0 END), 0) AS attended,
	count(*) AS signed
FROM signup s JOIN activity a ON a.id = s.activity
WHERE s.volunteer = :volunteer AND s.status <> 'cancelled' AND a.status = 'open'
	AND (CAST(:from AS TEXT) IS NULL OR a.date >= :from) AND (CAST(:to AS TEXT) IS NULL OR a.date < :to);
