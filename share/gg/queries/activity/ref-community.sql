-- SPDX-License-Identifier: Apache-2.0
-- activity/ref-community.sql: service days held in the community :key.
SELECT count(*) FROM activity WHERE community = :key;
