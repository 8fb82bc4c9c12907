-- SPDX-License-Identifier: Apache-2.0
-- social-funding/ref-org.sql: funding records of the social organisation :key.
SELECT count(*) FROM social_org_funding WHERE org = :key;
