-- SPDX-License-Identifier: Apache-2.0
-- team/ref-community.sql: teams of the community :key.
SELECT count(*) FROM team WHERE community = :key;
