-- SPDX-License-Identifier: Apache-2.0
-- result/put.sql: adds a department's appraisal result, or replaces the one it gave the unit for
-- the period (gg-score results import --replace; the entity layer audits the old and the new).
INSERT INTO dept_result (department, unit, period, score, grade, note, imported_at)
VALUES (:department, :unit, :period, :score, :grade, :note, :imported_at)
ON CONFLICT (department, unit, period) DO UPDATE SET score = excluded.score, grade = excluded.grade,
	note = excluded.note, imported_at = excluded.imported_at;
