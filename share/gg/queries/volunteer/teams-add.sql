-- SPDX-License-Identifier: Apache-2.0
-- volunteer/teams-add.sql: puts a volunteer in a team.
INSERT OR IGNORE INTO team_member (team, volunteer) VALUES (:team, :person);
