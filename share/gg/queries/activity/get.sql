-- SPDX-License-Identifier: Apache-2.0
-- activity/get.sql: one service day, by its id, with the places its sign-ups take (those not
-- withdrawn).
SELECT id, community, date, hours, capacity, kind, team, title, status,
	(SELECT count(*) FROM signup s WHERE s.activity = a.id AND s.status <> 'cancelled') AS taken
FROM activity a WHERE id = :id;
