-- SPDX-License-Identifier: Apache-2.0
-- report/staffing.sql: the staffing of each unit at :level (its communities, or a street's or
-- district's summed), within :under (NULL: all), from the views gg-org check and gg-score's
-- metrics read (017-score.sql): residents, community workers (社区工作者) against 18 per
-- 10,000, the shortfall summed over communities (one community over the ratio does not make
-- up another's lack), and the grids with a full-time grid worker.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
), scope AS (
	SELECT code, ancestor FROM unit_path
	WHERE ancestor_level = :level AND (CAST(:under AS TEXT) IS NULL OR ancestor IN (SELECT code FROM under))
), grids AS (
	SELECT p.ancestor, count(*) AS grids, sum(CASE WHEN g.grid_workers > 0 THEN 1 ELSE 0 END) AS staffed
	FROM grid_staffing g JOIN scope p ON p.code = g.grid
	GROUP BY p.ancestor
)
SELECT p.ancestor AS unit, u.name, u.level, sum(s.population) AS population, sum(s.workers) AS workers,
       round(sum(s.workers) * 10000.0 / nullif(sum(s.population), 0), 1) AS per_10000,
       sum(s.required) AS required, sum(s.shortfall) AS shortfall,
       coalesce(g.grids, 0) AS grids, coalesce(g.staffed, 0) AS grids_staffed
FROM community_staffing s
JOIN scope p ON p.code = s.community
JOIN unit u ON u.code = p.ancestor
LEFT JOIN grids g ON g.ancestor = p.ancestor
GROUP BY p.ancestor, u.name, u.level, g.grids, g.staffed
ORDER BY p.ancestor;
