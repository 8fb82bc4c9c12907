-- SPDX-License-Identifier: Apache-2.0
-- service/ref-community.sql: rows of the hours ledger served in the community :key.
SELECT count(*) FROM service WHERE community = :key;
