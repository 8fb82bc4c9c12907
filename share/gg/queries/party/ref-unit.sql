-- SPDX-License-Identifier: Apache-2.0
-- party/ref-unit.sql: Party organisations standing on the unit :key.
SELECT count(*) FROM party_org WHERE unit = :key;
