-- SPDX-License-Identifier: Apache-2.0
-- team/members-get.sql: a team's volunteers.
SELECT volunteer FROM team_member WHERE team = :code ORDER BY volunteer;
