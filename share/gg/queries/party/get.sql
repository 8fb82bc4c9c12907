-- SPDX-License-Identifier: Apache-2.0
-- party/get.sql: one Party organisation by its code.
SELECT code, name, kind, unit, secretary FROM party_org WHERE code = :code;
