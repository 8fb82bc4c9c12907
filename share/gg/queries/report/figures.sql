-- SPDX-License-Identifier: Apache-2.0
-- report/figures.sql: the figures kept with the appraisals by the rubric :rubric of the period
-- :period at the level :level, of the units within :under (NULL: all), in code order; a unit
-- whose appraisal keeps none (made before gg kept them) gives NULL.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT a.unit, u.name, u.level, a.period, a.figures
FROM appraisal a JOIN unit u ON u.code = a.unit
WHERE a.rubric = :rubric AND a.period = :period AND a.level = :level
  AND (CAST(:under AS TEXT) IS NULL OR a.unit IN (SELECT code FROM under))
ORDER BY a.unit;
