-- SPDX-License-Identifier: Apache-2.0
-- score/scope.pg.sql: score/scope.sql on PostgreSQL, which has no schemas main and temp:
-- gg-score's own unit_path is pg_temp's (score/scope-table.pg.sql), the units the one table.
INSERT INTO pg_temp.unit_path (code, level, ancestor, ancestor_level, depth)
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
), down (code, level, ancestor, depth) AS (
	SELECT code, level, code, 0 FROM unit
	WHERE level = :level AND (CAST(:unit AS TEXT) IS NULL OR code = :unit) AND (CAST(:under AS TEXT) IS NULL OR code IN (SELECT code FROM under))
	UNION ALL
	SELECT u.code, u.level, d.ancestor, d.depth + 1 FROM down d JOIN unit u ON u.parent = d.code
)
SELECT code, level, ancestor, :level, depth FROM down;
