-- SPDX-License-Identifier: Apache-2.0
-- party/members-del.sql: forgets a joint committee's members before they are written anew.
DELETE FROM party_org_member WHERE party_org = :code;
