-- SPDX-License-Identifier: Apache-2.0
-- order/release.sql: the dispatches of order :id still standing, but :keep's, released at :at;
-- the volunteers released are returned.
UPDATE order_dispatch SET released = :at
WHERE order_id = :id AND released IS NULL AND volunteer IS NOT :keep
RETURNING volunteer;
