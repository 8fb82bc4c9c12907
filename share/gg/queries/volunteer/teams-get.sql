-- SPDX-License-Identifier: Apache-2.0
-- volunteer/teams-get.sql: the teams a volunteer is in.
SELECT team FROM team_member WHERE volunteer = :person ORDER BY team;
