-- SPDX-License-Identifier: Apache-2.0
-- score/scope.sql: the units a metric is of (those at :level; :unit alone, or those within
-- :under, when given), each with every unit under it, into gg-score's own unit_path for the
-- command: a temporary table holding those rows of the view unit_path, which the metrics
-- read before the view. Going down from the few units asked for is quicker than the view's
-- climb up from every unit of the city, and each unit is then in one row.
INSERT INTO temp.unit_path (code, level, ancestor, ancestor_level, depth)
WITH RECURSIVE under (code) AS (
	SELECT code FROM main.unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM main.unit u JOIN under ON u.parent = under.code
), down (code, level, ancestor, depth) AS (
	SELECT code, level, code, 0 FROM main.unit
	WHERE level = :level AND (CAST(:unit AS TEXT) IS NULL OR code = :unit) AND (CAST(:under AS TEXT) IS NULL OR code IN (SELECT code FROM under))
	UNION ALL
	SELECT u.code, u.level, d.ancestor, d.depth + 1 FROM down d JOIN main.unit u ON u.parent = d.code
)
SELECT code, level, ancestor, :level, depth FROM down;
