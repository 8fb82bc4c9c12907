-- SPDX-License-Identifier: Apache-2.0
-- score/put.sql: one unit's appraisal: rubric, period, level, unit, total, rank, what lies
-- behind it (JSON), the rubric's digest, when, and the figures kept with it (JSON).
INSERT INTO appraisal (rubric, period, level, unit, total, rank, indicators, digest, at, figures)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);
