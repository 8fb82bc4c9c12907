-- SPDX-License-Identifier: Apache-2.0
-- order/get.sql: resident order :id as its record shows it; dispatched is the volunteers it is
-- dispatched to and not released, as a JSON list.
SELECT o.id, o.status, o.community, o.grid, o.need, o.title, o.wanted_at, o.requester_name, o.requester_phone,
       o.ticket, (SELECT json_group_array(volunteer) FROM (SELECT volunteer FROM order_dispatch
                  WHERE order_id = o.id AND released IS NULL ORDER BY at, volunteer)) AS dispatched,
       o.volunteer, o.minutes, o.rating, o.created_at, o.status_at
FROM resident_order o WHERE o.id = :id;
