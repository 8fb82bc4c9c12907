-- SPDX-License-Identifier: Apache-2.0
-- skill/all.sql: every skill, built-in (010-volunteer.sql) and added, by code.
SELECT code, name FROM skill ORDER BY code;
