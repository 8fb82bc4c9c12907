-- SPDX-License-Identifier: Apache-2.0
-- score/result.sql: the department ?1's appraisal result for the unit ?2 and the period ?3 (as
-- written: 2026-11), which a rubric's indicator `result: DEPT` reads (考核结果互认互用).
SELECT score FROM dept_result WHERE department = ?1 AND unit = ?2 AND period = ?3;
