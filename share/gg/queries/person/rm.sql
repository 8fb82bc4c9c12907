-- SPDX-License-Identifier: Apache-2.0
-- person/rm.sql: removes a person (once nothing refers to them); their roles go with them.
DELETE FROM person WHERE code = :code;
