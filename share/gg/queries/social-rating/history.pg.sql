-- SPDX-License-Identifier: Apache-2.0
-- social-rating/history.pg.sql: social-rating/history.sql on PostgreSQL, where the JSON list
-- is read by json_array_elements_text and each parameter's type is said.
WITH RECURSIVE sub (code) AS (
	SELECT CAST(:under AS TEXT) WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT r.id, r.org, o.name, o.community, r.period, r.organisation, r.credibility, r.efficiency,
       r.w_organisation, r.w_credibility, r.w_efficiency, r.points, r.earned, r.stars, r.has_party_org,
       r.previous, r.change, r.replaces, r.note, r.at
FROM social_org_rating r JOIN social_org o ON o.code = r.org
WHERE (CAST(:org AS TEXT) IS NULL OR r.org IN (SELECT value FROM json_array_elements_text(CAST(:org AS json))))
  AND (CAST(:under AS TEXT) IS NULL OR o.community IN (SELECT code FROM sub))
  AND (CAST(:changes AS TEXT) IS NULL OR r.change IN ('up', 'down'))
  AND (CAST(:id AS BIGINT) IS NULL OR r.id = CAST(:id AS BIGINT))
ORDER BY r.org, r.id;
