-- SPDX-License-Identifier: Apache-2.0
-- team/members-add.pg.sql: team/members-add.sql on PostgreSQL, which says ON CONFLICT DO
-- NOTHING for SQLite's INSERT OR IGNORE: a volunteer already in the team stays as they are.
INSERT INTO team_member (team, volunteer) VALUES (:code, :volunteer) ON CONFLICT DO NOTHING;
