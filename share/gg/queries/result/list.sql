-- SPDX-License-Identifier: Apache-2.0
-- result/list.sql: the departments' appraisal results of the department :department, the unit
-- :unit and the period :period (as written: 2026-11), each of them any when NULL; by unit,
-- period and department.
SELECT department, unit, period, score, grade, note, imported_at FROM dept_result
WHERE (CAST(:department AS TEXT) IS NULL OR department = :department) AND (CAST(:unit AS TEXT) IS NULL OR unit = :unit)
	AND (CAST(:period AS TEXT) IS NULL OR period = :period)
ORDER BY unit, period, department;
