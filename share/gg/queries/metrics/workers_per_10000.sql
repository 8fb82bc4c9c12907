-- SPDX-License-Identifier: Apache-2.0
-- metrics/workers_per_10000.sql: community workers (社区工作者) per 10,000 urban residents of the unit's
-- communities that give a population, as gg-org check counts them (the view community_staffing:
-- community_worker roles and grid_worker roles on their grids). Today's staff, whatever the period.
-- unit: workers per 10,000 residents
-- better: higher
SELECT s.ancestor AS unit,
       round(sum(w.workers) * 10000.0 / sum(w.population), 1) AS value
FROM community_staffing w JOIN unit_path s ON s.code = w.community AND s.ancestor_level = :level
WHERE w.population > 0
GROUP BY s.ancestor;
