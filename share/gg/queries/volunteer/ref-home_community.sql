-- SPDX-License-Identifier: Apache-2.0
-- volunteer/ref-home_community.sql: volunteers living in the community :key.
SELECT count(*) FROM volunteer WHERE home_community = :key;
