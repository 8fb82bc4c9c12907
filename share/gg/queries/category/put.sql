-- SPDX-License-Identifier: Apache-2.0
-- category/put.sql: adds a category, or changes the one with that code.
INSERT INTO category (code, name, start_level, department, department_role, respond, sla, max_extension, urgent)
VALUES (:code, :name, :start_level, :department, :department_role, :respond, :sla, :max_extension, :urgent)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, start_level = excluded.start_level,
	department = excluded.department, department_role = excluded.department_role, respond = excluded.respond,
	sla = excluded.sla, max_extension = excluded.max_extension, urgent = excluded.urgent;
