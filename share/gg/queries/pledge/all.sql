-- SPDX-License-Identifier: Apache-2.0
-- pledge/all.sql: every pledge, by due day, then id.
SELECT id, person, community, text, due, done_at FROM pledge ORDER BY due, id;
