-- SPDX-License-Identifier: Apache-2.0
-- duty/put.sql: adds an item to the duty list, or changes the one with that code (never a
-- signboard's: the kinds' checks refuse a code the other holds, and this keeps to it as well).
INSERT INTO duty (code, name, kind, level) VALUES (:code, :name, :kind, :level)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level
WHERE duty.kind <> 'signboard';
