-- SPDX-License-Identifier: Apache-2.0
-- 003-ladder.sql: the orders gg counts in, defined here once for the SQL and the C alike
-- (lib/ladder.c reads them): the levels of the net from city down to building, the levels
-- a ticket climbs from grid up to department, and which ticket statuses are open (the
-- clock runs, the sweep looks at them, `list --status open` shows them).

CREATE TABLE level (
	ladder  TEXT NOT NULL,     -- 'unit' or 'ticket'
	rank    INTEGER NOT NULL,  -- 0 is the top of the net, the bottom of a ticket's climb
	name    TEXT NOT NULL,
	PRIMARY KEY (ladder, rank),
	UNIQUE (ladder, name)
);
INSERT INTO level (ladder, rank, name) VALUES
	('unit', 0, 'city'), ('unit', 1, 'district'), ('unit', 2, 'street'),
	('unit', 3, 'community'), ('unit', 4, 'grid'), ('unit', 5, 'building'),
	('ticket', 0, 'grid'), ('ticket', 1, 'community'), ('ticket', 2, 'street'),
	('ticket', 3, 'department');

CREATE TABLE ticket_status (
	status  TEXT PRIMARY KEY,
	open    BOOLEAN NOT NULL
);
INSERT INTO ticket_status (status, open) VALUES
	('new', 1), ('accepted', 1), ('assigned', 1), ('in_progress', 1),
	('suspended', 0), ('resolved', 0), ('closed', 0), ('rejected', 0), ('duplicate', 0);
