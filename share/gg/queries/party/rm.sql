-- SPDX-License-Identifier: Apache-2.0
-- party/rm.sql: removes a Party organisation.
DELETE FROM party_org WHERE code = :code;
