-- SPDX-License-Identifier: Apache-2.0
-- social-rating/rm.sql: never run: ratings are append-only (GG_K_APPEND), and the store refuses it too.
DELETE FROM social_org_rating WHERE id = :id;
