-- SPDX-License-Identifier: Apache-2.0
-- result/ref-unit.sql: departments' appraisal results of the unit :key.
SELECT count(*) FROM dept_result WHERE unit = :key;
