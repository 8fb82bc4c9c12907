-- SPDX-License-Identifier: Apache-2.0
-- burden/unapproved.pg.sql: burden/unapproved.sql on PostgreSQL, whose json_object is
-- json_build_object.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT d.unit AS community, c.name AS community_name, d.department, p.name AS department_name,
       d.id AS demand, d.title, d.date,
       json_build_object('kind', d.kind, 'duty', d.duty, 'duty_kind', t.kind) AS figures
FROM demand d
JOIN unit c ON c.code = d.unit
JOIN department p ON p.code = d.department
LEFT JOIN duty t ON t.code = d.duty
WHERE d.date >= :from AND d.date < :to
  AND (CAST(:under AS TEXT) IS NULL OR d.unit IN (SELECT code FROM under))
  AND d.kind IN ('task', 'data_request')
  AND NOT d.approved
  AND (t.kind IS NULL OR t.kind NOT IN ('by_law', 'assisted'))
ORDER BY d.unit, d.date, d.id;
