-- SPDX-License-Identifier: Apache-2.0
-- metrics/escalated_department.sql: the period's tickets that started below department level and
-- rose to it (the department had to report for duty: 报到).
-- unit: tickets
-- better: lower
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.start_level <> 'department' AND t.level = 'department') AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
