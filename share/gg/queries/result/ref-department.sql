-- SPDX-License-Identifier: Apache-2.0
-- result/ref-department.sql: appraisal results the department :key gave.
SELECT count(*) FROM dept_result WHERE department = :key;
