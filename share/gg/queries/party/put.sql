-- SPDX-License-Identifier: Apache-2.0
-- party/put.sql: adds a Party organisation, or changes the one with that code.
INSERT INTO party_org (code, name, kind, unit, secretary) VALUES (:code, :name, :kind, :unit, :secretary)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, unit = excluded.unit,
	secretary = excluded.secretary;
