-- SPDX-License-Identifier: Apache-2.0
-- audit/get.sql: one row of the audit log by its id.
SELECT id, at, actor, command, change, prev, hash FROM audit WHERE id = :id;
