-- SPDX-License-Identifier: Apache-2.0
-- social-rating/ref-org.sql: ratings of the social organisation :key.
SELECT count(*) FROM social_org_rating WHERE org = :key;
