-- SPDX-License-Identifier: Apache-2.0
-- unit/all.sql: every unit, by code.
SELECT code, name, level, parent, population, households FROM unit ORDER BY code;
