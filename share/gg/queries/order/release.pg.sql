-- SPDX-License-Identifier: Apache-2.0
-- order/release.pg.sql: order/release.sql on PostgreSQL, which says IS DISTINCT FROM for
-- SQLite's IS NOT. SQLite returns the volunteers in the order their dispatches were first
-- written (rowid), which PostgreSQL does not keep: here in the order dispatched, then by code,
-- so dispatches of one command come by code rather than in the order given.
WITH released AS (
	UPDATE order_dispatch SET released = CAST(:at AS BIGINT)
	WHERE order_id = CAST(:id AS BIGINT) AND released IS NULL AND volunteer IS DISTINCT FROM CAST(:keep AS TEXT)
	RETURNING volunteer, at
)
SELECT volunteer FROM released ORDER BY at, volunteer;
