-- SPDX-License-Identifier: Apache-2.0
-- burden/inspections.sql: 严控督查检查: each comprehensive inspection in the days [:from, :to) past
-- the :cap a department may make of one community in a calendar year, counted from the 1st of
-- January of the inspection's year. An inspection not marked special counts (one stored before
-- inspection_kind existed, or given without it, cannot be shown to be special). Communities
-- within :under (NULL: all).
-- figures: count, the department's comprehensive inspections of the community in the year up
-- to the period's end; cap; year; nth, this inspection's place among them.
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
       json_object('count', k.count, 'cap', :cap, 'year', CAST(k.year AS INTEGER), 'nth', k.nth) AS figures
FROM counted k
JOIN unit c ON c.code = k.unit
JOIN department p ON p.code = k.department
WHERE k.date >= :from AND k.nth > :cap
ORDER BY k.unit, k.date, k.id;
