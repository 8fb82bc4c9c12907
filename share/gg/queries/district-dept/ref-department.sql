-- SPDX-License-Identifier: Apache-2.0
-- district-dept/ref-department.sql: the districts' roles the department :key fills.
SELECT count(*) FROM district_department WHERE department = :key;
