-- SPDX-License-Identifier: Apache-2.0
-- service/verifier.sql: whether the person :person holds the role community_worker in the
-- community :community, the one role that may verify hours served there.
SELECT count(*) FROM person_role WHERE person = :person AND role = 'community_worker' AND unit = :community;
