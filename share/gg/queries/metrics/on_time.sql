-- SPDX-License-Identifier: Apache-2.0
-- metrics/on_time.sql: of the period's tickets resolved (or closed), the share that never missed
-- a deadline: a ticket is late when its missed field is set (the sweep escalated it for
-- lateness, or it went overdue at department level), whatever happened after.
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * avg(CASE WHEN t.resolved_at IS NOT NULL THEN CASE WHEN t.missed THEN 0 ELSE 1 END END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
