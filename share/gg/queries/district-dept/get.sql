-- SPDX-License-Identifier: Apache-2.0
-- district-dept/get.sql: the department a district gives a role.
SELECT district, role, department FROM district_department WHERE district = :district AND role = :role;
