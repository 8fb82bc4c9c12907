-- SPDX-License-Identifier: Apache-2.0
-- order/history.sql: every event of order :id, oldest first.
SELECT id AS event, at, actor, kind, status, note, data FROM order_event WHERE order_id = :id ORDER BY id;
