-- SPDX-License-Identifier: Apache-2.0
-- social-rating/all.sql: every rating, in the order they were written.
SELECT id, org, period, organisation, credibility, efficiency, w_organisation, w_credibility, w_efficiency, points, earned, stars, has_party_org, previous, change, replaces, note, at FROM social_org_rating ORDER BY id;
