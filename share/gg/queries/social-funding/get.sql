-- SPDX-License-Identifier: Apache-2.0
-- social-funding/get.sql: one funding record.
SELECT id, org, kind, fen, date, note, reverses, at FROM social_org_funding WHERE id = :id;
