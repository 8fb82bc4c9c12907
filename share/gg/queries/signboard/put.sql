-- SPDX-License-Identifier: Apache-2.0
-- signboard/put.sql: adds a signboard to the list, or changes the one with that code (never a
-- duty's: the kinds' checks refuse a code the other holds, and this keeps to it as well).
INSERT INTO duty (code, name, kind, level) VALUES (:code, :name, 'signboard', :level)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level
WHERE duty.kind = 'signboard';
