-- SPDX-License-Identifier: Apache-2.0
-- social-rating/history.sql: gg-score social-org history, every rating of each organisation in
-- the order written, with the organisation's name and community. :org is a JSON list of codes
-- (NULL: every organisation); :under keeps the organisations of a community in that subtree;
-- :changes (1) keeps only the up- and downgrades; :id, the one rating with that id.
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT r.id, r.org, o.name, o.community, r.period, r.organisation, r.credibility, r.efficiency,
       r.w_organisation, r.w_credibility, r.w_efficiency, r.points, r.earned, r.stars, r.has_party_org,
       r.previous, r.change, r.replaces, r.note, r.at
FROM social_org_rating r JOIN social_org o ON o.code = r.org
WHERE (:org IS NULL OR r.org IN (SELECT value FROM json_each(:org)))
  AND (CAST(:under AS TEXT) IS NULL OR o.community IN (SELECT code FROM sub))
  AND (:changes IS NULL OR r.change IN ('up', 'down'))
  AND (:id IS NULL OR r.id = :id)
ORDER BY r.org, r.id;
