-- SPDX-License-Identifier: Apache-2.0
-- skill/put.sql: adds a skill, or renames it.
INSERT INTO skill (code, name) VALUES (:code, :name) ON CONFLICT (code) DO UPDATE SET name = excluded.name;
