-- SPDX-License-Identifier: Apache-2.0
-- party-member/ref-department.sql: joint committees the department :key is a member of.
SELECT count(DISTINCT party_org) FROM party_org_member WHERE kind = 'department' AND code = :key;
