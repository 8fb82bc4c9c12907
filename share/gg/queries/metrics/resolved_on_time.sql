-- SPDX-License-Identifier: Apache-2.0
-- metrics/resolved_on_time.sql: the period's tickets resolved (or closed) that never missed a
-- deadline: on_time is this share of resolved, and the counts add up over units where the
-- share does not (gg-report monthly's trend sums them over the communities).
-- unit: tickets
-- better: higher
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.resolved_at IS NOT NULL AND NOT t.missed) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
