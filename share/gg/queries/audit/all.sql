-- SPDX-License-Identifier: Apache-2.0
-- audit/all.sql: the audit log from its first row, as gg-report audit lists and verifies it;
-- :since (a time as stored), :by (an actor or a login) and :command (a substring of the
-- command) keep the rows that match, each when given.
SELECT id, at, login, uid, actor, now, command, change, prev, hash, v FROM audit
WHERE (:since IS NULL OR at >= :since)
  AND (CAST(:by AS TEXT) IS NULL OR actor = :by OR login = :by)
  AND (CAST(:command AS TEXT) IS NULL OR instr(command, :command) > 0)
ORDER BY id;
