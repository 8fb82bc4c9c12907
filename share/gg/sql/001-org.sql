-- SPDX-License-Identifier: Apache-2.0
-- 001-org.sql: the net (units, addresses, Party organisations, people, departments, leader
-- links, duties, demands) and the audit log. Applied once, by PRAGMA user_version.

CREATE TABLE unit (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	level       TEXT NOT NULL CHECK (level IN ('city', 'district', 'street', 'community', 'grid', 'building')),
	parent      TEXT REFERENCES unit (code),
	population  INTEGER CHECK (population >= 0),
	households  INTEGER CHECK (households >= 0)
);
CREATE INDEX unit_parent ON unit (parent);

-- Addresses of buildings; norm is the address as gg-org resolve compares it.
CREATE TABLE address (
	unit     TEXT NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
	pos      INTEGER NOT NULL,
	address  TEXT NOT NULL,
	norm     TEXT NOT NULL,
	PRIMARY KEY (unit, pos)
);
CREATE INDEX address_address ON address (address);
CREATE INDEX address_norm ON address (norm);

CREATE TABLE person (
	code          TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	phone         TEXT,
	id_number     TEXT,
	party_member  BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE person_role (
	person  TEXT NOT NULL REFERENCES person (code) ON DELETE CASCADE,
	pos     INTEGER NOT NULL,
	role    TEXT NOT NULL CHECK (role IN ('community_worker', 'grid_worker', 'building_head',
		'party_household', 'auxiliary', 'property_manager', 'leader', 'dept_staff')),
	unit    TEXT NOT NULL REFERENCES unit (code),
	PRIMARY KEY (person, pos)
);
CREATE INDEX person_role_unit ON person_role (unit, role);

CREATE TABLE party_org (
	code       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch', 'group', 'household',
		'joint', 'functional')),
	unit       TEXT REFERENCES unit (code),
	secretary  TEXT REFERENCES person (code)
);
CREATE INDEX party_org_by_unit ON party_org (unit);
CREATE INDEX party_org_secretary ON party_org (secretary);

-- The units a joint or functional organisation spans.
CREATE TABLE party_org_unit (
	party_org  TEXT NOT NULL REFERENCES party_org (code) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	unit       TEXT NOT NULL REFERENCES unit (code),
	PRIMARY KEY (party_org, pos)
);
CREATE INDEX party_org_unit_unit ON party_org_unit (unit);

CREATE TABLE department (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	level  TEXT NOT NULL CHECK (level IN ('city', 'district', 'street'))
);

-- A city or county leader's link to a community (联支强基).
CREATE TABLE link (
	leader  TEXT NOT NULL REFERENCES person (code),
	unit    TEXT NOT NULL REFERENCES unit (code),
	PRIMARY KEY (leader, unit)
);
CREATE INDEX link_unit ON link (unit);

-- The community work list: what a community does by law, assists with, or must not be given.
CREATE TABLE duty (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	kind   TEXT NOT NULL CHECK (kind IN ('by_law', 'assisted', 'negative')),
	level  TEXT CHECK (level IN ('city', 'district', 'street'))
);

-- What departments place on communities (burden reduction, 基层减负).
CREATE TABLE demand (
	id          INTEGER PRIMARY KEY,
	department  TEXT NOT NULL REFERENCES department (code),
	unit        TEXT NOT NULL REFERENCES unit (code),
	kind        TEXT NOT NULL CHECK (kind IN ('task', 'data_request', 'inspection', 'meeting', 'signboard')),
	title       TEXT NOT NULL,
	date        TEXT NOT NULL,
	duty        TEXT REFERENCES duty (code),
	approved    BOOLEAN NOT NULL DEFAULT 0,
	funded      BOOLEAN NOT NULL DEFAULT 0,
	fields      JSON
);
CREATE INDEX demand_unit ON demand (unit, date);
CREATE INDEX demand_department ON demand (department);
CREATE INDEX demand_duty ON demand (duty);

-- Every write, append-only; hash = SHA-256 over prev and this row's fields (see gg(7)).
CREATE TABLE audit (
	id       INTEGER PRIMARY KEY,
	at       TEXT NOT NULL,
	actor    TEXT NOT NULL,
	command  TEXT NOT NULL,
	change   JSON NOT NULL,
	prev     TEXT NOT NULL,
	hash     TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Every unit with the codes of its ancestors, for reports that roll up by street or district.
CREATE VIEW unit_path AS
WITH RECURSIVE up (code, level, ancestor, ancestor_level, depth) AS (
	SELECT code, level, code, level, 0 FROM unit
	UNION ALL
	SELECT up.code, up.level, u.parent, p.level, up.depth + 1
	FROM up JOIN unit u ON u.code = up.ancestor JOIN unit p ON p.code = u.parent
)
SELECT code, level, ancestor, ancestor_level, depth FROM up;
