-- SPDX-License-Identifier: Apache-2.0
-- report/trend.pg.sql: report/trend.sql on PostgreSQL, which has no json_extract nor GLOB: a
-- figure is read with ->> and summed as a number, a month's period is matched by a regular
-- expression.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT a.period, sum(CAST(a.figures ->> 'received' AS numeric)) AS received,
	sum(CAST(a.figures ->> 'resolved' AS numeric)) AS resolved,
	sum(CAST(a.figures ->> 'resolved_on_time' AS numeric)) AS resolved_on_time
FROM appraisal a
WHERE a.rubric = :rubric AND a.level = 'community' AND a.period BETWEEN :first AND :last
  AND a.period ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]$' AND a.figures IS NOT NULL
  AND (CAST(:under AS TEXT) IS NULL OR a.unit IN (SELECT code FROM under))
GROUP BY a.period
ORDER BY a.period;
