-- SPDX-License-Identifier: Apache-2.0
-- tree.pg.sql: tree.sql on PostgreSQL, whose chr() is SQLite's char(). The units below :under (or below every root), depth first, children in code
-- order; chr(31) sorts before any character a code may hold, so a parent precedes its subtree.
WITH RECURSIVE t (code, name, level, parent, population, depth, path) AS (
	SELECT code, name, level, parent, population, 0, code FROM unit
	WHERE (CAST(:under AS TEXT) IS NULL AND parent IS NULL) OR code = :under
	UNION ALL
	SELECT u.code, u.name, u.level, u.parent, u.population, t.depth + 1, t.path || chr(31) || u.code
	FROM unit u JOIN t ON u.parent = t.code
	WHERE CAST(:depth AS INTEGER) IS NULL OR t.depth < :depth
)
SELECT code, name, level, parent, population, depth FROM t ORDER BY path;
