-- SPDX-License-Identifier: Apache-2.0
-- team/put.sql: adds a team, or changes the one with that code.
INSERT INTO team (code, name, kind, community, leader) VALUES (:code, :name, :kind, :community, :leader)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, community = excluded.community,
	leader = excluded.leader;
