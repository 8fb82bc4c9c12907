-- SPDX-License-Identifier: Apache-2.0
-- district-dept/all.sql: every district's departments, by district then role.
SELECT district, role, department FROM district_department ORDER BY district, role;
