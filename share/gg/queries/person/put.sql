-- SPDX-License-Identifier: Apache-2.0
-- person/put.sql: adds a person, or changes the one with that code.
INSERT INTO person (code, name, phone, id_number, party_member)
VALUES (:code, :name, :phone, :id_number, :party_member)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, phone = excluded.phone, id_number = excluded.id_number,
	party_member = excluded.party_member;
