-- SPDX-License-Identifier: Apache-2.0
-- audit/get.sql: one row of the audit log by its id.
SELECT id, at, login, uid, actor, now, command, change, prev, hash, v FROM audit WHERE id = :id;
