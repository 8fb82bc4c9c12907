-- SPDX-License-Identifier: Apache-2.0
-- person/all.sql: every person, by code.
SELECT code, name, phone, id_number, party_member FROM person ORDER BY code;
