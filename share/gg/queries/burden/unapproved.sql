-- SPDX-License-Identifier: Apache-2.0
-- burden/unapproved.sql: 准入事项"非批不入": the tasks and data requests placed on a community in
-- the days [:from, :to) for no duty the community does by law or assists with (none named, or
-- one of the negative list) that were not approved. Communities within :under (NULL: all).
-- figures: the demand's kind, its duty and that duty's kind (null when none is named).
WITH RECURSIVE under (code) AS (
	SELECT code FROM unit WHERE code = :under
	UNION ALL
	SELECT u.code FROM unit u JOIN under ON u.parent = under.code
)
SELECT d.unit AS community, c.name AS community_name, d.department, p.name AS department_name,
       d.id AS demand, d.title, d.date,
       json_object('kind', d.kind, 'duty', d.duty, 'duty_kind', t.kind) AS figures
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
