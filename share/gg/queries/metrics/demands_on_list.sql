-- SPDX-License-Identifier: Apache-2.0
-- metrics/demands_on_list.sql: the period's demands for a duty on the community work list (by law
-- or assisted: 依法履职, 协助履职), where a demand belongs.
-- unit: demands
-- better: none
-- empty: 0
SELECT s.ancestor AS unit,
       sum(CASE WHEN d.duty IS NOT NULL AND d.duty NOT IN (SELECT code FROM duty WHERE kind = 'negative') THEN 1 ELSE 0 END) AS value
FROM demand d JOIN unit_path s ON s.code = d.unit AND s.ancestor_level = :level
WHERE d.date >= :from_day AND d.date < :to_day
GROUP BY s.ancestor;
