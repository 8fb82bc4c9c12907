-- SPDX-License-Identifier: Apache-2.0
-- category/get.sql: one ticket category by its code.
SELECT code, name, start_level, department, department_role, respond, sla, max_extension, urgent FROM category WHERE code = :code;
