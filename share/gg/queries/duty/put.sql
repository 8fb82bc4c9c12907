-- SPDX-License-Identifier: Apache-2.0
-- duty/put.sql: adds an item to the duty list, or changes the one with that code.
INSERT INTO duty (code, name, kind, level) VALUES (:code, :name, :kind, :level)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level;
