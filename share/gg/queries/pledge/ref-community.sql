-- SPDX-License-Identifier: Apache-2.0
-- pledge/ref-community.sql: pledges made to the community :key.
SELECT count(*) FROM pledge WHERE community = :key;
