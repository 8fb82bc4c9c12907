-- SPDX-License-Identifier: Apache-2.0
-- metrics/closed.sql: tickets reported in the period and closed after their return visit.
-- unit: tickets
-- better: higher
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.status = 'closed') AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
