-- SPDX-License-Identifier: Apache-2.0
-- volunteer/teams-del.sql: takes a volunteer out of their teams before they are written anew.
DELETE FROM team_member WHERE volunteer = :person;
