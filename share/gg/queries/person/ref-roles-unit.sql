-- SPDX-License-Identifier: Apache-2.0
-- person/ref-roles-unit.sql: roles held in the unit :key.
SELECT count(*) FROM person_role WHERE unit = :key;
