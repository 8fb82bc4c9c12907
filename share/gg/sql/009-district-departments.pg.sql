-- SPDX-License-Identifier: Apache-2.0
-- 009-district-departments.pg.sql: 009-district-departments.sql for the PostgreSQL store, where
-- a position is BIGINT, as SQLite's INTEGER holds 64 bits. Departments by district: a category
-- may name a role (urban_management, housing, …) instead of a department; each district maps
-- the roles to its own departments, and a ticket reaching street level summons its district's.
-- And the members of a joint committee (街道大工委, 社区大党委): departments and units by code,
-- enterprises and social organisations by name.

ALTER TABLE category ADD COLUMN department_role TEXT;

CREATE TABLE district_department (
	district    TEXT NOT NULL REFERENCES unit (code),
	role        TEXT NOT NULL,
	department  TEXT NOT NULL REFERENCES department (code),
	PRIMARY KEY (district, role)
);
CREATE INDEX district_department_department ON district_department (department);

CREATE TABLE party_org_member (
	party_org  TEXT NOT NULL REFERENCES party_org (code) ON DELETE CASCADE,
	pos        BIGINT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('department', 'unit', 'outside')),
	code       TEXT,
	name       TEXT,
	PRIMARY KEY (party_org, pos)
);
CREATE INDEX party_org_member_code ON party_org_member (code);
