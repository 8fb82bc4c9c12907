-- SPDX-License-Identifier: Apache-2.0
-- district-dept/ref-district.sql: the roles the district :key gives a department.
SELECT count(*) FROM district_department WHERE district = :key;
