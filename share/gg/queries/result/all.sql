-- SPDX-License-Identifier: Apache-2.0
-- result/all.sql: every department's appraisal result, by department, unit and period.
SELECT department, unit, period, score, grade, note, imported_at FROM dept_result
ORDER BY department, unit, period;
