-- SPDX-License-Identifier: Apache-2.0
-- party/all.sql: every Party organisation, by code.
SELECT code, name, kind, unit, secretary FROM party_org ORDER BY code;
