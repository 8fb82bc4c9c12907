-- SPDX-License-Identifier: Apache-2.0
-- person/roles-get.sql: a person's roles, each with the unit it is held in.
SELECT role, unit FROM person_role WHERE person = :code ORDER BY pos;
