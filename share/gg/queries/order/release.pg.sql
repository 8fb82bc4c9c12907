-- SPDX-License-Identifier: Apache-2.0
-- order/release.pg.sql: order/release.sql on PostgreSQL, which says IS DISTINCT FROM for
-- SQLite's IS NOT (the volunteers come back in no order; the caller sorts them).
UPDATE order_dispatch SET released = CAST(:at AS BIGINT)
WHERE order_id = CAST(:id AS BIGINT) AND released IS NULL AND volunteer IS DISTINCT FROM CAST(:keep AS TEXT)
RETURNING volunteer;
