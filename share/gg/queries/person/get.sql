-- SPDX-License-Identifier: Apache-2.0
-- person/get.sql: one person by code (phone and id_number are masked later, unless --reveal).
SELECT code, name, phone, id_number, party_member FROM person WHERE code = :code;
