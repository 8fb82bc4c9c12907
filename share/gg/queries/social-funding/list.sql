-- SPDX-License-Identifier: Apache-2.0
-- social-funding/list.sql: gg-score social-org funding, the funding records in the order they
-- were written, with the organisation's name and community. Every filter is NULL when not
-- given; :org and :kind are JSON lists of values, any of which will do; :under keeps the
-- organisations of a community in that subtree; :from and :to bound the day paid, [from, to).
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT f.id, f.org, o.name, o.community, f.kind, f.fen, f.date, f.note, f.reverses, f.at
FROM social_org_funding f JOIN social_org o ON o.code = f.org
WHERE (:org IS NULL OR f.org IN (SELECT value FROM json_each(:org)))
  AND (CAST(:kind AS TEXT) IS NULL OR f.kind IN (SELECT value FROM json_each(:kind)))
  AND (CAST(:under AS TEXT) IS NULL OR o.community IN (SELECT code FROM sub))
  AND (:from IS NULL OR f.date >= :from)
  AND (:to IS NULL OR f.date < :to)
ORDER BY f.id;
