-- SPDX-License-Identifier: Apache-2.0
-- order/dispatched.sql: whether order :id is dispatched to :volunteer and not released.
SELECT count(*) FROM order_dispatch WHERE order_id = :id AND volunteer = :volunteer AND released IS NULL;
