-- SPDX-License-Identifier: Apache-2.0
-- metrics/orders_accepted.sql: resident orders placed in the unit in the period that a volunteer
-- accepted (their status accepted or done).
-- unit: orders
-- better: higher
-- empty: 0
SELECT s.ancestor AS unit,
       sum(CASE WHEN o.status = 'accepted' OR o.status = 'done' THEN 1 ELSE 0 END) AS value
FROM resident_order o JOIN unit_path s ON s.code = o.community AND s.ancestor_level = :level
WHERE o.created_at >= :from AND o.created_at < :to
GROUP BY s.ancestor;
