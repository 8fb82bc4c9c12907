-- SPDX-License-Identifier: Apache-2.0
-- party/ref-units-unit.sql: joint or functional organisations spanning the unit :key.
SELECT count(*) FROM party_org_unit WHERE unit = :key;
