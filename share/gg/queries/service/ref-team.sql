-- SPDX-License-Identifier: Apache-2.0
-- service/ref-team.sql: rows of the hours ledger served with the team :key.
SELECT count(*) FROM service WHERE team = :key;
