-- SPDX-License-Identifier: Apache-2.0
-- social-funding/reversed.sql: the record reversing funding record :id, if any.
SELECT id FROM social_org_funding WHERE reverses = :id;
