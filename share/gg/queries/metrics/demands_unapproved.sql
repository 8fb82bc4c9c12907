-- SPDX-License-Identifier: Apache-2.0
-- metrics/demands_unapproved.sql: 非批不入: the period's demands for no duty on the list, or for a duty of
-- the negative list, that were not approved.
-- unit: demands
-- better: lower
-- empty: 0
SELECT s.ancestor AS unit,
       sum(CASE WHEN NOT d.approved AND (d.duty IS NULL OR d.duty IN (SELECT code FROM duty WHERE kind = 'negative')) THEN 1 ELSE 0 END) AS value
FROM demand d JOIN unit_path s ON s.code = d.unit AND s.ancestor_level = :level
WHERE d.date >= :from_day AND d.date < :to_day
GROUP BY s.ancestor;
