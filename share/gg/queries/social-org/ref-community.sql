-- SPDX-License-Identifier: Apache-2.0
-- social-org/ref-community.sql: social organisations of the community :key.
SELECT count(*) FROM social_org WHERE community = :key;
