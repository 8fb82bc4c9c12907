-- SPDX-License-Identifier: Apache-2.0
-- team/members-del.sql: empties a team before its members are written anew.
DELETE FROM team_member WHERE team = :code;
