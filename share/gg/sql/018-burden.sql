-- SPDX-License-Identifier: Apache-2.0
-- 018-burden.sql: what the burden-reduction audit (gg-report burden) reads beside the duty list
-- and the demands. The duty list also keeps the signboards (牌子) a community may be given, as
-- kind signboard (gg-org signboard; document key signboards); a demand says which kind of
-- inspection it is (comprehensive or special: the cap counts the comprehensive ones) and which
-- board a signboard demand names.
--
-- SQLite cannot change a CHECK in place, so both tables are made anew the way SQLite documents
-- (create, copy, drop, rename), inside this migration's transaction. The new demand table
-- refers to duty_new, which the rename of duty_new to duty turns into a reference to duty:
-- when the old duty table is dropped no demand refers to it, so the foreign keys stay on.

CREATE TABLE duty_new (
	code   TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	kind   TEXT NOT NULL CHECK (kind IN ('by_law', 'assisted', 'negative', 'signboard')),
	level  TEXT CHECK (level IN ('city', 'district', 'street'))
);
INSERT INTO duty_new (code, name, kind, level) SELECT code, name, kind, level FROM duty;

CREATE TABLE demand_new (
	id               INTEGER PRIMARY KEY,
	department       TEXT NOT NULL REFERENCES department (code),
	unit             TEXT NOT NULL REFERENCES unit (code),
	kind             TEXT NOT NULL CHECK (kind IN ('task', 'data_request', 'inspection', 'meeting', 'signboard')),
	title            TEXT NOT NULL,
	date             TEXT NOT NULL,
	duty             TEXT REFERENCES duty_new (code),
	approved         BOOLEAN NOT NULL DEFAULT 0,
	funded           BOOLEAN NOT NULL DEFAULT 0,
	fields           JSON,
	-- an inspection's kind; an inspection stored before this column has none
	inspection_kind  TEXT CHECK (inspection_kind IN ('comprehensive', 'special')),
	-- the board a signboard demand names, as the department wrote it: a code or a name that
	-- the list may or may not hold (gg-report burden finds the ones it does not)
	signboard        TEXT,
	CHECK (inspection_kind IS NULL OR kind = 'inspection'),
	CHECK (signboard IS NULL OR kind = 'signboard')
);
INSERT INTO demand_new (id, department, unit, kind, title, date, duty, approved, funded, fields)
SELECT id, department, unit, kind, title, date, duty, approved, funded, fields FROM demand;

DROP TABLE demand;
DROP TABLE duty;
ALTER TABLE duty_new RENAME TO duty;
ALTER TABLE demand_new RENAME TO demand;
CREATE INDEX demand_unit ON demand (unit, date);
CREATE INDEX demand_department ON demand (department);
CREATE INDEX demand_duty ON demand (duty);
-- the inspections of a community by a department in a year, counted against the cap
CREATE INDEX demand_inspection ON demand (unit, department, date) WHERE kind = 'inspection';
