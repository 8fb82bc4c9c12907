-- SPDX-License-Identifier: Apache-2.0
-- order/event.sql: one entry of an order's history: what happened (:kind), who and when, the
-- status after it, a note (a reason), and what moved (:data, JSON).
INSERT INTO order_event (order_id, at, actor, kind, status, note, data)
VALUES (:id, :at, :actor, :kind, :status, :note, :data);
