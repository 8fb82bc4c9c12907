-- SPDX-License-Identifier: Apache-2.0
-- team/members-add.sql: one volunteer of a team.
INSERT OR IGNORE INTO team_member (team, volunteer) VALUES (:code, :volunteer);
