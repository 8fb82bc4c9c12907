-- SPDX-License-Identifier: Apache-2.0
-- score/ranks.sql: the appraisals kept by the rubric :rubric for the period :period at the
-- level :level (NULL: any), best first; :under keeps the units within it (NULL: all).
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT a.rank, a.unit, u.name, a.level, a.period, a.total, a.rubric, a.indicators, a.digest
FROM appraisal a JOIN unit u ON u.code = a.unit
WHERE a.rubric = :rubric AND a.period = :period AND (CAST(:level AS TEXT) IS NULL OR a.level = :level)
  AND (CAST(:under AS TEXT) IS NULL OR a.unit IN (SELECT code FROM under))
ORDER BY a.level, a.rank, a.unit;
