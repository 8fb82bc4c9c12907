-- SPDX-License-Identifier: Apache-2.0
-- ticket/list.sql: gg-ticket list. Every filter is a parameter that is NULL when not given;
-- :status, :level, :category, :source, :priority, :assignee and :unit are JSON lists of
-- values, any of which will do. The status 'open' means any status ticket_status calls open
-- (suspended too); :overdue keeps open tickets past their deadline whose clock runs (not
-- suspended), :due_within (seconds) those whose deadline comes within it,
-- :unanswered those not yet accepted at their level past the response time,
-- :unmapped those an import put in --unmapped's category (their own kept in unmapped); :under
-- keeps tickets on a unit of that subtree; :from and :to bound reported_at, [from, to).
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
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
       t.satisfaction, t.duplicate_of, t.lat, t.long, nullif(t.provisional_deadline, 0) AS provisional_deadline,
       t.unmapped
FROM ticket t JOIN category c ON c.code = t.category
LEFT JOIN place p ON p.unit = t.unit
WHERE (CAST(:status AS TEXT) IS NULL OR t.status IN (SELECT value FROM json_each(:status))
       OR ('open' IN (SELECT value FROM json_each(:status)) AND t.status IN open))
  AND (CAST(:level AS TEXT) IS NULL OR t.level IN (SELECT value FROM json_each(:level)))
  AND (CAST(:category AS TEXT) IS NULL OR t.category IN (SELECT value FROM json_each(:category)))
  AND (CAST(:source AS TEXT) IS NULL OR t.source IN (SELECT value FROM json_each(:source)))
  AND (CAST(:priority AS TEXT) IS NULL OR t.priority IN (SELECT value FROM json_each(:priority)))
  AND (CAST(:assignee AS TEXT) IS NULL OR t.assignee IN (SELECT value FROM json_each(:assignee)))
  AND (CAST(:unit AS TEXT) IS NULL OR t.unit IN (SELECT value FROM json_each(:unit)))
  AND (CAST(:under AS TEXT) IS NULL OR t.unit IN (SELECT code FROM sub))
  AND (:from IS NULL OR t.reported_at >= :from)
  AND (:to IS NULL OR t.reported_at < :to)
  AND (:overdue IS NULL OR (t.status IN open AND t.status <> 'suspended' AND t.due_at <= :now))
  AND (:due_within IS NULL OR (t.status IN open AND t.status <> 'suspended' AND t.due_at > :now
                               AND t.due_at <= :now + :due_within))
  AND (:unanswered IS NULL OR (t.status IN ('new', 'assigned') AND t.respond_by <= :now))
  AND (:unmapped IS NULL OR t.unmapped IS NOT NULL)
ORDER BY t.id;
