-- SPDX-License-Identifier: Apache-2.0
-- report/trend.sql: month by month (:first to :last, as 2026-11), the tickets received and
-- resolved, and resolved on time, in the communities within :under (NULL: all), summed from
-- the figures kept with their appraisals by the rubric :rubric: counts, which add up where
-- shares do not. A month no appraisal keeps figures of is absent.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT a.period, sum(json_extract(a.figures, '$.received')) AS received,
	sum(json_extract(a.figures, '$.resolved')) AS resolved,
	sum(json_extract(a.figures, '$.resolved_on_time')) AS resolved_on_time
FROM appraisal a
WHERE a.rubric = :rubric AND a.level = 'community' AND a.period BETWEEN :first AND :last
  AND a.period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND a.figures IS NOT NULL
  AND (CAST(:under AS TEXT) IS NULL OR a.unit IN (SELECT code FROM under))
GROUP BY a.period
ORDER BY a.period;
