-- SPDX-License-Identifier: Apache-2.0
-- dept/all.sql: every department, by code.
SELECT code, name, level FROM department ORDER BY code;
