-- SPDX-License-Identifier: Apache-2.0
-- party/members-get.sql: the members of a joint committee: departments and units by code,
-- outside members by name.
SELECT kind, code, name FROM party_org_member WHERE party_org = :code ORDER BY pos;
