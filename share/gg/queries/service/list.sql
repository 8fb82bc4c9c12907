-- SPDX-License-Identifier: Apache-2.0
-- service/list.sql: gg-volunteer ledger, the rows of the hours ledger in the order they were
-- written. Every filter is NULL when not given; :volunteer, :community and :entry are JSON
-- lists of values, any of which will do; :under keeps rows served in a community of that
-- subtree; :from and :to bound the day served, [from, to).
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT id, entry, ref, volunteer, community, date, minutes, round(minutes / 60.0, 2) AS hours, counted, activity,
       order_id, team, verified_by, note, at
FROM service
WHERE (:volunteer IS NULL OR volunteer IN (SELECT value FROM json_each(:volunteer)))
  AND (CAST(:community AS TEXT) IS NULL OR community IN (SELECT value FROM json_each(:community)))
  AND (:entry IS NULL OR entry IN (SELECT value FROM json_each(:entry)))
  AND (CAST(:under AS TEXT) IS NULL OR community IN (SELECT code FROM sub))
  AND (:from IS NULL OR date >= :from)
  AND (:to IS NULL OR date < :to)
ORDER BY id;
