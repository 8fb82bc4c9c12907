-- SPDX-License-Identifier: Apache-2.0
-- demand/ref-department.sql: demands placed by the department :key.
SELECT count(*) FROM demand WHERE department = :key;
