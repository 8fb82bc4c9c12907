-- SPDX-License-Identifier: Apache-2.0
-- burden/inspections.pg.sql: burden/inspections.sql on PostgreSQL, whose json_object is
-- json_build_object, and which must be told :cap is a number (it is bound as text) to put it in
-- JSON as one.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
), counted AS (
	SELECT d.id, d.unit, d.department, d.title, d.date, substr(d.date, 1, 4) AS year,
	       row_number() OVER w AS nth,
	       count(*) OVER (PARTITION BY d.unit, d.department, substr(d.date, 1, 4)) AS count
	FROM demand d
	WHERE d.kind = 'inspection' AND coalesce(d.inspection_kind, 'comprehensive') = 'comprehensive'
	  AND d.date >= substr(:from, 1, 4) || '-01-01' AND d.date < :to
	  AND (CAST(:under AS TEXT) IS NULL OR d.unit IN (SELECT code FROM under))
	WINDOW w AS (PARTITION BY d.unit, d.department, substr(d.date, 1, 4) ORDER BY d.date, d.id)
)
SELECT k.unit AS community, c.name AS community_name, k.department, p.name AS department_name,
       k.id AS demand, k.title, k.date,
       json_build_object('count', k.count, 'cap', CAST(:cap AS BIGINT), 'year', CAST(k.year AS INTEGER), 'nth', k.nth) AS figures
FROM counted k
JOIN unit c ON c.code = k.unit
JOIN department p ON p.code = k.department
WHERE k.date >= :from AND k.nth > CAST(:cap AS BIGINT)
ORDER BY k.unit, k.date, k.id;
