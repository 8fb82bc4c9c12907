-- SPDX-License-Identifier: Apache-2.0
-- metrics/resolved_in_community.sql: 大事不出社区: of the period's tickets that started at grid or community
-- level and were resolved (or closed), the share resolved without leaving the community (they
-- ended at grid or community level).
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * avg(CASE WHEN t.start_level IN ('grid', 'community') AND t.resolved_at IS NOT NULL
                               THEN CASE WHEN t.level IN ('grid', 'community') THEN 1 ELSE 0 END END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
