-- SPDX-License-Identifier: Apache-2.0
-- person/roles-del.sql: forgets a person's roles before they are written anew.
DELETE FROM person_role WHERE person = :code;
