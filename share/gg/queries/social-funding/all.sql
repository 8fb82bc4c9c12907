-- SPDX-License-Identifier: Apache-2.0
-- social-funding/all.sql: every funding record, in the order they were written.
SELECT id, org, kind, fen, date, note, reverses, at FROM social_org_funding ORDER BY id;
