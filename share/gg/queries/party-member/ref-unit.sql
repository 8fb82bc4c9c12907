-- SPDX-License-Identifier: Apache-2.0
-- party-member/ref-unit.sql: joint committees the unit :key is a member of.
SELECT count(DISTINCT party_org) FROM party_org_member WHERE kind = 'unit' AND code = :key;
