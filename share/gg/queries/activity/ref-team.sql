-- SPDX-License-Identifier: Apache-2.0
-- activity/ref-team.sql: service days held by the team :key.
SELECT count(*) FROM activity WHERE team = :key;
