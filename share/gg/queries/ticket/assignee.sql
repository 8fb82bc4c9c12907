-- SPDX-License-Identifier: Apache-2.0
-- ticket/assignee.sql: whether :code, to whom a ticket is to be assigned, is a person, a department.
SELECT EXISTS (SELECT 1 FROM person WHERE code = :code) AS person,
       EXISTS (SELECT 1 FROM department WHERE code = :code) AS department;
