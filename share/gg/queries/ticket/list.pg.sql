-- SPDX-License-Identifier: Apache-2.0
-- ticket/list.pg.sql: ticket/list.sql on PostgreSQL. The JSON lists of values are read with
-- json_array_elements_text where SQLite has json_each; "IN open" (SQLite's IN a table) is IN a
-- SELECT; the parameters only tested with IS NULL are cast to their type, which PostgreSQL must
-- know; provisional_deadline is a boolean here, NULL when false as SQLite's 0 is.
WITH RECURSIVE sub (code) AS (
	SELECT CAST(:under AS TEXT) WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
open (status) AS (SELECT status FROM ticket_status WHERE open),
-- The community and street of every grid and building, made once: one lookup a ticket in it,
-- where walking up from each ticket's unit took four (half the time over a million tickets).
place (unit, community, street) AS MATERIALIZED (
	SELECT u.code, community.code, community.parent
	FROM unit u
	JOIN unit community ON community.code = CASE WHEN u.level = 'building'
		THEN (SELECT grid.parent FROM unit grid WHERE grid.code = u.parent) ELSE u.parent END
	WHERE u.level = 'grid' OR u.level = 'building'
)
SELECT t.id, t.external_id, t.source, t.category, c.name AS category_name, t.title, t.description,
       p.street, p.community, t.unit, t.address, t.priority, t.status, t.start_level,
       t.level, t.assignee, t.reporter_name, t.reporter_phone, t.reported_at, t.respond_by, t.due_at,
       t.first_accepted_at, t.accepted_at, t.resolved_at, t.closed_at, t.overdue_at, t.missed, t.first_satisfaction,
       t.satisfaction, t.duplicate_of, t.lat, t.long, nullif(t.provisional_deadline, false) AS provisional_deadline,
       t.unmapped
FROM ticket t JOIN category c ON c.code = t.category
LEFT JOIN place p ON p.unit = t.unit
WHERE (CAST(:status AS TEXT) IS NULL OR t.status IN (SELECT json_array_elements_text(CAST(:status AS json)))
       OR ('open' IN (SELECT json_array_elements_text(CAST(:status AS json))) AND t.status IN (SELECT status FROM open)))
  AND (CAST(:level AS TEXT) IS NULL OR t.level IN (SELECT json_array_elements_text(CAST(:level AS json))))
  AND (CAST(:category AS TEXT) IS NULL OR t.category IN (SELECT json_array_elements_text(CAST(:category AS json))))
  AND (CAST(:source AS TEXT) IS NULL OR t.source IN (SELECT json_array_elements_text(CAST(:source AS json))))
  AND (CAST(:priority AS TEXT) IS NULL OR t.priority IN (SELECT json_array_elements_text(CAST(:priority AS json))))
  AND (CAST(:assignee AS TEXT) IS NULL OR t.assignee IN (SELECT json_array_elements_text(CAST(:assignee AS json))))
  AND (CAST(:unit AS TEXT) IS NULL OR t.unit IN (SELECT json_array_elements_text(CAST(:unit AS json))))
  AND (CAST(:under AS TEXT) IS NULL OR t.unit IN (SELECT code FROM sub))
  AND (CAST(:from AS BIGINT) IS NULL OR t.reported_at >= :from)
  AND (CAST(:to AS BIGINT) IS NULL OR t.reported_at < :to)
  AND (CAST(:overdue AS BIGINT) IS NULL OR (t.status IN (SELECT status FROM open) AND t.status <> 'suspended' AND t.due_at <= :now))
  AND (CAST(:due_within AS BIGINT) IS NULL OR (t.status IN (SELECT status FROM open) AND t.status <> 'suspended' AND t.due_at > CAST(:now AS BIGINT)
                               AND t.due_at <= :now + :due_within))
  AND (CAST(:unanswered AS BIGINT) IS NULL OR (t.status IN ('new', 'assigned') AND t.respond_by <= :now))
  AND (CAST(:unmapped AS BIGINT) IS NULL OR t.unmapped IS NOT NULL)
ORDER BY t.id;
