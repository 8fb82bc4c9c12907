-- SPDX-License-Identifier: Apache-2.0
-- activity/put.sql: adds a service day (the store assigns its id), or changes the one with that
-- id. The places taken are counted from the sign-ups, never stored.
INSERT INTO activity (id, community, date, hours, capacity, kind, team, title, status)
VALUES (:id, :community, :date, :hours, :capacity, :kind, :team, :title, :status)
ON CONFLICT (id) DO UPDATE SET community = excluded.community, date = excluded.date, hours = excluded.hours,
	capacity = excluded.capacity, kind = excluded.kind, team = excluded.team, title = excluded.title,
	status = excluded.status;
