-- SPDX-License-Identifier: Apache-2.0
-- metrics/escalated_street.sql: the period's tickets that started at grid or community level and
-- rose to street level or above (吹哨: the street summons a department), by the sweep or by hand.
-- A ticket's level only ever rises, so the level it is at tells how high it went.
-- unit: tickets
-- better: lower
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) FILTER (WHERE t.start_level IN ('grid', 'community') AND t.level IN ('street', 'department')) AS value
FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level
WHERE t.reported_at >= :from AND t.reported_at < :to
GROUP BY s.ancestor;
