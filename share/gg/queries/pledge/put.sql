-- SPDX-License-Identifier: Apache-2.0
-- pledge/put.sql: adds a pledge (the store assigns its id), or changes the one with that id.
INSERT INTO pledge (id, person, community, text, due, done_at)
VALUES (:id, :person, :community, :text, :due, :done_at)
ON CONFLICT (id) DO UPDATE SET person = excluded.person, community = excluded.community, text = excluded.text,
	due = excluded.due, done_at = excluded.done_at;
