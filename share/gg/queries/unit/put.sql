-- SPDX-License-Identifier: Apache-2.0
-- unit/put.sql: adds a unit, or changes the one with that code.
INSERT INTO unit (code, name, level, parent, population, households)
VALUES (:code, :name, :level, :parent, :population, :households)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent = excluded.parent,
	population = excluded.population, households = excluded.households;
