-- SPDX-License-Identifier: Apache-2.0
-- score/scope.sql: the units a metric is of (those at :level; :unit alone, or those within
-- :under, when given), each with every unit under it, into gg-score's own unit_scope for the
-- command (a temporary table, read before the view of the same name). Going down from the few
-- units asked for is quicker than the view's climb up from every unit.
INSERT INTO temp.unit_scope (unit, level, scope)
WITH RECURSIVE under (code) AS (
	SELECT code FROM main.unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM main.unit u JOIN under ON u.parent = under.code
), down (unit, scope) AS (
	SELECT code, code FROM main.unit
	WHERE level = :level AND (:unit IS NULL OR code = :unit) AND (:under IS NULL OR code IN (SELECT code FROM under))
	UNION ALL
	SELECT u.code, d.scope FROM down d JOIN main.unit u ON u.parent = d.unit
)
SELECT unit, :level, scope FROM down;
