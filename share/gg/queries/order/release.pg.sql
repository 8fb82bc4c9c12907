-- SPDX-License-Identifier: Apache-2.0
-- order/release.pg.sql: order/release.sql on PostgreSQL, which says IS DISTINCT FROM for
-- SQLite's IS NOT, and returns the volunteers released in their order, as SQLite walks the
-- dispatches of the order by its key.
WITH released AS (
	UPDATE order_dispatch SET released = CAST(:at AS BIGINT)
	WHERE order_id = CAST(:id AS BIGINT) AND released IS NULL AND volunteer IS DISTINCT FROM CAST(:keep AS TEXT)
	RETURNING volunteer
)
SELECT volunteer FROM released ORDER BY volunteer;
