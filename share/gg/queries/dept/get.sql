-- SPDX-License-Identifier: Apache-2.0
-- dept/get.sql: one department by its code.
SELECT code, name, level FROM department WHERE code = :code;
