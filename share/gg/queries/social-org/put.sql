-- SPDX-License-Identifier: Apache-2.0
-- social-org/put.sql: adds a social organisation, or changes the one with that code.
INSERT INTO social_org (code, name, kind, community, has_party_org, credit_code, founded, contact)
VALUES (:code, :name, :kind, :community, :has_party_org, :credit_code, :founded, :contact)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, community = excluded.community,
	has_party_org = excluded.has_party_org, credit_code = excluded.credit_code, founded = excluded.founded,
	contact = excluded.contact;
