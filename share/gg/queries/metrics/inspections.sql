-- SPDX-License-Identifier: Apache-2.0
-- metrics/inspections.sql: 严控督查检查: inspections of the unit's communities in the period.
-- unit: inspections
-- better: lower
-- empty: 0
SELECT s.ancestor AS unit,
       sum(CASE WHEN d.kind = 'inspection' THEN 1 ELSE 0 END) AS value
FROM demand d JOIN unit_path s ON s.code = d.unit AND s.ancestor_level = :level
WHERE d.date >= :from_day AND d.date < :to_day
GROUP BY s.ancestor;
