-- SPDX-License-Identifier: Apache-2.0
-- audit/all.sql: the audit log from its first row.
SELECT id, at, actor, command, change, prev, hash FROM audit ORDER BY id;
