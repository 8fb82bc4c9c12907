-- SPDX-License-Identifier: Apache-2.0
-- social-org/standing.sql: what gg-score social-org show adds to an organisation: its latest
-- rating (the stars it holds now) and the funding it received in all, in fen.
SELECT (SELECT stars FROM social_org_rating WHERE org = :code ORDER BY id DESC LIMIT 1) AS stars,
       (SELECT period FROM social_org_rating WHERE org = :code ORDER BY id DESC LIMIT 1) AS rated_period,
       (SELECT points FROM social_org_rating WHERE org = :code ORDER BY id DESC LIMIT 1) AS points,
       (SELECT count(*) FROM social_org_rating WHERE org = :code) AS ratings,
       (SELECT coalesce(sum(fen), 0) FROM social_org_funding WHERE org = :code) AS fen,
       (SELECT count(*) FROM social_org_funding WHERE org = :code AND reverses IS NULL
	  AND id NOT IN (SELECT reverses FROM social_org_funding WHERE org = :code AND reverses IS NOT NULL)) AS funding_records;
