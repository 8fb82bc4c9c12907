-- SPDX-License-Identifier: Apache-2.0
-- burden/signboard.pg.sql: burden/signboard.sql on PostgreSQL, whose json_object is
-- json_build_object.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT d.unit AS community, c.name AS community_name, d.department, p.name AS department_name,
       d.id AS demand, d.title, d.date,
       json_build_object('signboard', d.signboard) AS figures
FROM demand d
JOIN unit c ON c.code = d.unit
JOIN department p ON p.code = d.department
WHERE d.date >= :from AND d.date < :to
  AND (CAST(:under AS TEXT) IS NULL OR d.unit IN (SELECT code FROM under))
  AND d.kind = 'signboard'
  AND NOT EXISTS (SELECT 1 FROM duty s WHERE s.kind = 'signboard' AND (s.code = d.signboard OR s.name = d.signboard))
ORDER BY d.unit, d.date, d.id;
