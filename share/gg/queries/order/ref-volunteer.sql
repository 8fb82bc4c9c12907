-- SPDX-License-Identifier: Apache-2.0
-- order/ref-volunteer.sql: orders the volunteer :key accepted or was dispatched.
SELECT (SELECT count(*) FROM resident_order WHERE volunteer = :key)
     + (SELECT count(*) FROM order_dispatch WHERE volunteer = :key);
