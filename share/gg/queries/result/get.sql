-- SPDX-License-Identifier: Apache-2.0
-- result/get.sql: a department's appraisal result of a unit for a period.
SELECT department, unit, period, score, grade, note, imported_at FROM dept_result
WHERE department = :department AND unit = :unit AND period = :period;
