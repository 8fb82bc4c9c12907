-- SPDX-License-Identifier: Apache-2.0
-- person/roles-add.sql: one role of a person.
INSERT INTO person_role (person, pos, role, unit) VALUES (:code, :pos, :role, :unit);
