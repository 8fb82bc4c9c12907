-- SPDX-License-Identifier: Apache-2.0
-- metrics/received_grid_patrol.sql: tickets reported in the period from the source grid_patrol,
-- duplicates and rejected ones apart.
-- unit: tickets
-- better: none
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.source = 'grid_patrol' AND t.status <> 'duplicate' AND t.status <> 'rejected') AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
