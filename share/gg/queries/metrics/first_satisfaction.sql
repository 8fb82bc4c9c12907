-- SPDX-License-Identifier: Apache-2.0
-- metrics/first_satisfaction.sql: of the period's tickets with a return visit, the share whose first
-- visit found the resident satisfied or basically satisfied (first_satisfaction: a later
-- visit after the ticket was sent back does not change it).
-- unit: %
-- better: higher
SELECT s.ancestor AS unit,
       round(100.0 * avg(CASE WHEN t.first_satisfaction IN ('satisfied', 'basic') THEN 1 WHEN t.first_satisfaction IS NOT NULL THEN 0 END), 1) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
