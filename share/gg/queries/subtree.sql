-- SPDX-License-Identifier: Apache-2.0
-- subtree.sql: the codes of the unit :under and of every unit below it.
WITH RECURSIVE s (code) AS (
	SELECT :under
	UNION ALL
	SELECT u.code FROM unit u JOIN s ON u.parent = s.code
)
SELECT code FROM s;
