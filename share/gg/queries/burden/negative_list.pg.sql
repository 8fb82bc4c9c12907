-- SPDX-License-Identifier: Apache-2.0
-- burden/negative_list.pg.sql: burden/negative_list.sql on PostgreSQL, whose json_object is
-- json_build_object; approved, a boolean, is JSON's true or false there as it is.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT d.unit AS community, c.name AS community_name, d.department, p.name AS department_name,
       d.id AS demand, d.title, d.date,
       json_build_object('duty', d.duty, 'duty_name', t.name, 'approved', d.approved) AS figures
FROM demand d
JOIN unit c ON c.code = d.unit
JOIN department p ON p.code = d.department
JOIN duty t ON t.code = d.duty
WHERE d.date >= :from AND d.date < :to
  AND (CAST(:under AS TEXT) IS NULL OR d.unit IN (SELECT code FROM under))
  AND t.kind = 'negative'
ORDER BY d.unit, d.date, d.id;
