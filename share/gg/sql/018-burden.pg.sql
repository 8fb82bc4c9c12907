-- SPDX-License-Identifier: Apache-2.0
-- 018-burden.pg.sql: 018-burden.sql for the PostgreSQL store: the duty list also keeps the
-- signboards a community may be given (kind signboard), and a demand says which kind of
-- inspection it is and which board a signboard demand names. PostgreSQL changes a CHECK in
-- place, so where SQLite makes both tables anew (create, copy, drop, rename) this alters them:
-- the same columns in the same order, the same rows and ids, and demand keeps its indexes and
-- its gg_next_id trigger. duty_kind_check is the name PostgreSQL gave 001's CHECK on kind.

ALTER TABLE duty DROP CONSTRAINT duty_kind_check,
	ADD CONSTRAINT duty_kind_check CHECK (kind IN ('by_law', 'assisted', 'negative', 'signboard'));

ALTER TABLE demand
	-- an inspection's kind; an inspection stored before this column has none
	ADD COLUMN inspection_kind TEXT CHECK (inspection_kind IN ('comprehensive', 'special')),
	-- the board a signboard demand names, as the department wrote it: a code or a name that
	-- the list may or may not hold (gg-report burden finds the ones it does not)
	ADD COLUMN signboard TEXT,
	ADD CHECK (inspection_kind IS NULL OR kind = 'inspection'),
	ADD CHECK (signboard IS NULL OR kind = 'signboard');
-- the inspections of a community by a department in a year, counted against the cap
CREATE INDEX demand_inspection ON demand (unit, department, date) WHERE kind = 'inspection';
