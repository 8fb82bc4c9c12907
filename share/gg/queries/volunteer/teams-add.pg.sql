-- SPDX-License-Identifier: Apache-2.0
-- volunteer/teams-add.pg.sql: volunteer/teams-add.sql on PostgreSQL, which says ON CONFLICT DO
-- NOTHING for SQLite's INSERT OR IGNORE: a volunteer already in the team stays as they are.
INSERT INTO team_member (team, volunteer) VALUES (:team, :person) ON CONFLICT DO NOTHING;
