-- SPDX-License-Identifier: Apache-2.0
-- metrics/demands.sql: demands departments placed on the unit's communities in the period (tasks,
-- data requests, inspections, meetings, signboards: gg-org demand).
-- unit: demands
-- better: lower
-- empty: 0
SELECT s.ancestor AS unit,
       count(*) AS value
FROM demand d JOIN unit_path s ON s.code = d.unit AND s.ancestor_level = :level
WHERE d.date >= :from_day AND d.date < :to_day
GROUP BY s.ancestor;
