-- SPDX-License-Identifier: Apache-2.0
-- dept/put.sql: adds a department, or changes the one with that code.
INSERT INTO department (code, name, level) VALUES (:code, :name, :level)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level;
