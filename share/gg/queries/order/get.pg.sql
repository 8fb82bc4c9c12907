-- SPDX-License-Identifier: Apache-2.0
-- order/get.pg.sql: order/get.sql on PostgreSQL: dispatched is json_agg's list as text (the C
-- parses the text, as SQLite's json_group_array gives it), '[]' when there is none.
SELECT o.id, o.status, o.community, o.grid, o.need, o.title, o.wanted_at, o.requester_name, o.requester_phone,
       o.ticket, coalesce((SELECT CAST(json_agg(d.volunteer ORDER BY d.at, d.volunteer) AS TEXT) FROM order_dispatch d
                  WHERE d.order_id = o.id AND d.released IS NULL), '[]') AS dispatched,
       o.volunteer, o.minutes, o.rating, o.created_at, o.status_at
FROM resident_order o WHERE o.id = CAST(:id AS BIGINT);
