-- SPDX-License-Identifier: Apache-2.0
-- dept/rm.sql: removes a department (once nothing refers to it).
DELETE FROM department WHERE code = :code;
