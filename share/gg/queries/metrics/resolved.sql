-- SPDX-License-Identifier: Apache-2.0
-- metrics/resolved.sql: the period's tickets resolved (or closed): those on_time is a share of.
-- unit: tickets
-- better: none
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.resolved_at IS NOT NULL) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
