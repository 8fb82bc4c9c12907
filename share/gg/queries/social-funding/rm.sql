-- SPDX-License-Identifier: Apache-2.0
-- social-funding/rm.sql: never run: funding records are append-only (GG_K_APPEND), and the store refuses it too.
DELETE FROM social_org_funding WHERE id = :id;
