-- SPDX-License-Identifier: Apache-2.0
-- category/all.sql: the whole catalogue, by code.
SELECT code, name, start_level, department, department_role, respond, sla, max_extension, urgent FROM category ORDER BY code;
