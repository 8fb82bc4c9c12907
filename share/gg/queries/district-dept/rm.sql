-- SPDX-License-Identifier: Apache-2.0
-- district-dept/rm.sql: takes a role's department from a district.
DELETE FROM district_department WHERE district = :district AND role = :role;
