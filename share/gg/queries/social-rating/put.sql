-- SPDX-License-Identifier: Apache-2.0
-- social-rating/put.sql: appends a rating (the store assigns its id; the triggers of
-- 016-social-org.sql refuse to change one).
INSERT INTO social_org_rating (id, org, period, organisation, credibility, efficiency, w_organisation, w_credibility, w_efficiency, points, earned, stars, has_party_org, previous, change, replaces, note, at)
VALUES (:id, :org, :period, :organisation, :credibility, :efficiency, :w_organisation, :w_credibility,
	:w_efficiency, :points, :earned, :stars, :has_party_org, :previous, :change, :replaces, :note, :at);
