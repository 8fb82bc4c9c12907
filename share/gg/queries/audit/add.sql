-- SPDX-License-Identifier: Apache-2.0
-- audit/add.sql: one row of the audit log: when, who, the command typed, the change (compact
-- JSON), the previous row's hash and this row's (see gg(7) for what the hash covers).
INSERT INTO audit (at, actor, command, change, prev, hash) VALUES (:at, :actor, :command, :change, :prev, :hash);
