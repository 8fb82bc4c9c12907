-- SPDX-License-Identifier: Apache-2.0
-- district-dept/put.sql: gives a district's role a department, or another one.
INSERT INTO district_department (district, role, department) VALUES (:district, :role, :department)
ON CONFLICT (district, role) DO UPDATE SET department = excluded.department;
