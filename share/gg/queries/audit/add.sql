-- SPDX-License-Identifier: Apache-2.0
-- audit/add.sql: one row of the audit log: its id (the next), when it was written and by which
-- login, the --actor and --now it was given, the command typed, the change (compact JSON),
-- the previous row's hash and this row's (gg(7) says what the hash covers).
INSERT INTO audit (id, at, login, uid, actor, now, command, change, prev, hash, v)
VALUES (:id, :at, :login, :uid, :actor, :now, :command, :change, :prev, :hash, 2);
