-- SPDX-License-Identifier: Apache-2.0
-- report/street-of.pg.sql: report/street-of.sql on PostgreSQL, which has no schema main: the
-- table unit.
SELECT s.code, s.name FROM unit c JOIN unit s ON s.code = c.parent
WHERE c.code = ?1 AND s.level = 'street';
