-- SPDX-License-Identifier: Apache-2.0
-- order/list.sql: gg-volunteer order list. Every filter is NULL when not given; :status,
-- :community, :need and :volunteer are JSON lists of values, any of which will do; :under
-- keeps the orders of the communities in that subtree; :from and :to bound wanted_at, [from, to).
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT o.id, o.status, o.community, o.grid, o.need, o.title, o.wanted_at, o.requester_name, o.requester_phone,
       o.ticket, (SELECT json_group_array(volunteer) FROM (SELECT volunteer FROM order_dispatch
                  WHERE order_id = o.id AND released IS NULL ORDER BY at, volunteer)) AS dispatched,
       o.volunteer, o.minutes, o.rating, o.created_at, o.status_at
FROM resident_order o
WHERE (CAST(:status AS TEXT) IS NULL OR o.status IN (SELECT value FROM json_each(:status)))
  AND (CAST(:community AS TEXT) IS NULL OR o.community IN (SELECT value FROM json_each(:community)))
  AND (:need IS NULL OR o.need IN (SELECT value FROM json_each(:need)))
  AND (:volunteer IS NULL OR o.volunteer IN (SELECT value FROM json_each(:volunteer)))
  AND (CAST(:under AS TEXT) IS NULL OR o.community IN (SELECT code FROM sub))
  AND (:from IS NULL OR o.wanted_at >= :from)
  AND (:to IS NULL OR o.wanted_at < :to)
ORDER BY o.id;
