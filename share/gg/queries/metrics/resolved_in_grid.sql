-- SPDX-License-Identifier: Apache-2.0
-- metrics/resolved_in_grid.sql: 小事不出网格: of the period's tickets that started at grid level and
-- were resolved (or closed), the share resolved without leaving the grid (the level they ended
-- at is still grid).
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * avg(CASE WHEN t.start_level = 'grid' AND t.resolved_at IS NOT NULL THEN CASE WHEN t.level = 'grid' THEN 1 ELSE 0 END END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
