-- SPDX-License-Identifier: Apache-2.0
-- social-rating/get.sql: one rating.
SELECT id, org, period, organisation, credibility, efficiency, w_organisation, w_credibility, w_efficiency, points, earned, stars, has_party_org, previous, change, replaces, note, at FROM social_org_rating WHERE id = :id;
