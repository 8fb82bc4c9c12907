-- SPDX-License-Identifier: Apache-2.0
-- metrics/order_accept_median.sql: the median time from a resident order's placing to its first
-- acceptance by a volunteer, over the period's orders accepted. median() is gg's (see
-- response_median).
-- unit: minutes
-- better: lower
SELECT s.ancestor AS unit,
       round(median((SELECT min(e.at) FROM order_event e WHERE e.order_id = o.id AND e.kind = 'accepted') - o.created_at) / 60.0, 1) AS value
FROM resident_order o JOIN unit_path s ON s.code = o.community AND s.ancestor_level = :level
WHERE o.created_at >= :from AND o.created_at < :to
GROUP BY s.ancestor;
