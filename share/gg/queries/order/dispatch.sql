-- SPDX-License-Identifier: Apache-2.0
-- order/dispatch.sql: order :id dispatched to volunteer :volunteer at :at; a dispatch released
-- before is made again.
INSERT INTO order_dispatch (order_id, volunteer, at) VALUES (:id, :volunteer, :at)
ON CONFLICT (order_id, volunteer) DO UPDATE SET at = excluded.at, released = NULL;
