-- SPDX-License-Identifier: Apache-2.0
-- burden/repeated_field.pg.sql: burden/repeated_field.sql on PostgreSQL, whose json_each is
-- json_array_elements_text (a field is text) and json_object json_build_object; json has no
-- equality there, so the rows are made distinct before their figures are built.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
), asked AS (
	SELECT d.id, d.unit, d.department, d.title, d.date, f.value AS field,
	       first_value(d.id) OVER w AS first_id,
	       first_value(d.department) OVER w AS first_department,
	       first_value(d.date) OVER w AS first_date
	FROM demand d, json_array_elements_text(d.fields) AS f (value)
	WHERE d.kind = 'data_request' AND d.date >= :from AND d.date < :to
	  AND (CAST(:under AS TEXT) IS NULL OR d.unit IN (SELECT code FROM under))
	WINDOW w AS (PARTITION BY d.unit, f.value ORDER BY d.date, d.id)
), found AS (
	SELECT DISTINCT a.unit AS community, c.name AS community_name, a.department, p.name AS department_name,
	       a.id AS demand, a.title, a.date, a.field, a.first_id, a.first_department, a.first_date
	FROM asked a
	JOIN unit c ON c.code = a.unit
	JOIN department p ON p.code = a.department
	WHERE a.id <> a.first_id
)
SELECT community, community_name, department, department_name, demand, title, date,
       json_build_object('field', field, 'first_demand', first_id, 'first_department', first_department,
                         'first_date', first_date) AS figures
FROM found
ORDER BY community, date, demand, field;
