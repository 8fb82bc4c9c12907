-- SPDX-License-Identifier: Apache-2.0
-- metrics/grids_staffed.sql: the share of the unit's grids with a full-time grid worker (the view
-- grid_staffing, whose empty grids gg-org check names as grid_worker).
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * sum(CASE WHEN g.grid_workers > 0 THEN 1 ELSE 0 END) / count(*), 1) AS value
FROM grid_staffing g JOIN unit_path s ON s.code = g.grid AND s.ancestor_level = :level
GROUP BY s.ancestor;
