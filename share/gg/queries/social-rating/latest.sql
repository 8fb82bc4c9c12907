-- SPDX-License-Identifier: Apache-2.0
-- social-rating/latest.sql: the organisation's latest rating (its stars now), and its latest
-- rating of the period :period, if any, and the period the latest is of.
SELECT (SELECT id FROM social_org_rating WHERE org = :org ORDER BY id DESC LIMIT 1) AS last_id,
       (SELECT stars FROM social_org_rating WHERE org = :org ORDER BY id DESC LIMIT 1) AS last_stars,
       (SELECT id FROM social_org_rating WHERE org = :org AND period = :period ORDER BY id DESC LIMIT 1) AS period_id,
       (SELECT stars FROM social_org_rating WHERE org = :org AND period = :period ORDER BY id DESC LIMIT 1) AS period_stars,
       (SELECT period FROM social_org_rating WHERE org = :org ORDER BY id DESC LIMIT 1) AS last_period;
