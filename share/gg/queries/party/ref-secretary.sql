-- SPDX-License-Identifier: Apache-2.0
-- party/ref-secretary.sql: Party organisations whose secretary is the person :key.
SELECT count(*) FROM party_org WHERE secretary = :key;
