-- SPDX-License-Identifier: Apache-2.0
-- order/list.pg.sql: order/list.sql on PostgreSQL: the JSON lists are read by
-- json_array_elements_text, and dispatched is json_agg's list as text (the C parses the text,
-- as SQLite's json_group_array gives it), '[]' when there is none.
WITH RECURSIVE sub (code) AS (
	SELECT CAST(:under AS TEXT) WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT o.id, o.status, o.community, o.grid, o.need, o.title, o.wanted_at, o.requester_name, o.requester_phone,
       o.ticket, coalesce((SELECT CAST(json_agg(d.volunteer ORDER BY d.at, d.volunteer) AS TEXT) FROM order_dispatch d
                  WHERE d.order_id = o.id AND d.released IS NULL), '[]') AS dispatched,
       o.volunteer, o.minutes, o.rating, o.created_at, o.status_at
FROM resident_order o
WHERE (CAST(:status AS TEXT) IS NULL OR o.status IN (SELECT value FROM json_array_elements_text(CAST(:status AS json))))
  AND (CAST(:community AS TEXT) IS NULL OR o.community IN (SELECT value FROM json_array_elements_text(CAST(:community AS json))))
  AND (CAST(:need AS TEXT) IS NULL OR o.need IN (SELECT value FROM json_array_elements_text(CAST(:need AS json))))
  AND (CAST(:volunteer AS TEXT) IS NULL OR o.volunteer IN (SELECT value FROM json_array_elements_text(CAST(:volunteer AS json))))
  AND (CAST(:under AS TEXT) IS NULL OR o.community IN (SELECT code FROM sub))
  AND (CAST(:from AS BIGINT) IS NULL OR o.wanted_at >= CAST(:from AS BIGINT))
  AND (CAST(:to AS BIGINT) IS NULL OR o.wanted_at < CAST(:to AS BIGINT))
ORDER BY o.id;
