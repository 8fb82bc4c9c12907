-- SPDX-License-Identifier: Apache-2.0
-- metrics/resolved_at_street.sql: the period's tickets resolved (or closed) at street level, where they
-- ended whatever level they started at (街道吹哨); the four resolved_at_ metrics are the
-- level-of-resolution stack of gg-report monthly.
-- unit: tickets
-- better: none
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.resolved_at IS NOT NULL AND t.level = 'street') AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
