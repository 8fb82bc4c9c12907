-- SPDX-License-Identifier: Apache-2.0
-- ticket/summon.sql: the department the district :district gives the role :role, whom a
-- ticket of a category naming that role summons at street level (街道吹哨、部门报到).
SELECT department FROM district_department WHERE district = :district AND role = :role;
