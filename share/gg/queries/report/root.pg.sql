-- SPDX-License-Identifier: Apache-2.0
-- report/root.pg.sql: report/root.sql on PostgreSQL, which has no schema main: the table unit.
SELECT code, name, level FROM unit
WHERE CASE WHEN CAST(:under AS TEXT) IS NULL THEN parent IS NULL ELSE code = :under END
ORDER BY code;
