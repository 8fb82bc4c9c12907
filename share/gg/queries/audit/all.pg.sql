-- SPDX-License-Identifier: Apache-2.0
-- audit/all.pg.sql: audit/all.sql on PostgreSQL, which finds a substring with strpos, not
-- instr, and must be told :since's type where it is tested with IS NULL.
SELECT id, at, login, uid, actor, now, command, change, prev, hash, v FROM audit
WHERE (CAST(:since AS TEXT) IS NULL OR at >= :since)
  AND (CAST(:by AS TEXT) IS NULL OR actor = :by OR login = :by)
  AND (CAST(:command AS TEXT) IS NULL OR strpos(command, :command) > 0)
ORDER BY id;
