-- SPDX-License-Identifier: Apache-2.0
-- burden/repeated_field.sql: 材料报送"一次提交": each data field (an element of a data request's
-- fields) asked again of a community in the days [:from, :to), by any department, after a data
-- request of that period first asked for it; a finding a field. Communities within :under
-- (NULL: all).
-- figures: the field, and the first request of it: its demand, department and date.
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
), asked AS (
	SELECT d.id, d.unit, d.department, d.title, d.date, f.value AS field,
	       first_value(d.id) OVER w AS first_id,
	       first_value(d.department) OVER w AS first_department,
	       first_value(d.date) OVER w AS first_date
	FROM demand d, json_each(d.fields) f
	WHERE d.kind = 'data_request' AND d.date >= :from AND d.date < :to
	  AND (CAST(:under AS TEXT) IS NULL OR d.unit IN (SELECT code FROM under))
	WINDOW w AS (PARTITION BY d.unit, f.value ORDER BY d.date, d.id)
)
SELECT DISTINCT a.unit AS community, c.name AS community_name, a.department, p.name AS department_name,
       a.id AS demand, a.title, a.date,
       json_object('field', a.field, 'first_demand', a.first_id, 'first_department', a.first_department,
                   'first_date', a.first_date) AS figures
FROM asked a
JOIN unit c ON c.code = a.unit
JOIN department p ON p.code = a.department
WHERE a.id <> a.first_id
ORDER BY a.unit, a.date, a.id, a.field;
